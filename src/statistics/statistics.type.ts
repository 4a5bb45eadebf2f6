import { Field, Int, ObjectType } from "type-graphql";
import { ActorKind } from "../common/enums";
import { Actor } from "../actor/actor.type";
import { AllianceFilterParams } from "../alliance/alliance-filter";
import type { ScopeFigures } from "./scope-figures";

/** Which alliances a statistic covers: the resolved filter, and the date they were active on ("YYYY-MM-DD" or null). */
export interface StatisticsScope {
  filter: AllianceFilterParams;
  at: string | null;
}

@ObjectType({ description: "One bucket of a breakdown: most first, ties in the key's natural order" })
export class Count {
  @Field({ description: "Enum value, SDG number or year, as a string" })
  key!: string;

  @Field(() => String, { nullable: true, description: "Readable name (French words for enum values, SDG title), when there is one" })
  label?: string | null;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: "A pair of actor kinds and how many alliances join them (a ≤ b in enum order)" })
export class KindPair {
  @Field(() => ActorKind)
  a!: ActorKind;

  @Field(() => ActorKind)
  b!: ActorKind;

  @Field(() => Int)
  allianceCount!: number;
}

@ObjectType({ description: "A member of a set of alliances, scored by how many others it co-constructs with there" })
export class ActorScore {
  @Field(() => Actor)
  actor!: Actor;

  @Field(() => Int, { description: "Distinct other members of the alliances it shares" })
  coConstructorCount!: number;

  @Field(() => Int, { description: "Alliances of the set it is a member of" })
  allianceCount!: number;
}

/**
 * Observatoire-style figures over the alliances of a scope. Each field asks `figures` for its
 * own figure (statistics.resolver.ts) and those asked together share one query: a client pays
 * for what it asks, in one round trip.
 */
@ObjectType({
  description: "Figures over the alliances matching a filter (and active on a date); each field is computed only when asked",
})
export class Statistics {
  figures!: ScopeFigures;

  static of(figures: ScopeFigures): Statistics {
    return Object.assign(new Statistics(), { figures });
  }
}
