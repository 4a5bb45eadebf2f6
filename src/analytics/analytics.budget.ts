/**
 * What network analytics will compute, and how exactly, by the size of the scope. Each
 * bound keeps one request within seconds on a laptop (see README, "Network analytics").
 */

/** A scope with more actors is refused (QUERY_TOO_COMPLEX): narrow it by territory, kind or date. */
export const MAX_ANALYTICS_ACTORS = 20_000;

/** Betweenness and closeness (one breadth-first search per actor, O(n·m)) up to this many actors; above, they are null. */
export const MAX_CENTRALITY_ACTORS = 5_000;

/** Average path length is exact (a search from every actor) up to this many actors… */
export const MAX_EXACT_PATH_ACTORS = 2_000;

/** …and above, estimated from searches from this many sources drawn with a seeded generator. */
export const PATH_SAMPLE_SOURCES = 200;

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
