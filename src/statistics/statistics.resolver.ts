import { Arg, Ctx, FieldResolver, Info, Int, Query, Resolver, Root } from "type-graphql";
import { GraphQLResolveInfo } from "graphql";
import { ComplexityEstimatorArgs } from "graphql-query-complexity";
import { LocalDateResolver } from "graphql-scalars";
import { Context } from "../graphql/context";
import { allianceScope, territoryByCode, territoryIdOf } from "../graphql/scope";
import { BadUserInputError } from "../common/errors";
import { AllianceFilter } from "../alliance/alliance-filter.input";
import { allianceFilterParams } from "../alliance/alliance-filter";
import { labelled } from "./statistics.labels";
import { Count, KindPair, YearKindCount } from "./statistics.type";
import { Statistics } from "./scope-statistics.type";
import { TerritoryProfile } from "./territory-profile.type";
import { ScopeFigures } from "./scope-figures";
import { AllianceKind, TerritoryLevel } from "../common/enums";
import { MaturitySubjectType } from "../maturity/maturity.type";

/** Years a breakdown by start year is priced for: 2005 onwards, the span of the Observatoire's records, with room to spare. */
const START_YEARS_PRICED = 25;

/** Query cost of byStartYearAndKind: the buckets it can answer, every alliance kind over START_YEARS_PRICED years. */
const yearKindCost = ({ childComplexity }: ComplexityEstimatorArgs) => 1 + Object.keys(AllianceKind).length * START_YEARS_PRICED * childComplexity;

const AT = { nullable: true, description: "Only alliances and memberships active on this date" } as const;
const FILTER = { nullable: true, description: "Which alliances to count (default: all)" } as const;

/** GraphQL for Observatoire-style statistics: thin, every figure comes from its scope's ScopeFigures. */
@Resolver(() => Statistics)
export class StatisticsResolver {
  @Query(() => Statistics, { description: "Figures over the alliances matching `filter` (and active on `at`)" })
  async statistics(
    @Arg("filter", () => AllianceFilter, FILTER) filter: AllianceFilter | null,
    @Arg("at", () => LocalDateResolver, AT) at: string | null,
    @Ctx() ctx: Context,
  ) {
    const { filter: params } = await allianceScope(ctx, filter, null);
    const scope = { filter: params, at: at ?? null };
    return Statistics.of(new ScopeFigures(ctx.repos.statistics, scope));
  }

  @Query(() => TerritoryProfile, {
    nullable: true,
    description: "The alliances acting in a territory or anywhere inside it (INSEE code or id); null if no territory has that code",
  })
  async territoryProfile(
    @Arg("territory") ref: string,
    @Arg("at", () => LocalDateResolver, AT) at: string | null,
    @Arg("filter", () => AllianceFilter, FILTER) filter: AllianceFilter | null,
    @Ctx() ctx: Context,
  ) {
    if (filter?.territory) throw new BadUserInputError("filter.territory", "the profile's territory is the `territory` argument");
    const territory = await territoryByCode(ctx, ref, null, "territory");
    if (!territory) return null;
    const scope = { filter: allianceFilterParams(filter, territory.id), at: at ?? null };
    return TerritoryProfile.of(territory, new ScopeFigures(ctx.repos.statistics, scope));
  }

  @Query(() => [Count], {
    description:
      "Actors or territories per level of their latest maturity assessment (on or before `at`), every level listed, most first; never-assessed subjects are not counted",
  })
  async maturityDistribution(
    @Arg("subjectType", () => MaturitySubjectType) subjectType: MaturitySubjectType,
    @Arg("level", () => TerritoryLevel, { nullable: true, description: "Territories of this level only (not for actors)" }) level: TerritoryLevel | null,
    @Arg("within", () => String, { nullable: true, description: "Territories in it, or actors based in it (INSEE code or id), itself included" })
    within: string | null,
    @Arg("at", () => LocalDateResolver, { nullable: true, description: "As assessed on this date (default: latest)" }) at: string | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    if (level && subjectType === MaturitySubjectType.ACTOR) throw new BadUserInputError("level", "applies to territories only");
    const scope = { subjectType, level: level ?? null, withinId: await territoryIdOf(ctx, within, "within"), at: at ?? null };
    return labelled(await ctx.repos.statistics.maturityDistribution(scope), info, "MaturityLevel");
  }

  @FieldResolver(() => Int, { description: "Alliances in scope" })
  allianceCount(@Root() { figures }: Statistics) {
    return figures.get("allianceCount");
  }

  @FieldResolver(() => [Count], { description: "Alliances per kind (every kind listed)" })
  async byKind(@Root() { figures }: Statistics, @Info() info: GraphQLResolveInfo) {
    return labelled(await figures.get("byKind"), info, "AllianceKind");
  }

  @FieldResolver(() => [Count], { description: "Alliances per objective, once for each objective pursued (every objective listed)" })
  async byObjective(@Root() { figures }: Statistics, @Info() info: GraphQLResolveInfo) {
    return labelled(await figures.get("byObjective"), info, "AllianceObjective");
  }

  @FieldResolver(() => [Count], { description: "Alliances per status (every status listed)" })
  byStatus(@Root() { figures }: Statistics) {
    return figures.get("byStatus");
  }

  @FieldResolver(() => [Count], { description: "Alliances per SDG contributed to; key is the SDG number, label its French title; all 17 listed" })
  bySdg(@Root() { figures }: Statistics) {
    return figures.get("bySdg");
  }

  @FieldResolver(() => [Count], {
    description: "Alliances per level of the territories they act in, once per level (every level listed); alliances with no territory are in none",
  })
  byTerritoryLevel(@Root() { figures }: Statistics) {
    return figures.get("byTerritoryLevel");
  }

  @FieldResolver(() => [Count], {
    description: "Alliances per start year (only years with alliances); alliances with no start date are left out",
  })
  byStartYear(@Root() { figures }: Statistics) {
    return figures.get("byStartYear");
  }

  @FieldResolver(() => [YearKindCount], {
    description: `Alliances per start year and kind, by year then kind (only pairs with alliances); alliances with no start date are left out. Costs 1 + ${Object.keys(AllianceKind).length * START_YEARS_PRICED} × its selection`,
    complexity: yearKindCost,
  })
  async byStartYearAndKind(@Root() { figures }: Statistics, @Info() info: GraphQLResolveInfo) {
    return labelled(await figures.get("byStartYearAndKind"), info, "AllianceKind", (row) => row.kind);
  }

  @FieldResolver(() => [KindPair], {
    description: "Per pair of actor kinds (a kind with itself when two members share it), the alliances joining them; only pairs that occur",
  })
  partnershipMix(@Root() { figures }: Statistics) {
    return figures.get("partnershipMix");
  }
}
