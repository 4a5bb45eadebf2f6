import { Executor } from "../neo4j/executor";
import { QueryTooComplexError } from "../common/errors";
import { AllianceScope } from "../alliance/alliance-scope";
import { CACHE_ENTRIES, CACHE_TTL_MS, MAX_ANALYTICS_ACTORS } from "./analytics.budget";
import { PromiseLru } from "./analytics.cache";
import { buildScopeGraph, ScopeAnalysis, ScopedNetwork } from "./analytics.graph";
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
  constructor(private readonly executor: Executor) {}

  /**
   * The scope's co-construction network as a graphology graph, with its metrics computed
   * on demand; one round trip, then cached until a write bumps the graph generation or
   * CACHE_TTL_MS passes. A scope over MAX_ANALYTICS_ACTORS actors is refused.
   */
  analyse(scope: AnalyticsScope): Promise<ScopeAnalysis> {
    const key = JSON.stringify({ database: this.executor.database ?? null, generation: graphGeneration(), scope });
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
    return new ScopeAnalysis(buildScopeGraph(row as ScopedNetwork));
  }
}
