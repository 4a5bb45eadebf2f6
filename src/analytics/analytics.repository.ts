import { Executor } from "../neo4j/executor";
import { QueryTooComplexError } from "../common/errors";
import { AllianceScope } from "../alliance/alliance-scope";
import { CACHE_ENTRIES, CACHE_TTL_MS, CENTRALITY_BUDGET, CentralityBudget, MAX_ANALYTICS_ACTORS } from "./analytics.budget";
import { PromiseLru } from "./analytics.cache";
import { buildScopeGraph, MetricsRunner, ScopeAnalysis, ScopedActor } from "./analytics.graph";
import { runMetricsTask } from "./analytics.pool";
import { SCOPED_NETWORK } from "./analytics.cypher";
import { scopeShape } from "../alliance/alliance-filter";
import { graphGeneration } from "./generation";

/** A scope of network analytics: the alliance scope (filter, date) and the kinds of actor that are nodes. */
export interface AnalyticsScope extends AllianceScope {
  actorKinds: string[] | null;
}

// Per process, shared by requests: keyed by database, graph generation and scope.
const cache = new PromiseLru<ScopeAnalysis>(CACHE_ENTRIES, CACHE_TTL_MS);

/** Empties the analytics cache (tests). */
export function clearAnalyticsCache(): void {
  cache.clear();
}

/** The only code that runs Cypher for network analytics. */
export class AnalyticsRepository {
  constructor(
    private readonly executor: Executor,
    private readonly budget: CentralityBudget = CENTRALITY_BUDGET,
    private readonly runMetrics: MetricsRunner = runMetricsTask,
  ) {}

  /**
   * The scope's co-construction network, with its metrics computed on demand in the worker
   * pool (ScopeAnalysis.compute); one round trip, then cached until a write bumps the graph generation or
   * CACHE_TTL_MS passes. A scope over MAX_ANALYTICS_ACTORS actors is refused.
   */
  analyse(scope: AnalyticsScope): Promise<ScopeAnalysis> {
    const key = JSON.stringify({ database: this.executor.database ?? null, generation: graphGeneration(), budget: this.budget, scope });
    return cache.get(key, () => this.load(scope));
  }

  private async load(scope: AnalyticsScope): Promise<ScopeAnalysis> {
    const cypher = SCOPED_NETWORK(scopeShape(scope.filter, scope.at), scope.actorKinds != null);
    const [row] = await this.executor.read(cypher, { ...scope, maxActors: MAX_ANALYTICS_ACTORS });
    if (row.actorCount > MAX_ANALYTICS_ACTORS) {
      throw new QueryTooComplexError(
        "maxAnalyticsActors",
        `The scope has ${row.actorCount} actors, over the ${MAX_ANALYTICS_ACTORS} network analytics handle; narrow it (filter.territory, filter.kinds, at, actorKinds).`,
      );
    }
    const actors: ScopedActor[] = row.actors.map(([id, name, nameKey, kind, departementId, sdgs]: any[]) => ({ id, name, nameKey, kind, departementId, sdgs }));
    const index = new Map(actors.map((actor, i) => [actor.id, i]));
    const ties = (row.ties as [string, string, number][]).map(([s, t, w]): [number, number, number] => [index.get(s)!, index.get(t)!, w]);
    return new ScopeAnalysis(buildScopeGraph({ actors, ties }), this.runMetrics, this.budget);
  }
}
