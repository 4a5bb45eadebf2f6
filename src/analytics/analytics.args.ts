import { ArgsType, Field, ID, Int } from "type-graphql";
import { LocalDateResolver } from "graphql-scalars";
import { IsEnum, IsOptional, Max, Min, ValidateNested } from "class-validator";
import { AllianceFilter } from "../alliance/alliance-filter.input";
import { ActorKind } from "../common/enums";
import { ConnectionArgs } from "../common/connection";
import { MAX_PAGE_SIZE } from "../common/page-size";
import { IsExternalId } from "../common/validators";
import { ActorMetricOrder } from "./analytics.type";

/** The scope of network analytics: which alliances tie actors, on which date, and which actors count. */
@ArgsType()
export class AnalyticsScopeArgs {
  @Field(() => AllianceFilter, { nullable: true, description: "Only alliances matching this filter tie actors" })
  @IsOptional()
  @ValidateNested()
  filter?: AllianceFilter | null;

  @Field(() => LocalDateResolver, { nullable: true, description: "Only alliances and memberships active on this date" })
  @IsOptional()
  at?: string | null;
}

@ArgsType()
export class NetworkAnalyticsArgs extends AnalyticsScopeArgs {
  @Field(() => [ActorKind], { nullable: true, description: "Only actors of these kinds are nodes (default: all)" })
  @IsOptional()
  @IsEnum(ActorKind, { each: true })
  actorKinds?: ActorKind[] | null;
}

@ArgsType()
export class ActorMetricsArgs extends ConnectionArgs {
  @Field(() => ActorMetricOrder, { description: "Highest first; ties by name then id" })
  @IsEnum(ActorMetricOrder)
  orderBy: ActorMetricOrder = ActorMetricOrder.DEGREE;
}

@ArgsType()
export class CommunitiesArgs {
  @Field(() => Int, { description: `Largest communities first, 1–${MAX_PAGE_SIZE}` })
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first: number = 10;

  @Field(() => Int, { description: "Members listed per community (by degree), 0–20" })
  @Min(0)
  @Max(20)
  topMembers: number = 5;
}

@ArgsType()
export class RecommendPartnersArgs extends AnalyticsScopeArgs {
  @Field(() => ID, { description: "The actor to recommend partners to" })
  @IsExternalId()
  actor!: string;

  @Field(() => Int, { description: `How many, 1–${MAX_PAGE_SIZE}` })
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first: number = 10;
}
