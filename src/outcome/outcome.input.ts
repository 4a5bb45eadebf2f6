import { Field, Float, InputType, Int } from "type-graphql";
import { LocalDateResolver } from "graphql-scalars";
import {
  ArrayMaxSize, ArrayMinSize, ArrayUnique, IsEnum, IsInt, IsNumber, IsOptional, IsString, Length, Max, Min,
  ValidateNested,
} from "class-validator";
import { OutcomeKind } from "../common/enums";
import { IsExternalId, IsTerritoryRef } from "../common/validators";

@InputType({ description: "A measured indicator" })
export class IndicatorInput {
  @Field(() => Float)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  value!: number;

  @Field()
  @IsString()
  @Length(1, 100)
  unit!: string;

  @Field(() => LocalDateResolver, { nullable: true })
  @IsOptional()
  measuredOn?: string | null;
}

/** Records what an alliance produced; an existing id is updated in place. */
@InputType({ description: "An outcome of an alliance; an existing id is updated in place" })
export class OutcomeInput {
  @Field(() => String, { nullable: true, description: "External id; generated when omitted" })
  @IsOptional()
  @IsExternalId()
  id?: string;

  @Field()
  @IsExternalId()
  allianceId!: string;

  @Field(() => OutcomeKind)
  @IsEnum(OutcomeKind)
  kind!: OutcomeKind;

  @Field()
  @IsString()
  @Length(1, 300)
  title!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(0, 4000)
  description?: string | null;

  @Field(() => IndicatorInput, { nullable: true })
  @IsOptional()
  @ValidateNested() // type-graphql builds IndicatorInput instances itself, so nested rules run
  indicator?: IndicatorInput | null;

  @Field(() => [Int], { description: "SDG numbers (1–17) it advances" })
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(17, { each: true })
  sdgs: number[] = [];

  @Field(() => [String], { description: "Territories that benefit: INSEE codes or territory ids" })
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsTerritoryRef({ each: true })
  beneficiaryTerritories: string[] = [];

  @Field(() => [String], { description: "Actors that benefit" })
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsExternalId({ each: true })
  beneficiaryActorIds: string[] = [];

  @Field(() => [String], { description: "Sources that attest it (at least one)" })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsExternalId({ each: true })
  sourceIds!: string[];
}
