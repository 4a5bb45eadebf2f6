import { Arg, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { LocalDateResolver } from "graphql-scalars";
import type { Context } from "../graphql/context";
import { Territory } from "../territory/territory.type";
import { MaturityAssessment } from "./maturity.type";

export const AT = { nullable: true, description: "The latest assessment on or before this date (default: the latest)" } as const;

/** Territory.maturity and Territory.maturityHistory (MaturityResolver serves Actor's). */
@Resolver(() => Territory)
export class TerritoryMaturityResolver {
  @FieldResolver(() => MaturityAssessment, { name: "maturity", nullable: true, description: "Its latest maturity assessment (ties: greatest id)" })
  territoryMaturity(
    @Root() territory: Territory,
    @Arg("at", () => LocalDateResolver, AT) at: string | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.loaders.maturityOfTerritory.load({ id: territory.id, at: at ?? null });
  }

  @FieldResolver(() => [MaturityAssessment], { name: "maturityHistory", description: "Its maturity assessments, oldest first" })
  territoryMaturityHistory(@Root() territory: Territory, @Ctx() ctx: Context) {
    return ctx.loaders.maturityHistoryOfTerritory.load(territory.id);
  }
}
