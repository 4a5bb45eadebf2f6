import { Field, GraphQLISODateTime, ID, Int, ObjectType } from "type-graphql";
import { JSONResolver } from "graphql-scalars";

@ObjectType({ simpleResolvers: true, description: "A point of recorded time: the last write it includes, its instant, and the release naming it" })
export class RecordedPointInfo {
  @Field(() => Int, { description: "The last write it includes (the change log's seq; 0: none since history began)" })
  seq!: number;

  @Field(() => GraphQLISODateTime)
  at!: string;

  @Field(() => String, { nullable: true, description: "The release given for it, if any" })
  release?: string | null;
}

@ObjectType({ simpleResolvers: true, description: "A field whose value differs between the two points" })
export class DiffFieldChange {
  @Field({ description: "The input field (as the JSON export names it)" })
  field!: string;

  @Field(() => JSONResolver, { nullable: true, description: "Its value at `from` (null: absent)" })
  before!: unknown;

  @Field(() => JSONResolver, { nullable: true, description: "Its value at `to` (null: absent)" })
  after!: unknown;
}

@ObjectType({ simpleResolvers: true, description: "An entry of the change log between the two points" })
export class DiffLoggedChange {
  @Field(() => Int)
  seq!: number;

  @Field(() => GraphQLISODateTime)
  at!: string;

  @Field(() => String, { nullable: true, description: "Who wrote (\"api-key:<name>\", \"jwt:<sub>\", \"import:<files>\"…): admins only, null for others" })
  who!: string | null;

  @Field({ description: "MUTATION, IMPORT, SEED, MERGE, DELETE, CLI or SCRIPT" })
  how!: string;

  @Field({ description: "CREATED, UPDATED or DELETED" })
  op!: string;
}

@ObjectType({ simpleResolvers: true, description: "An entity added, removed or changed between the two points" })
export class DiffItem {
  @Field({ description: "Source, Actor, Alliance, Membership, Outcome or MaturityAssessment" })
  entity!: string;

  @Field(() => ID, { description: "Its id (a membership's: <allianceId>/<actorId>)" })
  id!: string;

  @Field(() => JSONResolver, { nullable: true, description: "Its JSON export row at `from`; null when added" })
  before!: unknown;

  @Field(() => JSONResolver, { nullable: true, description: "Its JSON export row at `to`; null when removed" })
  after!: unknown;

  @Field(() => [DiffFieldChange], { description: "Changed items: the fields that differ, in the input's order" })
  fields!: DiffFieldChange[];

  @Field(() => [DiffLoggedChange], { description: "The change log's entries for it between the two points, oldest first" })
  changes!: DiffLoggedChange[];
}

@ObjectType({ simpleResolvers: true, description: "What was added, removed and changed in a scope between two points of recorded time" })
export class Diff {
  @Field(() => RecordedPointInfo)
  from!: RecordedPointInfo;

  @Field(() => RecordedPointInfo)
  to!: RecordedPointInfo;

  @Field({ description: "The scope compared, in words" })
  scope!: string;

  @Field(() => Int, { description: "Entities in the scope at `to`, not at `from`" })
  addedCount!: number;

  @Field(() => Int, { description: "Entities in the scope at `from`, not at `to`" })
  removedCount!: number;

  @Field(() => Int, { description: "Entities in both whose fields differ" })
  changedCount!: number;

  @Field(() => [DiffItem], { description: "The first `first` added entities, by entity (sources, actors, alliances, memberships, outcomes, assessments) then id" })
  added!: DiffItem[];

  @Field(() => [DiffItem], { description: "The first `first` removed entities, in the same order" })
  removed!: DiffItem[];

  @Field(() => [DiffItem], { description: "The first `first` changed entities, in the same order" })
  changed!: DiffItem[];

  @Field({ description: "True when a list holds fewer items than its count (raise `first` or narrow the scope)" })
  truncated!: boolean;

  @Field({ description: "True when an actor's neighbourhood had more than 2,000 actors and alliances at a point: only the nearest were compared" })
  scopeCapped!: boolean;
}
