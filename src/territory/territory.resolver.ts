import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { Context } from "../graphql/context";
import { TerritoryLevel } from "../common/enums";
import { ListArgs } from "../common/list.args";
import { Actor } from "../actor/actor.type";
import { Alliance } from "../alliance/alliance.type";
import { TerritoryListArgs } from "./territory.args";
import { Territory } from "./territory.type";

/** GraphQL for territories: the geography and what acts or is based in it. */
@Resolver(() => Territory)
export class TerritoryResolver {
  @Query(() => Territory, {
    nullable: true,
    description: "A territory by INSEE code (\"94028\"), by id (\"REGION:11\"), or by code and level",
  })
  territory(
    @Arg("code") code: string,
    @Arg("level", () => TerritoryLevel, { nullable: true }) level: TerritoryLevel | null,
    @Ctx() { repos }: Context,
  ) {
    return repos.territories.byCode(code, level ?? null);
  }

  @Query(() => [Territory], { description: "Territories by name, filtered" })
  async territories(@Args() args: TerritoryListArgs, @Ctx() { repos, loaders }: Context) {
    const within = args.within ? await loaders.territoryByRef.load(args.within) : null;
    return repos.territories.list({ level: args.level, namePrefix: args.nameStartsWith, withinId: within?.id, first: args.first });
  }

  @FieldResolver(() => Territory, { nullable: true, description: "Administrative parent (commune → département → région → France)" })
  parent(@Root() territory: Territory, @Ctx() { loaders }: Context) {
    return loaders.parentOf.load(territory.id);
  }

  @FieldResolver(() => [Territory], { description: "Territories directly inside it, by name" })
  children(@Root() territory: Territory, @Args() { first }: ListArgs, @Ctx() { loaders }: Context) {
    return loaders.childrenOf.load({ id: territory.id, first });
  }

  @FieldResolver(() => [Alliance], { description: "Alliances acting in it or anywhere inside it, by name" })
  alliances(@Root() territory: Territory, @Args() { first }: ListArgs, @Ctx() { loaders }: Context) {
    return loaders.alliancesIn.load({ id: territory.id, first });
  }

  @FieldResolver(() => [Actor], { description: "Actors based in it or anywhere inside it, by name" })
  actors(@Root() territory: Territory, @Args() { first }: ListArgs, @Ctx() { loaders }: Context) {
    return loaders.actorsIn.load({ id: territory.id, first });
  }
}
