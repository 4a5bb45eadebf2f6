import { Arg, Args, Ctx, FieldResolver, Int, Query, Resolver, Root } from "type-graphql";
import { Context } from "../graphql/context";
import { ListArgs } from "../common/list.args";
import { Alliance } from "../alliance/alliance.type";
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

  @FieldResolver(() => [Alliance], { description: "Alliances contributing to it, by name" })
  alliances(@Root() sdg: SDG, @Args() { first }: ListArgs, @Ctx() { loaders }: Context) {
    return loaders.alliancesForSdg.load({ id: sdg.number, first });
  }
}
