import { Args, Ctx, Field, Float, Info, Int, ObjectType } from "type-graphql";
import { GraphQLResolveInfo } from "graphql";
import type { Context } from "../graphql/context";
import { Territory } from "../territory/territory.type";
import { MostConnectedArgs } from "./statistics.args";
import { labelled } from "./statistics.labels";
import { ActorScore, Count, Statistics, StatisticsScope } from "./statistics.type";

/**
 * What the alliances acting in a territory (or anywhere inside it) look like. `scope.filter`
 * holds the territory's id. Its figures are methods, so each runs only when asked; they live
 * here rather than in a resolver class because schema.ts registers only StatisticsResolver.
 */
@ObjectType({ description: "The alliances acting in a territory or anywhere inside it, and their members" })
export class TerritoryProfile {
  @Field(() => Territory)
  territory!: Territory;

  scope!: StatisticsScope;

  static of(territory: Territory, scope: StatisticsScope): TerritoryProfile {
    return Object.assign(new TerritoryProfile(), { territory, scope });
  }

  @Field(() => Int, { description: "Alliances acting in it or anywhere inside it" })
  allianceCount(@Ctx() { repos }: Context): Promise<number> {
    return repos.statistics.territoryAllianceCount(this.scope);
  }

  @Field(() => [Count], { description: "Members of those alliances (not actors merely based there), per actor kind, every kind listed" })
  async actorsByKind(@Ctx() { repos }: Context, @Info() info: GraphQLResolveInfo): Promise<Count[]> {
    return labelled(await repos.statistics.territoryActorsByKind(this.scope), info, "ActorKind");
  }

  @Field(() => Float, { description: "Share (0–1) of those alliances joining three or more kinds of actor; 0 when none" })
  coConstructionShare(@Ctx() { repos }: Context): Promise<number> {
    return repos.statistics.territoryCoConstructionShare(this.scope);
  }

  @Field(() => [ActorScore], {
    description: "Members of those alliances, by distinct co-constructors within them, then alliance count, then name",
  })
  mostConnectedActors(@Args() { first }: MostConnectedArgs, @Ctx() { repos }: Context): Promise<ActorScore[]> {
    return repos.statistics.territoryMostConnected(this.scope, first);
  }

  @Field(() => Statistics, { description: "The breakdowns of `statistics`, over the same alliances" })
  statistics(): Statistics {
    return Statistics.of(this.scope);
  }
}
