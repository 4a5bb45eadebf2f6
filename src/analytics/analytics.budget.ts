/**
 * What network analytics will compute, and how exactly, by the size of the scope. Each
 * bound keeps one request within seconds on a laptop (see README, "Network analytics").
 */

/** A scope with more actors is refused (QUERY_TOO_COMPLEX): narrow it by territory, kind or date. */
export const MAX_ANALYTICS_ACTORS = 100_000;

/** How betweenness, closeness and average path length are computed, by the size of the scope. */
export interface CentralityBudget {
  /** Betweenness and closeness are exact (a search from every actor, O(n·m)) up to this many actors… */
  exactCentralityActors: number;
  /** …and above, each component of more actors is explored from this many seeded random sources. */
  sampleSources: number;
  /** Average path length is exact up to this many actors… */
  exactPathActors: number;
  /** …and above, estimated from searches from this many seeded random sources. */
  pathSampleSources: number;
}

export const CENTRALITY_BUDGET: CentralityBudget = {
  exactCentralityActors: 5_000,
  sampleSources: 200,
  exactPathActors: 2_000,
  pathSampleSources: 200,
};

/** PageRank's damping, and its stop: the L1 change of an iteration under `tolerance`, or `maxIterations`. */
export const PAGERANK = { damping: 0.85, tolerance: 1e-9, maxIterations: 1_000 };

/**
 * Query cost of one networkAnalytics or recommendPartners field, whatever its selection: a
 * scope can hold up to MAX_ANALYTICS_ACTORS actors, whose analysis takes seconds of a worker
 * (France on the 100k bench graph, 52 693 actors: 4 s to fetch and build, then 0.4–2.2 s per
 * metric; bench/results/analytics-2026-12-04-100k.json). With the default maxCost (50 000) a
 * query holds at most two (and maxAnalyticsFields says so first); each is charged to the
 * client's cost quota, cached or not, so distinct `at` values cannot dodge it.
 */
export const ANALYTICS_FIELD_COST = 20_000;

/** Worker threads that compute metrics; further analyses wait in the pool's queue. */
export const ANALYTICS_THREADS = 1;

/** Seed of every pseudo-random choice (Louvain's moves, path-length sources), so answers repeat. */
export const ANALYTICS_SEED = 0x6d61696c; // "mail"

/** Cached scopes and how long an entry lives (writes in this process invalidate at once). */
export const CACHE_ENTRIES = 50;
export const CACHE_TTL_MS = 60_000;

/**
 * mulberry32: a tiny seeded generator of floats in [0, 1), for Louvain's `rng` and sampling.
 * Not a graph algorithm; determinism is all we need from it.
 */
export function seededRandom(seed: number = ANALYTICS_SEED): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
