import { ArgsType, Field } from "type-graphql";
import { IsEnum, IsOptional, Length } from "class-validator";
import { TerritoryLevel } from "../common/enums";
import { ListArgs } from "../common/list.args";
import { IsTerritoryRef } from "../common/validators";

/** Filters of `territories`: level, inside a territory, name prefix. */
@ArgsType()
export class TerritoryListArgs extends ListArgs {
  @Field(() => TerritoryLevel, { nullable: true })
  @IsOptional()
  @IsEnum(TerritoryLevel)
  level?: TerritoryLevel | null;

  @Field(() => String, { nullable: true, description: "Only territories inside this one (INSEE code or id)" })
  @IsOptional()
  @IsTerritoryRef()
  within?: string | null;

  @Field(() => String, { nullable: true, description: "Case-insensitive name prefix" })
  @IsOptional()
  @Length(1, 200)
  nameStartsWith?: string | null;
}
