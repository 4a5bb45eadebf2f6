import { Field, InputType } from "type-graphql";
import { LocalDateResolver } from "graphql-scalars";
import { ArrayMaxSize, ArrayMinSize, IsEnum, IsOptional, ValidateIf } from "class-validator";
import { MembershipRole } from "../common/enums";
import { IsExternalId, NotBefore } from "../common/validators";

/** Makes an actor a member of an alliance; the pair already linked is updated instead. */
@InputType({ description: "An actor joining an alliance; an existing (actor, alliance) pair is updated" })
export class MembershipInput {
  @Field()
  @IsExternalId()
  actorId!: string;

  @Field()
  @IsExternalId()
  allianceId!: string;

  @Field(() => MembershipRole)
  @IsEnum(MembershipRole)
  role!: MembershipRole;

  @Field(() => LocalDateResolver, { nullable: true })
  @IsOptional()
  startDate?: string | null;

  @Field(() => LocalDateResolver, { nullable: true })
  @IsOptional()
  @NotBefore("startDate")
  endDate?: string | null;

  @Field(() => [String], { description: "Sources that attest it (at least one)" })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsExternalId({ each: true })
  sourceIds!: string[];
}

@InputType({ description: "Fields of a membership to change; omitted fields are kept" })
export class MembershipPatch {
  @Field(() => MembershipRole, { nullable: true })
  @ValidateIf((patch) => patch.role !== undefined)
  @IsEnum(MembershipRole)
  role?: MembershipRole;

  @Field(() => LocalDateResolver, { nullable: true })
  @IsOptional()
  startDate?: string | null;

  @Field(() => LocalDateResolver, { nullable: true })
  @IsOptional()
  @NotBefore("startDate")
  endDate?: string | null;

  @Field(() => [String], { nullable: true })
  @ValidateIf((patch) => patch.sourceIds !== undefined)
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsExternalId({ each: true })
  sourceIds?: string[];
}
