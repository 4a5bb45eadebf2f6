import { ArgsType, Field } from "type-graphql";
import { IsEnum, IsOptional, Length } from "class-validator";
import { ActorKind } from "../common/enums";
import { ListArgs } from "../common/list.args";
import { IsTerritoryRef } from "../common/validators";

/** Filters of `actors`: kind, territory (based there or inside it), name prefix. */
@ArgsType()
export class ActorListArgs extends ListArgs {
  @Field(() => ActorKind, { nullable: true })
  @IsOptional()
  @IsEnum(ActorKind)
  kind?: ActorKind | null;

  @Field(() => String, { nullable: true, description: "INSEE code or territory id; includes everything inside it" })
  @IsOptional()
  @IsTerritoryRef()
  territory?: string | null;

  @Field(() => String, { nullable: true, description: "Case-insensitive name prefix" })
  @IsOptional()
  @Length(1, 200)
  nameStartsWith?: string | null;
}

/** Filters of `Actor.coConstructors`: the co-constructor's kind and territory. */
@ArgsType()
export class CoConstructorArgs extends ListArgs {
  @Field(() => ActorKind, { nullable: true })
  @IsOptional()
  @IsEnum(ActorKind)
  kind?: ActorKind | null;

  @Field(() => String, { nullable: true, description: "INSEE code or territory id; includes everything inside it" })
  @IsOptional()
  @IsTerritoryRef()
  territory?: string | null;
}
