import { ArgsType, Field, ID } from "type-graphql";
import { DateTimeResolver } from "graphql-scalars";
import { IsOptional, MaxLength } from "class-validator";
import { ConnectionArgs } from "../common/connection";
import { ChangeChannel, ChangeOperation, HistoryEntity } from "./change.type";

/** Arguments of `changes` (admins): every filter optional, combined with AND. */
@ArgsType()
export class ChangeListArgs extends ConnectionArgs {
  @Field(() => HistoryEntity, { nullable: true })
  entity?: HistoryEntity | null;

  @Field(() => ID, { nullable: true, description: "Only this entity's changes (with `entity` when ids could be shared)" })
  @IsOptional()
  @MaxLength(200)
  entityId?: string | null;

  @Field(() => ChangeChannel, { nullable: true })
  how?: ChangeChannel | null;

  @Field(() => ChangeOperation, { nullable: true })
  op?: ChangeOperation | null;

  @Field(() => String, { nullable: true, description: "Only changes made by exactly this caller (api-key:<name>, import:<files>…)" })
  @IsOptional()
  @MaxLength(300)
  who?: string | null;

  @Field(() => DateTimeResolver, { nullable: true, description: "Only changes made at or after this instant" })
  since?: Date | null;

  @Field(() => DateTimeResolver, { nullable: true, description: "Only changes made before this instant" })
  until?: Date | null;
}

/** Arguments of an entity's `history`. */
@ArgsType()
export class HistoryArgs extends ConnectionArgs {}
