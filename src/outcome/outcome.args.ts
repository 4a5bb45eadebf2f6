import { ArgsType, Field, InputType } from "type-graphql";
import { LocalDateResolver } from "graphql-scalars";
import { ArrayMaxSize, IsEnum, IsOptional, ValidateNested } from "class-validator";
import { ConnectionArgs } from "../common/connection";
import { OutcomeKind } from "../common/enums";
import { IsExternalId } from "../common/validators";
import { criterion } from "../entity/field";
import { listOf, sdgNumber, territoryRef } from "../entity/kinds";

/** Which outcomes a list covers. */
@InputType({ description: "Which outcomes to cover; lists mean any of, criteria combine with AND" })
export class OutcomeFilter {
  @Field(() => [OutcomeKind], { nullable: true })
  @IsOptional()
  @IsEnum(OutcomeKind, { each: true })
  kinds?: OutcomeKind[] | null;

  @criterion(listOf(sdgNumber), "Advances at least one of these SDGs")
  sdgs?: number[] | null;

  @criterion(territoryRef, "Benefits this territory or one inside it, or its alliance acts there")
  territory?: string | null;

  @Field(() => [String], { nullable: true, description: "Produced by one of these alliances" })
  @IsOptional()
  @ArrayMaxSize(100)
  @IsExternalId({ each: true })
  allianceIds?: string[] | null;
}

/** Arguments of `outcomes`: filter, date (its alliance active then), page. */
@ArgsType()
export class OutcomeListArgs extends ConnectionArgs {
  @Field(() => OutcomeFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: OutcomeFilter | null;

  @Field(() => LocalDateResolver, { nullable: true, description: "Only outcomes of alliances active on this date" })
  @IsOptional()
  at?: string | null;
}

/** Arguments of outcome lists under an alliance or an actor: kinds, date, page. */
@ArgsType()
export class OutcomeKindArgs extends ConnectionArgs {
  @Field(() => [OutcomeKind], { nullable: true })
  @IsOptional()
  @IsEnum(OutcomeKind, { each: true })
  kinds?: OutcomeKind[] | null;

  @Field(() => LocalDateResolver, { nullable: true, description: "Only through alliances (and memberships) active on this date" })
  @IsOptional()
  at?: string | null;
}
