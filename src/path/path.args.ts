import { ArgsType, Field, ID, Int } from "type-graphql";
import { LocalDateResolver } from "graphql-scalars";
import { IsInt, IsOptional, Max, Min, ValidateNested } from "class-validator";
import { AllianceFilter } from "../alliance/alliance-filter.input";
import { ListArgs } from "../common/list.args";
import { MAX_PATH_HOPS } from "./path.cypher";

/** Arguments of `path`: the two actors, the hop cap, and which alliances count. */
@ArgsType()
export class PathArgs {
  @Field(() => ID)
  from!: string;

  @Field(() => ID)
  to!: string;

  @Field(() => Int, { description: `Most actor-to-actor hops to look for, 1–${MAX_PATH_HOPS}` })
  @IsInt()
  @Min(1)
  @Max(MAX_PATH_HOPS)
  maxHops: number = 4;

  @Field(() => LocalDateResolver, { nullable: true, description: "Only alliances and memberships active on this date" })
  @IsOptional()
  at?: string | null;

  @Field(() => AllianceFilter, { nullable: true, description: "Only alliances matching this filter" })
  @IsOptional()
  @ValidateNested() // type-graphql builds AllianceFilter instances itself, so nested rules run
  filter?: AllianceFilter | null;
}

/** Arguments of `sharedPartners`: the two actors and the date memberships must be active on. */
@ArgsType()
export class SharedPartnerArgs extends ListArgs {
  @Field(() => ID)
  a!: string;

  @Field(() => ID)
  b!: string;

  @Field(() => LocalDateResolver, { nullable: true, description: "Only alliances and memberships active on this date" })
  @IsOptional()
  at?: string | null;
}
