import { ArgsType, Field, Int } from "type-graphql";
import { IsEnum, IsOptional, Max, Min } from "class-validator";
import { AllianceKind, AllianceStatus } from "../common/enums";
import { ListArgs } from "../common/list.args";
import { IsTerritoryRef } from "../common/validators";

/** Filters of `alliances`: kind, status, SDG, territory (acting there or inside it). */
@ArgsType()
export class AllianceListArgs extends ListArgs {
  @Field(() => AllianceKind, { nullable: true })
  @IsOptional()
  @IsEnum(AllianceKind)
  kind?: AllianceKind | null;

  @Field(() => AllianceStatus, { nullable: true })
  @IsOptional()
  @IsEnum(AllianceStatus)
  status?: AllianceStatus | null;

  @Field(() => Int, { nullable: true, description: "SDG number, 1–17" })
  @IsOptional()
  @Min(1)
  @Max(17)
  sdg?: number | null;

  @Field(() => String, { nullable: true, description: "INSEE code or territory id; includes everything inside it" })
  @IsOptional()
  @IsTerritoryRef()
  territory?: string | null;
}
