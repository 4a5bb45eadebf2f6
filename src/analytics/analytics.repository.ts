import { setImmediate as nextTurn } from "node:timers/promises";
import { Executor, Row } from "../neo4j/executor";
import { QueryTooComplexError } from "../common/errors";
import { AllianceScope } from "../alliance/alliance-scope";
import { CACHE_ENTRIES, CACHE_TTL_MS, CENTRALITY_BUDGET, CentralityBudget, MAX_ANALYTICS_ACTORS } from "./analytics.budget";
import { PromiseLru } from "./analytics.cache";
import { buildScopeGraph, MetricsRunner, ScopeAnalysis, ScopedActor, ScopedNetwork } from "./analytics.graph";
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
    // A recorded view (src/history/view) is its own graph: its answers never mix with the live ones.
    const key = JSON.stringify({ database: this.executor.database ?? null, recordedSeq: this.executor.recordedSeq, generation: graphGeneration(), budget: this.budget, scope });
    return cache.get(key, () => this.load(scope));
  }

  private async load(scope: AnalyticsScope): Promise<ScopeAnalysis> {
    const cypher = SCOPED_NETWORK(scopeShape(scope.filter, scope.at), scope.actorKinds != null);
    const rows = await this.executor.read(cypher, { ...scope, maxActors: MAX_ANALYTICS_ACTORS });
    const actorCount = rows[0]?.actorCount ?? 0;
    if (actorCount > MAX_ANALYTICS_ACTORS) {
      throw new QueryTooComplexError(
        "maxAnalyticsActors",
        `The scope has ${actorCount} actors, over the ${MAX_ANALYTICS_ACTORS} network analytics handle; narrow it (filter.territory, filter.kinds, at, actorKinds).`,
      );
    }
    const network = await readNetwork(rows.filter((row) => row.actor !== null));
    return new ScopeAnalysis(buildScopeGraph(network), this.runMetrics, this.budget);
  }
}

/** Rows converted between turns of the event loop, so a 100k-actor scope never holds it long. */
const ROWS_PER_TURN = 5_000;

/**
 * SCOPED_NETWORK's actor rows as a network: actors by index, ties weighted by how often a partner is listed.
 * Actors in id order, each one's ties and SDGs sorted: the store's order (which differs between a graph
 * and its recorded view, or after a restore) must not change communities or any other figure.
 */
async function readNetwork(rows: Row[]): Promise<ScopedNetwork> {
  rows.sort((a, b) => (a.actor[0] < b.actor[0] ? -1 : a.actor[0] > b.actor[0] ? 1 : 0));
  const actors: ScopedActor[] = [];
  const index = new Map<string, number>();
  for (const { actor: [id, name, nameKey, kind, departementId, sdgs] } of rows) {
    index.set(id, actors.length);
    actors.push({ id, name, nameKey, kind, departementId, sdgs: [...sdgs].sort((x: number, y: number) => x - y) });
  }
  const ties: [number, number, number][] = [];
  for (let i = 0; i < rows.length; i++) {
    if (i % ROWS_PER_TURN === ROWS_PER_TURN - 1) await nextTurn();
    const shared = new Map<number, number>();
    for (const others of rows[i].actor[6] as string[][]) for (const other of others) {
      const j = index.get(other)!;
      shared.set(j, (shared.get(j) ?? 0) + 1);
    }
    for (const j of [...shared.keys()].sort((x, y) => x - y)) ties.push([i, j, shared.get(j)!]);
  }
  return { actors, ties };
}
