import { Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { Context } from "../graphql/context";
import { allianceScope } from "../graphql/scope";
import { planPage } from "../common/connection";
import { BadUserInputError, NotFoundError } from "../common/errors";
import { MAX_CENTRALITY_ACTORS } from "./analytics.budget";
import { ActorMetricsArgs, CommunitiesArgs, NetworkAnalyticsArgs, RecommendPartnersArgs } from "./analytics.args";
import { recommend } from "./analytics.recommend";
import { pageInMemory } from "./analytics.page";
import { ActorMetricOrder, ActorMetrics, ActorMetricsConnection, Community, NetworkAnalytics, PartnerRecommendation } from "./analytics.type";

/** The metric each ordering sorts by (highest first). */
const METRIC: Record<ActorMetricOrder, (m: ActorMetrics) => number | null> = {
  DEGREE: (m) => m.degree,
  WEIGHTED_DEGREE: (m) => m.weightedDegree,
  BETWEENNESS: (m) => m.betweenness,
  CLOSENESS: (m) => m.closeness,
  PAGERANK: (m) => m.pageRank,
};

/** GraphQL for network analytics and partner recommendations: thin, the work is in ScopeAnalysis. */
@Resolver(() => NetworkAnalytics)
export class AnalyticsResolver {
  @Query(() => NetworkAnalytics, {
    description: "Social-network analytics of the actors tied by shared alliances in scope: summary, centralities, communities",
  })
  async networkAnalytics(@Args() { filter, at, actorKinds }: NetworkAnalyticsArgs, @Ctx() context: Context) {
    const scope = await allianceScope(context, filter, at);
    return new NetworkAnalytics(await context.repos.analytics.analyse({ ...scope, actorKinds: actorKinds ?? null }));
  }

  @FieldResolver(() => ActorMetricsConnection, { description: "Actors with their metrics, highest `orderBy` first, then name and id" })
  actors(@Root() { analysis }: NetworkAnalytics, @Args() args: ActorMetricsArgs) {
    if ((args.orderBy === ActorMetricOrder.BETWEENNESS || args.orderBy === ActorMetricOrder.CLOSENESS) && analysis.budgetExceeded) {
      throw new BadUserInputError("orderBy", `${args.orderBy} is computed for scopes of at most ${MAX_CENTRALITY_ACTORS} actors; narrow the scope`);
    }
    const plan = planPage(args, "NetworkAnalytics.actors", args.orderBy);
    const metric = METRIC[args.orderBy];
    const items = analysis.graph.nodes().map((node) => new ActorMetrics(analysis, node));
    return pageInMemory(items, (m) => [-(metric(m) ?? 0), analysis.graph.getNodeAttribute(m.actor.id, "nameKey"), m.actor.id], plan);
  }

  @FieldResolver(() => [Community], { description: "Louvain communities, largest first" })
  communities(@Root() { analysis }: NetworkAnalytics, @Args() { first, topMembers }: CommunitiesArgs): Community[] {
    return analysis.communities.list.slice(0, first).map((c) => ({
      id: c.id,
      size: c.members.length,
      internalTieCount: c.internalTieCount,
      density: c.density,
      topMembers: c.members.slice(0, topMembers).map((node) => new ActorMetrics(analysis, node)),
    }));
  }

  @Query(() => [PartnerRecommendation], {
    description: "Actors `actor` does not co-construct with yet in the scope, best first, with the reasons (see RecommendationReasonKind)",
  })
  async recommendPartners(@Args() { actor: id, filter, at, first }: RecommendPartnersArgs, @Ctx() context: Context) {
    const [actor, scope] = await Promise.all([context.loaders.actorById.load(id), allianceScope(context, filter, at)]);
    if (!actor) throw new NotFoundError("Actor", id);
    const analysis = await context.repos.analytics.analyse({ ...scope, actorKinds: null });
    const record = (node: string) => analysis.graph.getNodeAttribute(node, "record").actor;
    return recommend(analysis, id, first).map((r) => ({
      actor: record(r.id),
      score: r.score,
      reasons: r.reasons,
      sharedPartners: r.sharedPartners.map(record),
    }));
  }
}
