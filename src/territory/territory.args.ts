import { ArgsType, Field } from "type-graphql";
import { IsEnum, IsOptional, Length } from "class-validator";
import { ActorKind, TerritoryLevel } from "../common/enums";
import { ConnectionArgs } from "../common/connection";
import { criterion } from "../entity/field";
import { territoryRef } from "../entity/kinds";

/** Arguments of `territories`: level, inside a territory, name prefix, page. */
@ArgsType()
export class TerritoryListArgs extends ConnectionArgs {
  @Field(() => TerritoryLevel, { nullable: true })
  @IsOptional()
  @IsEnum(TerritoryLevel)
  level?: TerritoryLevel | null;

  @criterion(territoryRef, "Only territories inside this one (INSEE code or id)")
  within?: string | null;

  @Field(() => String, { nullable: true, description: "Name starts with this, ignoring case and accents" })
  @IsOptional()
  @Length(1, 200)
  nameStartsWith?: string | null;
}

/** Arguments of `Territory.children`. */
@ArgsType()
export class ChildrenArgs extends ConnectionArgs {
  @Field(() => TerritoryLevel, { nullable: true })
  @IsOptional()
  @IsEnum(TerritoryLevel)
  level?: TerritoryLevel | null;
}

/** Arguments of `Territory.actors`. */
@ArgsType()
export class TerritoryActorArgs extends ConnectionArgs {
  @Field(() => [ActorKind], { nullable: true })
  @IsOptional()
  @IsEnum(ActorKind, { each: true })
  kinds?: ActorKind[] | null;
}
