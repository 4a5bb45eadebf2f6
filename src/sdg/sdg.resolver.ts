import { Arg, Args, Ctx, FieldResolver, Int, Query, Resolver, Root } from "type-graphql";
import { Context } from "../graphql/context";
import { AllianceListArgs } from "../alliance/alliance.args";
import { AllianceConnection } from "../alliance/alliance.type";
import { ALLIANCE_PAGES } from "../alliance/alliance.page";
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
  alliances(@Root() sdg: SDG, @Args() args: AllianceListArgs, @Ctx() ctx: Context) {
    return ALLIANCE_PAGES.forSdg.page(ctx, sdg.number, args);
  }
}
