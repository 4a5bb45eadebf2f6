import { Field, Int, ObjectType } from "type-graphql";
import { ActorKind, AllianceKind } from "../common/enums";
import { Actor } from "../actor/actor.type";
import { AllianceFilterParams } from "../alliance/alliance-filter";

/** Which alliances a statistic covers: the resolved filter, and the date they were active on ("YYYY-MM-DD" or null). */
export interface StatisticsScope {
  filter: AllianceFilterParams;
  at: string | null;
}

@ObjectType({ simpleResolvers: true, description: "One bucket of a breakdown: most first, ties in the key's natural order" })
export class Count {
  @Field({ description: "Enum value, SDG number or year, as a string" })
  key!: string;

  @Field(() => String, { nullable: true, description: "Readable name (French words for enum values, SDG title), when there is one" })
  label?: string | null;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ simpleResolvers: true, description: "Alliances of one kind started in one year" })
export class YearKindCount {
  @Field(() => Int)
  year!: number;

  @Field(() => AllianceKind)
  kind!: AllianceKind;

  @Field(() => String, { nullable: true, description: "The kind in French words" })
  label?: string | null;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ simpleResolvers: true, description: "A pair of actor kinds and how many alliances join them (a ≤ b in enum order)" })
export class KindPair {
  @Field(() => ActorKind)
  a!: ActorKind;

  @Field(() => ActorKind)
  b!: ActorKind;

  @Field(() => Int)
  allianceCount!: number;
}

@ObjectType({ simpleResolvers: true, description: "A member of a set of alliances, scored by how many others it co-constructs with there" })
export class ActorScore {
  @Field(() => Actor)
  actor!: Actor;

  @Field(() => Int, { description: "Distinct other members of the alliances it shares" })
  coConstructorCount!: number;

  @Field(() => Int, { description: "Alliances of the set it is a member of" })
  allianceCount!: number;
}
