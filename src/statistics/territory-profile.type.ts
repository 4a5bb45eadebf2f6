import { Args, Field, Float, Info, Int, ObjectType } from "type-graphql";
import { GraphQLResolveInfo } from "graphql";
import { Territory } from "../territory/territory.type";
import { MostConnectedArgs } from "./statistics.args";
import { labelled } from "./statistics.labels";
import { ActorScore, Count } from "./statistics.type";
import { Statistics } from "./scope-statistics.type";
import type { ScopeFigures } from "./scope-figures";

/**
 * What the alliances acting in a territory (or anywhere inside it) look like: `figures.scope`
 * holds the territory's id. Its figures are methods, so each is computed only when asked; they
 * live here rather than in a resolver class because schema.ts registers only StatisticsResolver.
 */
@ObjectType({ simpleResolvers: true, description: "The alliances acting in a territory or anywhere inside it, and their members" })
export class TerritoryProfile {
  @Field(() => Territory)
  territory!: Territory;

  figures!: ScopeFigures;

  static of(territory: Territory, figures: ScopeFigures): TerritoryProfile {
    return Object.assign(new TerritoryProfile(), { territory, figures });
  }

  @Field(() => Int, { description: "Alliances acting in it or anywhere inside it" })
  allianceCount(): Promise<number> {
    return this.figures.get("allianceCount");
  }

  @Field(() => [Count], { description: "Members of those alliances (not actors merely based there), per actor kind, every kind listed" })
  async actorsByKind(@Info() info: GraphQLResolveInfo): Promise<Count[]> {
    return labelled(await this.figures.get("actorsByKind"), info, "ActorKind");
  }

  @Field(() => Float, { description: "Share (0–1) of those alliances joining three or more kinds of actor; 0 when none" })
  coConstructionShare(): Promise<number> {
    return this.figures.get("coConstructionShare");
  }

  @Field(() => [ActorScore], {
    description: "Members of those alliances, by distinct co-constructors within them, then alliance count, then name",
  })
  mostConnectedActors(@Args() { first }: MostConnectedArgs): Promise<ActorScore[]> {
    return this.figures.mostConnected(first);
  }

  // Same scope, same ScopeFigures: the profile's figures and these share one query.
  @Field(() => Statistics, { description: "The breakdowns of `statistics`, over the same alliances" })
  statistics(): Statistics {
    return Statistics.of(this.figures);
  }
}
