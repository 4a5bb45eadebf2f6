import { ArgsType, Field, ID, Int } from "type-graphql";
import { LocalDateResolver } from "graphql-scalars";
import { ArrayMaxSize, ArrayMinSize, IsEnum, IsOptional, Max, Min, ValidateNested } from "class-validator";
import { IsExternalId } from "../common/validators";
import { AllianceFilter } from "../alliance/alliance-filter.input";
import { NetworkMode } from "./network.type";

export const MAX_SEEDS = 50;
export const MAX_DEPTH = 3;
export const MAX_NODES = 2000;

/** Arguments of `network`: seeds, hops, mode, scope (filter, date) and the node cap. */
@ArgsType()
export class NetworkArgs {
  @Field(() => [ID], { description: `Actor ids to start from, 1–${MAX_SEEDS}; an unknown id is refused (BAD_USER_INPUT on seeds[i])` })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_SEEDS)
  @IsExternalId({ each: true })
  seeds!: string[];

  @Field(() => Int, { description: `Hops of co-construction from the seeds, 1–${MAX_DEPTH}` })
  @Min(1)
  @Max(MAX_DEPTH)
  depth: number = 1;

  @Field(() => NetworkMode)
  @IsEnum(NetworkMode)
  mode: NetworkMode = NetworkMode.PROJECTED;

  @Field(() => AllianceFilter, { nullable: true, description: "Only alliances matching this filter link actors" })
  @IsOptional()
  @ValidateNested()
  filter?: AllianceFilter | null;

  @Field(() => LocalDateResolver, { nullable: true, description: "Only alliances and memberships active on this date" })
  @IsOptional()
  at?: string | null;

  @Field(() => Int, { description: `At most this many nodes, 1–${MAX_NODES}; nearer nodes are kept first` })
  @Min(1)
  @Max(MAX_NODES)
  maxNodes: number = 500;
}
