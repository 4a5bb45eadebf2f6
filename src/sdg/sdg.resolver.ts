import { Arg, Args, Ctx, FieldResolver, Int, Query, Resolver, Root } from "type-graphql";
import { Context } from "../graphql/context";
import { allianceScope } from "../graphql/scope";
import { countKey, pageKey, toPage } from "../common/connection";
import { AllianceListArgs } from "../alliance/alliance.args";
import { AllianceConnection } from "../alliance/alliance.type";
import { planAlliancePage } from "../alliance/alliance.resolver";
import { SDG, SDGTarget } from "./sdg.type";

/** GraphQL for the Sustainable Development Goals. */
@Resolver(() => SDG)
export class SdgResolver {
  @Query(() => SDG, { nullable: true, description: "An SDG (ODD) by number, 1–17" })
  sdg(@Arg("number", () => Int) number: number, @Ctx() { loaders }: Context) {
    return loaders.sdgByNumber.load(number);
  }

  @Query(() => [SDG], { description: "The 17 goals" })
  sdgs(@Ctx() { repos }: Context) {
    return repos.sdgs.list();
  }

  @FieldResolver(() => [SDGTarget])
  targets(@Root() sdg: SDG, @Ctx() { loaders }: Context) {
    return loaders.targetsOf.load(sdg.number);
  }

  @FieldResolver(() => AllianceConnection, { description: "Alliances contributing to it, in scope" })
  async alliances(@Root() sdg: SDG, @Args() args: AllianceListArgs, @Ctx() ctx: Context) {
    const plan = planAlliancePage(args, "SDG.alliances");
    const scope = await allianceScope(ctx, args.filter, args.at);
    const rows = await ctx.loaders.alliancesForSdg.load(pageKey(sdg.number, plan, { ...scope }));
    return toPage(rows, plan, () => ctx.loaders.allianceCountForSdg.load(countKey(sdg.number, { ...scope })));
  }
}
