import { Field, InputType, Int } from "type-graphql";
import { LocalDateResolver } from "graphql-scalars";
import {
  ArrayMaxSize, ArrayMinSize, ArrayUnique, IsEnum, IsInt, IsOptional, IsString, Length, Max, Min, ValidateIf,
} from "class-validator";
import { AllianceKind, AllianceObjective, AllianceStatus } from "../common/enums";
import { IsExternalId, IsTerritoryRef, NotBefore } from "../common/validators";

/** Creates an alliance, or updates it when `id` already exists. */
@InputType({ description: "An alliance to create; an existing id is updated in place" })
export class AllianceInput {
  @Field(() => String, { nullable: true, description: "External id; generated when omitted" })
  @IsOptional()
  @IsExternalId()
  id?: string;

  @Field()
  @IsString()
  @Length(1, 200)
  name!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(0, 4000)
  description?: string | null;

  @Field(() => AllianceKind)
  @IsEnum(AllianceKind)
  kind!: AllianceKind;

  @Field(() => [AllianceObjective], { description: "One or more of the four objectives" })
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsEnum(AllianceObjective, { each: true })
  objectives!: AllianceObjective[];

  @Field(() => AllianceStatus, { description: "Default ACTIVE" })
  @IsEnum(AllianceStatus)
  status: AllianceStatus = AllianceStatus.ACTIVE;

  @Field(() => LocalDateResolver, { nullable: true })
  @IsOptional()
  startDate?: string | null;

  @Field(() => LocalDateResolver, { nullable: true })
  @IsOptional()
  @NotBefore("startDate")
  endDate?: string | null;

  @Field(() => [String], { description: "Territories where it acts: INSEE codes or territory ids" })
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsTerritoryRef({ each: true })
  territories: string[] = [];

  @Field(() => [Int], { description: "SDG numbers (1–17) it contributes to" })
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(17, { each: true })
  sdgs: number[] = [];

  @Field(() => [String], { description: "Sources that attest it (at least one)" })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsExternalId({ each: true })
  sourceIds!: string[];
}

/** Changes some fields of an alliance; omitted fields stay, lists given replace the old ones. */
@InputType({ description: "Fields to change; omitted fields are kept, null clears an optional field, lists replace" })
export class AlliancePatch {
  @Field(() => String, { nullable: true })
  @ValidateIf((patch) => patch.name !== undefined)
  @IsString()
  @Length(1, 200)
  name?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(0, 4000)
  description?: string | null;

  @Field(() => AllianceKind, { nullable: true })
  @ValidateIf((patch) => patch.kind !== undefined)
  @IsEnum(AllianceKind)
  kind?: AllianceKind;

  @Field(() => [AllianceObjective], { nullable: true })
  @ValidateIf((patch) => patch.objectives !== undefined)
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsEnum(AllianceObjective, { each: true })
  objectives?: AllianceObjective[];

  @Field(() => AllianceStatus, { nullable: true })
  @ValidateIf((patch) => patch.status !== undefined)
  @IsEnum(AllianceStatus)
  status?: AllianceStatus;

  @Field(() => LocalDateResolver, { nullable: true })
  @IsOptional()
  startDate?: string | null;

  @Field(() => LocalDateResolver, { nullable: true })
  @IsOptional()
  @NotBefore("startDate")
  endDate?: string | null;

  @Field(() => [String], { nullable: true })
  @ValidateIf((patch) => patch.territories !== undefined)
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsTerritoryRef({ each: true })
  territories?: string[];

  @Field(() => [Int], { nullable: true })
  @ValidateIf((patch) => patch.sdgs !== undefined)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(17, { each: true })
  sdgs?: number[];

  @Field(() => [String], { nullable: true })
  @ValidateIf((patch) => patch.sourceIds !== undefined)
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsExternalId({ each: true })
  sourceIds?: string[];
}
