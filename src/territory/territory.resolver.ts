import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { Context } from "../graphql/context";
import { territoryByCode } from "../graphql/scope";
import { TerritoryLevel } from "../common/enums";
import { ActorConnection } from "../actor/actor.type";
import { AllianceListArgs } from "../alliance/alliance.args";
import { AllianceConnection } from "../alliance/alliance.type";
import { ALLIANCE_PAGES } from "../alliance/alliance.page";
import { TERRITORY_PAGES } from "./territory.page";
import { ChildrenArgs, TerritoryActorArgs, TerritoryListArgs } from "./territory.args";
import { Territory, TerritoryConnection } from "./territory.type";

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
    @Ctx() ctx: Context,
  ) {
    return territoryByCode(ctx, code, level ?? null);
  }

  @Query(() => TerritoryConnection, { description: "Territories by name, filtered, paged" })
  territories(@Args() args: TerritoryListArgs, @Ctx() ctx: Context) {
    return TERRITORY_PAGES.territories.page(ctx, args);
  }

  @FieldResolver(() => Territory, { nullable: true, description: "Administrative parent (commune → département → région → France)" })
  parent(@Root() territory: Territory, @Ctx() { loaders }: Context) {
    return loaders.parentOf.load(territory.id);
  }

  @FieldResolver(() => TerritoryConnection, { description: "Territories directly inside it, by name" })
  children(@Root() territory: Territory, @Args() args: ChildrenArgs, @Ctx() ctx: Context) {
    return TERRITORY_PAGES.children.page(ctx, territory.id, args);
  }

  @FieldResolver(() => AllianceConnection, { description: "Alliances acting in it or anywhere inside it" })
  alliances(@Root() territory: Territory, @Args() args: AllianceListArgs, @Ctx() ctx: Context) {
    return ALLIANCE_PAGES.inTerritory.page(ctx, territory.id, args);
  }

  @FieldResolver(() => ActorConnection, { description: "Actors based in it or anywhere inside it, by name" })
  actors(@Root() territory: Territory, @Args() args: TerritoryActorArgs, @Ctx() ctx: Context) {
    return TERRITORY_PAGES.actors.page(ctx, territory.id, args);
  }
}
