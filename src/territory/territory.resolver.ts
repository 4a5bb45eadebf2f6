import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { Context } from "../graphql/context";
import { allianceScope, territoryByCode, territoryIdOf } from "../graphql/scope";
import { countKey, pageKey, planPage, toPage } from "../common/connection";
import { TerritoryLevel } from "../common/enums";
import { ActorConnection } from "../actor/actor.type";
import { AllianceListArgs } from "../alliance/alliance.args";
import { AllianceConnection } from "../alliance/alliance.type";
import { planAlliancePage } from "../alliance/alliance.resolver";
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
  async territories(@Args() args: TerritoryListArgs, @Ctx() ctx: Context) {
    const plan = planPage(args, "territories");
    const scope = { level: args.level ?? null, withinId: await territoryIdOf(ctx, args.within), namePrefix: args.nameStartsWith ?? null };
    return ctx.repos.territories.page(scope, plan);
  }

  @FieldResolver(() => Territory, { nullable: true, description: "Administrative parent (commune → département → région → France)" })
  parent(@Root() territory: Territory, @Ctx() { loaders }: Context) {
    return loaders.parentOf.load(territory.id);
  }

  @FieldResolver(() => TerritoryConnection, { description: "Territories directly inside it, by name" })
  async children(@Root() territory: Territory, @Args() args: ChildrenArgs, @Ctx() { loaders }: Context) {
    const plan = planPage(args, "Territory.children");
    const scope = { level: args.level ?? null };
    const rows = await loaders.childrenOf.load(pageKey(territory.id, plan, scope));
    return toPage(rows, plan, () => loaders.childCountOf.load(countKey(territory.id, scope)));
  }

  @FieldResolver(() => AllianceConnection, { description: "Alliances acting in it or anywhere inside it" })
  async alliances(@Root() territory: Territory, @Args() args: AllianceListArgs, @Ctx() ctx: Context) {
    const plan = planAlliancePage(args, "Territory.alliances");
    const scope = await allianceScope(ctx, args.filter, args.at);
    const rows = await ctx.loaders.alliancesInTerritory.load(pageKey(territory.id, plan, { ...scope }));
    return toPage(rows, plan, () => ctx.loaders.allianceCountInTerritory.load(countKey(territory.id, { ...scope })));
  }

  @FieldResolver(() => ActorConnection, { description: "Actors based in it or anywhere inside it, by name" })
  async actors(@Root() territory: Territory, @Args() args: TerritoryActorArgs, @Ctx() { loaders }: Context) {
    const plan = planPage(args, "Territory.actors");
    const scope = { kinds: args.kinds ?? null };
    const rows = await loaders.actorsIn.load(pageKey(territory.id, plan, scope));
    return toPage(rows, plan, () => loaders.actorCountIn.load(countKey(territory.id, scope)));
  }
}
