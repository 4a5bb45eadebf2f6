import { ArgsType, Field, Float } from "type-graphql";
import { IsNumber, IsOptional, Max, Min } from "class-validator";
import { ConnectionArgs } from "../common/connection";
import { criterion } from "../entity/field";
import { territoryRef } from "../entity/kinds";

/** Arguments of `duplicateCandidates`. */
@ArgsType()
export class DuplicateCandidateArgs extends ConnectionArgs {
  @criterion(territoryRef, "Only pairs of actors both based in this territory or inside it (INSEE code or id)")
  territory?: string | null;

  @Field(() => Float, { nullable: true, description: "Only pairs scoring at least this (0–1); default 0: every pair" })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  minScore?: number | null;
}
