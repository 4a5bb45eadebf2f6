import { Field, InputType } from "type-graphql";
import { LocalDateResolver } from "graphql-scalars";
import { ArrayMaxSize, IsEnum, IsOptional } from "class-validator";
import { ActorKind, AllianceKind, AllianceObjective, AllianceStatus } from "../common/enums";
import { IsExternalId, NotBefore } from "../common/validators";
import { criterion } from "../entity/field";
import { listOf, sdgNumber, territoryRef } from "../entity/kinds";

/**
 * Which alliances a list, a network or a statistic covers. Every criterion is optional;
 * lists mean "any of these"; criteria combine with AND.
 */
@InputType({ description: "Which alliances to cover; lists mean any of, criteria combine with AND" })
export class AllianceFilter {
  @Field(() => [AllianceKind], { nullable: true })
  @IsOptional()
  @IsEnum(AllianceKind, { each: true })
  kinds?: AllianceKind[] | null;

  @Field(() => [AllianceObjective], { nullable: true, description: "Pursues at least one of these objectives" })
  @IsOptional()
  @IsEnum(AllianceObjective, { each: true })
  objectives?: AllianceObjective[] | null;

  @criterion(listOf(sdgNumber), "Contributes to at least one of these SDGs")
  sdgs?: number[] | null;

  @Field(() => [AllianceStatus], { nullable: true })
  @IsOptional()
  @IsEnum(AllianceStatus, { each: true })
  statuses?: AllianceStatus[] | null;

  @criterion(territoryRef, "Acts in this territory or anywhere inside it (INSEE code or id)")
  territory?: string | null;

  @Field(() => [ActorKind], { nullable: true, description: "Has a member of one of these kinds" })
  @IsOptional()
  @IsEnum(ActorKind, { each: true })
  memberKinds?: ActorKind[] | null;

  @Field(() => [String], { nullable: true, description: "Has one of these actors as member" })
  @IsOptional()
  @ArrayMaxSize(100)
  @IsExternalId({ each: true })
  memberIds?: string[] | null;

  @Field(() => LocalDateResolver, { nullable: true, description: "Started on or after this date" })
  @IsOptional()
  startedFrom?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: "Started on or before this date" })
  @IsOptional()
  @NotBefore("startedFrom")
  startedTo?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: "Ended on or after this date" })
  @IsOptional()
  endedFrom?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: "Ended on or before this date" })
  @IsOptional()
  @NotBefore("endedFrom")
  endedTo?: string | null;
}
