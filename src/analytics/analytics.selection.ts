import { GraphQLResolveInfo } from "graphql";
import { fieldsByType, fieldsNamed, selection } from "../graphql/lookahead";
import { MetricName } from "./analytics.metrics";
import { ActorMetricOrder } from "./analytics.type";

/** The metrics each field reads, by type then field name. */
const READS: Record<string, Record<string, MetricName[]>> = {
  NetworkAnalytics: {
    componentCount: ["components"],
    averagePathLength: ["averagePath"],
    averagePathLengthSampled: ["averagePath"],
    modularity: ["communities"],
    communityCount: ["communities"],
    communities: ["communities"],
    centralitySample: ["betweenness", "closeness"],
    pageRankConvergence: ["pageRank"],
    actors: ["nameRank"],
  },
  ActorMetrics: { betweenness: ["betweenness"], closeness: ["closeness"], pageRank: ["pageRank"], community: ["communities"] },
};

/** The metric an ordering of `actors` sorts by, when it is computed in the worker. */
const ORDER_READS: Partial<Record<ActorMetricOrder, MetricName>> = {
  BETWEENNESS: "betweenness",
  CLOSENESS: "closeness",
  PAGERANK: "pageRank",
};

const ALL = [...new Set(Object.values(READS).flatMap((fields) => Object.values(fields).flat()))];

/**
 * The metrics a networkAnalytics selection needs, decided up front so one worker task computes
 * them all (and no others). Through an interface or union, whose fields cannot be attributed: all.
 */
export function metricsFor(info: GraphQLResolveInfo): MetricName[] {
  const asked = fieldsByType(info);
  if (!asked) return ALL;
  const needed = Object.entries(READS).flatMap(([type, reads]) => [...(asked.get(type) ?? [])].flatMap((field) => reads[field] ?? []));
  for (const actors of fieldsNamed(selection(info), "actors")) {
    const metric = ORDER_READS[actors.args.orderBy as ActorMetricOrder];
    if (metric) needed.push(metric);
  }
  return [...new Set(needed)];
}
