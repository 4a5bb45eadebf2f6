import { ArgsType, Field, GraphQLISODateTime, ID, InputType, Int } from "type-graphql";
import { IsOptional, Max, MaxLength, Min, ValidateNested } from "class-validator";
import { IsExternalId } from "../common/validators";
import { IsTerritoryRef } from "../common/validators";
import { DEFAULT_DIFF_ITEMS, MAX_DIFF_ITEMS } from "./diff";

@InputType({ description: "A point of recorded time: a release, or the graph as recorded on an instant (one of the two)" })
export class PointInput {
  @Field(() => String, { nullable: true, description: "A release's name (2026-Q4)" })
  @IsOptional()
  @MaxLength(64)
  release?: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: "The graph as the database recorded it on this instant" })
  @IsOptional()
  asRecordedOn?: Date | null;
}

@InputType({ description: "What a diff covers: a territory and/or an id prefix (as exports scope), or an actor's neighbourhood; none: the whole graph" })
export class DiffScopeInput {
  @Field(() => String, { nullable: true, description: "Alliances acting in this territory or inside it, their members, outcomes and sources (INSEE code or id, e.g. DEPARTEMENT:94)" })
  @IsOptional()
  @IsTerritoryRef()
  territory?: string | null;

  @Field(() => String, { nullable: true, description: "Only facts whose ids start with this" })
  @IsOptional()
  @MaxLength(100)
  idPrefix?: string | null;

  @Field(() => ID, { nullable: true, description: "The actors within `depth` co-construction hops of this actor, the alliances linking them and their memberships" })
  @IsOptional()
  @IsExternalId()
  actor?: string | null;

  @Field(() => Int, { nullable: true, description: "Hops from `actor`, 1–3 (default 1)" })
  @IsOptional()
  @Min(1)
  @Max(3)
  depth?: number | null;
}

/** Arguments of `diff`. */
@ArgsType()
export class DiffArgs {
  @Field(() => PointInput)
  @ValidateNested()
  from!: PointInput;

  @Field(() => PointInput, { nullable: true, description: "Default: now (the last committed write)" })
  @IsOptional()
  @ValidateNested()
  to?: PointInput | null;

  @Field(() => DiffScopeInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  scope?: DiffScopeInput | null;

  @Field(() => Int, { description: `Items listed per kind (added, removed, changed), 1–${MAX_DIFF_ITEMS}; the counts are always whole` })
  @Min(1)
  @Max(MAX_DIFF_ITEMS)
  first: number = DEFAULT_DIFF_ITEMS;
}
