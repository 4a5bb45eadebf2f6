import { ObjectType } from "type-graphql";
import type { ScopeFigures } from "./scope-figures";

/**
 * Observatoire-style figures over the alliances of a scope. Each field asks `figures` for its
 * own figure (statistics.resolver.ts) and those asked together share one query: a client pays
 * for what it asks, in one round trip.
 */
@ObjectType({
  simpleResolvers: true,
  description: "Figures over the alliances matching a filter (and active on a date); each field is computed only when asked",
})
export class Statistics {
  figures!: ScopeFigures;

  static of(figures: ScopeFigures): Statistics {
    return Object.assign(new Statistics(), { figures });
  }
}
