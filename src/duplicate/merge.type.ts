import { Field, ID, Int, ObjectType } from "type-graphql";
import { Actor } from "../actor/actor.type";

@ObjectType({ simpleResolvers: true, description: "A property both actors had, with different values: the kept one stays" })
export class MergeConflict {
  @Field({ description: "The property (`basedIn`, or `memberships[<alliance id>].role` for a membership both had)" })
  field!: string;

  @Field()
  kept!: string;

  @Field()
  removed!: string;
}

@ObjectType({ simpleResolvers: true, description: "Relationships of one type moved from the removed actor to the kept one" })
export class MovedRelationships {
  @Field({ description: "Relationship type (CITES, ASSESSES, BENEFITS…) and direction from the actor: `CITES>` outgoing, `<ASSESSES` incoming" })
  relationship!: string;

  @Field(() => Int, { description: "Re-attached to the kept actor" })
  moved!: number;

  @Field(() => Int, { description: "Already on the kept actor (not duplicated), dropped with the removed one" })
  shared!: number;
}

@ObjectType({ simpleResolvers: true, description: "What mergeActors did; a replay answers the same" })
export class ActorMerge {
  @Field(() => Actor, { description: "The kept actor, as it is after the merge" })
  actor!: Actor;

  @Field(() => ID, { description: "The removed actor's id, now an alias of the kept one" })
  removedId!: string;

  @Field(() => Int, { description: "Memberships of the removed actor now the kept one's (ids become <alliance>/<kept id>)" })
  membershipsMoved!: number;

  @Field(() => Int, { description: "Memberships of an alliance the kept actor was already a member of, merged into its own" })
  membershipsMerged!: number;

  @Field(() => [MovedRelationships], { description: "Other relationships, by type and direction (only those the removed actor had)" })
  relationships!: MovedRelationships[];

  @Field(() => [String], { description: "Properties the kept actor lacked, taken from the removed one" })
  filled!: string[];

  @Field(() => [MergeConflict], { description: "Properties both had with different values; the kept actor's stay" })
  conflicts!: MergeConflict[];
}
