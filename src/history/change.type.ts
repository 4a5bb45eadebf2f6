import { Authorized, Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { DateTimeResolver, JSONObjectResolver } from "graphql-scalars";
import { Role } from "../auth/viewer";
import { ConnectionOf } from "../common/connection";
import type { ChangeHow, ChangeOp } from "./change-log";

/** The kinds of entity that have a history; each value is the label the log names it by. */
export enum HistoryEntity {
  SOURCE = "Source",
  ACTOR = "Actor",
  ALLIANCE = "Alliance",
  MEMBERSHIP = "Membership",
  OUTCOME = "Outcome",
  MATURITY_ASSESSMENT = "MaturityAssessment",
}
registerEnumType(HistoryEntity, { name: "HistoryEntity", description: "A kind of entity whose changes are logged" });

export enum ChangeChannel {
  MUTATION = "MUTATION",
  IMPORT = "IMPORT",
  SEED = "SEED",
  MERGE = "MERGE",
  DELETE = "DELETE",
  CLI = "CLI",
  SCRIPT = "SCRIPT",
  MIGRATION = "MIGRATION",
  RESTORE = "RESTORE",
}
registerEnumType(ChangeChannel, { name: "ChangeChannel", description: "How a change was made: a mutation, an import, a seed, a merge of actors, a delete…" });

export enum ChangeOperation {
  CREATED = "CREATED",
  UPDATED = "UPDATED",
  DELETED = "DELETED",
}
registerEnumType(ChangeOperation, { name: "ChangeOperation" });

// Not simpleResolvers: `who` carries @Authorized, which only the middleware chain enforces.
@ObjectType({ description: "One entity changed by one committed write: when, who, how, and its fields before and after" })
export class Change {
  @Field(() => Int, { description: "The write's place in the log: every write to the graph takes the next one, in commit order" })
  seq!: number;

  @Field(() => Int, { description: "This change's place among the write's changes (0, 1…)" })
  n!: number;

  @Field(() => DateTimeResolver, { description: "When the write was made (transaction time; never earlier than the previous write's)" })
  at!: Date;

  @Authorized(Role.ADMIN)
  @Field(() => String, { description: "Who made it: api-key:<name>, jwt:<subject>, import:<files>, seed:<what>, cli:<command>… (admins only)" })
  who!: string;

  @Authorized(Role.ADMIN)
  @Field(() => [String], { nullable: true, description: "An import's files' SHA-256, in the order `who` lists them (admins only)" })
  whoSha256!: string[] | null;

  @Field(() => ChangeChannel)
  how!: ChangeHow;

  @Field(() => ChangeOperation)
  op!: ChangeOp;

  @Field(() => HistoryEntity)
  entity!: HistoryEntity;

  @Field(() => ID, { description: "The entity's id (a membership's: <allianceId>/<actorId>)" })
  entityId!: string;

  @Field(() => JSONObjectResolver, { nullable: true, description: "The entity as the JSON export wrote it before (null: created)" })
  before!: Record<string, unknown> | null;

  @Field(() => JSONObjectResolver, { nullable: true, description: "The entity as the JSON export writes it after (null: deleted)" })
  after!: Record<string, unknown> | null;

  @Field(() => [String], { description: "The fields whose values differ, sorted" })
  fields!: string[];
}

@ObjectType({ simpleResolvers: true, description: "A page of changes, newest first" })
export class ChangeConnection extends ConnectionOf(Change) {}
