import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { Context } from "../graphql/context";
import { planPage } from "../common/connection";
import { toNeo4jDate } from "../neo4j/props";
import { OutcomeKindArgs } from "../outcome/outcome.args";
import { OutcomeConnection } from "../outcome/outcome.type";
import { CoConstruction } from "./co-construction.type";

@Resolver(() => CoConstruction)
export class CoConstructionResolver {
  @FieldResolver(() => OutcomeConnection, { description: "Outcomes of the shared alliances, by title" })
  outcomes(@Root() shared: CoConstruction, @Args() args: OutcomeKindArgs, @Ctx() { repos }: Context) {
    const plan = planPage(args, "CoConstruction.outcomes", "TITLE");
    const filter = { kinds: args.kinds ?? null, sdgs: null, territoryId: null, allianceIds: shared.alliances.map((a) => a.id) };
    return repos.outcomes.page({ filter, at: toNeo4jDate(args.at ?? shared.at) }, plan);
  }
}
