import { Field, InputType } from "type-graphql";
import { ArrayMaxSize, IsEnum, IsOptional, IsString, IsUrl, Length, ValidateIf } from "class-validator";
import { ActorKind } from "../common/enums";
import { IsExternalId, IsRna, IsSiren, IsTerritoryRef } from "../common/validators";

/** Creates an actor, or updates it when `id` already exists (so replays never duplicate). */
@InputType({ description: "An actor to create; an existing id is updated in place" })
export class ActorInput {
  @Field(() => String, { nullable: true, description: "External id; generated when omitted" })
  @IsOptional()
  @IsExternalId()
  id?: string;

  @Field()
  @IsString()
  @Length(1, 200)
  name!: string;

  @Field(() => ActorKind)
  @IsEnum(ActorKind)
  kind!: ActorKind;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(0, 4000)
  description?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsUrl({ protocols: ["http", "https"], require_protocol: true })
  website?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsSiren()
  siren?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsRna()
  rna?: string | null;

  @Field(() => String, { nullable: true, description: "Territory it is based in: INSEE code or territory id" })
  @IsOptional()
  @IsTerritoryRef()
  basedIn?: string | null;

  @Field(() => [String], { nullable: true, description: "Sources that attest this actor" })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsExternalId({ each: true })
  sourceIds?: string[] | null;
}

/** Changes some fields of an actor; omitted fields stay, `null` clears an optional one. */
@InputType({ description: "Fields to change; omitted fields are kept, null clears an optional field" })
export class ActorPatch {
  @Field(() => String, { nullable: true })
  @ValidateIf((patch) => patch.name !== undefined) // null is not "keep": a name cannot be cleared
  @IsString()
  @Length(1, 200)
  name?: string;

  @Field(() => ActorKind, { nullable: true })
  @ValidateIf((patch) => patch.kind !== undefined)
  @IsEnum(ActorKind)
  kind?: ActorKind;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(0, 4000)
  description?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsUrl({ protocols: ["http", "https"], require_protocol: true })
  website?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsSiren()
  siren?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsRna()
  rna?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsTerritoryRef()
  basedIn?: string | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsExternalId({ each: true })
  sourceIds?: string[] | null;
}
