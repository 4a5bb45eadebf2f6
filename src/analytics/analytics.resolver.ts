import { Args, Ctx, Extensions, FieldResolver, Info, Query, Resolver, Root } from "type-graphql";
import { GraphQLResolveInfo } from "graphql";
import { ComplexityEstimatorArgs } from "graphql-query-complexity";
import { Context } from "../graphql/context";
import { ANALYTICS_FIELD } from "../graphql/limits";
import { allianceScope } from "../graphql/scope";
import { planPage } from "../common/connection";
import { NotFoundError } from "../common/errors";
import { ANALYTICS_FIELD_COST } from "./analytics.budget";
import { ActorMetricsArgs, CommunitiesArgs, NetworkAnalyticsArgs, RecommendPartnersArgs } from "./analytics.args";
import { recommend } from "./analytics.recommend";
import { pageInMemory } from "./analytics.page";
import { metricsFor } from "./analytics.selection";
import { ScopeAnalysis } from "./analytics.graph";
import { ActorMetricOrder, ActorMetrics, ActorMetricsConnection, Community, NetworkAnalytics, PartnerRecommendation } from "./analytics.type";

/** The metric each ordering sorts by (highest first). */
const METRIC: Record<ActorMetricOrder, (analysis: ScopeAnalysis, node: number) => number> = {
  DEGREE: (analysis, node) => analysis.graph.degree(node),
  WEIGHTED_DEGREE: (analysis, node) => analysis.graph.weightedDegree(node),
  BETWEENNESS: (analysis, node) => analysis.metric("betweenness").values[node],
  CLOSENESS: (analysis, node) => analysis.metric("closeness").values[node],
  PAGERANK: (analysis, node) => analysis.metric("pageRank").values[node],
};

/** Query cost of an analytics field: a high fixed part (the scope's analysis), plus its selection per item asked. */
const analyticsCost = ({ args, childComplexity }: ComplexityEstimatorArgs) => ANALYTICS_FIELD_COST + (args.first ?? 1) * childComplexity;

/** GraphQL for network analytics and partner recommendations: thin, the work is in ScopeAnalysis (in a worker). */
@Resolver(() => NetworkAnalytics)
export class AnalyticsResolver {
  @Query(() => NetworkAnalytics, {
    description: `Social-network analytics of the actors tied by shared alliances in scope: summary, centralities, communities. Costs ${ANALYTICS_FIELD_COST} in the query cost`,
    complexity: analyticsCost,
  })
  @Extensions(ANALYTICS_FIELD)
  async networkAnalytics(@Args() { filter, at, actorKinds }: NetworkAnalyticsArgs, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    const scope = await allianceScope(context, filter, at);
    const analysis = await context.repos.analytics.analyse({ ...scope, actorKinds: actorKinds ?? null });
    await analysis.compute(metricsFor(info));
    return new NetworkAnalytics(analysis, (id) => context.loaders.actorById.load(id));
  }

  @FieldResolver(() => ActorMetricsConnection, { description: "Actors with their metrics, highest `orderBy` first, then name and id" })
  actors(@Root() { analysis, loadActor }: NetworkAnalytics, @Args() args: ActorMetricsArgs) {
    const plan = planPage(args, "NetworkAnalytics.actors", args.orderBy);
    const metric = METRIC[args.orderBy];
    const ranked = analysis.ranked(args.orderBy, (node) => metric(analysis, node));
    const page = pageInMemory(ranked, (node) => [-metric(analysis, node), analysis.graph.nameKey(node), analysis.graph.actors[node].id], plan);
    return { ...page, edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: new ActorMetrics(analysis, edge.node, loadActor) })) };
  }

  @FieldResolver(() => [Community], { description: "Louvain communities, largest first" })
  communities(@Root() { analysis, loadActor }: NetworkAnalytics, @Args() { first, topMembers }: CommunitiesArgs): Community[] {
    return analysis.metric("communities").list.slice(0, first).map((c, id) => ({
      id,
      size: c.members.length,
      internalTieCount: c.internalTieCount,
      density: c.density,
      topMembers: Array.from(c.members.subarray(0, topMembers), (node) => new ActorMetrics(analysis, node, loadActor)),
    }));
  }

  @Query(() => [PartnerRecommendation], {
    description: `Actors \`actor\` does not co-construct with yet in the scope, best first, with the reasons (see RecommendationReasonKind). Costs ${ANALYTICS_FIELD_COST} in the query cost`,
    complexity: analyticsCost,
  })
  @Extensions(ANALYTICS_FIELD)
  async recommendPartners(@Args() { actor: id, filter, at, first }: RecommendPartnersArgs, @Ctx() context: Context) {
    const [actor, scope] = await Promise.all([context.loaders.actorById.load(id), allianceScope(context, filter, at)]);
    if (!actor) throw new NotFoundError("Actor", id);
    const analysis = await (await context.repos.analytics.analyse({ ...scope, actorKinds: null })).compute(["nameRank"]);
    const load = (node: number) => context.loaders.actorById.load(analysis.graph.actors[node].id);
    return recommend(analysis, id, first).map((r) => ({
      actor: load(r.node),
      score: r.score,
      reasons: r.reasons,
      sharedPartners: Promise.all(r.sharedPartners.map(load)),
    }));
  }
}
