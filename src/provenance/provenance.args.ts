import { ArgsType, Field } from "type-graphql";
import { ArrayMaxSize, IsEnum, IsOptional } from "class-validator";
import { ConnectionArgs } from "../common/connection";
import { FactKind } from "./fact.type";

/** A page of facts, optionally of some kinds only. */
@ArgsType()
export class FactListArgs extends ConnectionArgs {
  @Field(() => [FactKind], { nullable: true, description: "Only facts of these kinds (default: all)" })
  @IsOptional()
  @ArrayMaxSize(10)
  @IsEnum(FactKind, { each: true })
  kinds?: FactKind[] | null;
}
