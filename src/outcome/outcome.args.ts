import { ArgsType, Field, Int } from "type-graphql";
import { IsEnum, IsOptional, Max, Min } from "class-validator";
import { OutcomeKind } from "../common/enums";
import { ListArgs } from "../common/list.args";
import { IsExternalId, IsTerritoryRef } from "../common/validators";

/** Filters of `outcomes`: kind, SDG, alliance, benefiting territory. */
@ArgsType()
export class OutcomeListArgs extends ListArgs {
  @Field(() => OutcomeKind, { nullable: true })
  @IsOptional()
  @IsEnum(OutcomeKind)
  kind?: OutcomeKind | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(1)
  @Max(17)
  sdg?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsExternalId()
  allianceId?: string | null;

  @Field(() => String, { nullable: true, description: "Benefiting territory (INSEE code or id), including inside it" })
  @IsOptional()
  @IsTerritoryRef()
  territory?: string | null;
}
