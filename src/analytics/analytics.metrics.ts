import { UndirectedGraph } from "graphology";
import louvain from "graphology-communities-louvain";
import { ANALYTICS_SEED, CentralityBudget, PAGERANK, seededRandom } from "./analytics.budget";
import { averagePathLength, betweenness, Centrality, closeness, CompactGraph, components, Components, sample } from "./analytics.centrality";

/**
 * The metrics of one scope's graph, computed in a worker thread (analytics.worker.ts) from a
 * CompactGraph: only those a task names, so a query that asks for the summary never pays for
 * betweenness. Pure functions of the graph and the seed: the same scope gives the same answer.
 */
export type MetricName = "components" | "betweenness" | "closeness" | "pageRank" | "averagePath" | "communities" | "nameRank";

export interface PageRankResult {
  values: Float64Array;
  /** The L1 change of the last iteration, compared with `tolerance`. */
  residual: number;
  tolerance: number;
  iterations: number;
  converged: boolean;
}

export interface CommunityInfo {
  /** Members, most ties first, then name and id. */
  members: Int32Array;
  internalTieCount: number;
  density: number;
}

export interface Communities {
  of: Int32Array;
  /** Largest first, then by first member's name. */
  list: CommunityInfo[];
  modularity: number | null;
}

export interface Metrics {
  components: Components;
  betweenness: Centrality;
  closeness: Centrality;
  pageRank: PageRankResult;
  averagePath: { value: number | null; sampled: boolean };
  communities: Communities;
  /** Each node's place in name order (name key, then id). */
  nameRank: Int32Array;
}

export interface MetricsTask {
  graph: CompactGraph;
  metrics: MetricName[];
  budget: CentralityBudget;
  /** Name keys and ids by node, for `nameRank`. */
  names?: { keys: string[]; ids: string[] };
  /** Already known, to rank communities without recomputing it. */
  nameRank?: Int32Array;
}

/** What each metric needs computed first, in the same task. */
const NEEDS: Partial<Record<MetricName, MetricName[]>> = {
  betweenness: ["components"],
  closeness: ["components"],
  communities: ["nameRank"],
};

/** Computes the named metrics (and what they need) of the task's graph. */
export function computeMetrics(task: MetricsTask): Partial<Metrics> {
  const { graph, budget } = task;
  const out: Partial<Metrics> = task.nameRank ? { nameRank: task.nameRank } : {};
  const exact = graph.order <= budget.exactCentralityActors;
  const compute: { [K in MetricName]: () => Metrics[K] } = {
    components: () => components(graph),
    betweenness: () => betweenness(graph, out.components!, exact, budget.sampleSources, ANALYTICS_SEED),
    closeness: () => closeness(graph, out.components!, exact, budget.sampleSources, ANALYTICS_SEED),
    pageRank: () => pageRank(graph),
    averagePath: () => {
      const all = Array.from({ length: graph.order }, (_, i) => i);
      const sampled = graph.order > budget.exactPathActors;
      return { value: averagePathLength(graph, sampled ? sample(all, budget.pathSampleSources, seededRandom()) : all), sampled };
    },
    communities: () => communities(graph, out.nameRank!),
    nameRank: () => nameRank(task.names!),
  };
  const run = (name: MetricName): void => {
    if (out[name]) return;
    for (const first of NEEDS[name] ?? []) run(first);
    (out as Record<MetricName, unknown>)[name] = compute[name]();
  };
  for (const name of task.metrics) run(name);
  return out;
}

/**
 * PageRank weighted by shared alliances (damping PAGERANK.damping), by power iteration until
 * the L1 change falls under PAGERANK.tolerance or PAGERANK.maxIterations pass: never an error,
 * the report says whether it converged. Dangling actors spread their rank evenly (graphology's rule).
 */
export function pageRank(graph: CompactGraph, { damping, tolerance, maxIterations } = PAGERANK): PageRankResult {
  const n = graph.order;
  const { offsets, targets, weights } = graph;
  const strength = new Float64Array(n);
  for (let v = 0; v < n; v++) for (let j = offsets[v]; j < offsets[v + 1]; j++) strength[v] += weights[j];
  let x = new Float64Array(n).fill(n === 0 ? 0 : 1 / n);
  let next = new Float64Array(n);
  let residual = n === 0 ? 0 : Infinity;
  let iterations = 0;
  while (residual >= tolerance && iterations < maxIterations) {
    let dangling = 0;
    for (let v = 0; v < n; v++) if (strength[v] === 0) dangling += x[v];
    next.fill((damping * dangling + 1 - damping) / n);
    for (let v = 0; v < n; v++) {
      if (strength[v] === 0) continue;
      const share = (damping * x[v]) / strength[v];
      for (let j = offsets[v]; j < offsets[v + 1]; j++) next[targets[j]] += share * weights[j];
    }
    residual = 0;
    for (let v = 0; v < n; v++) residual += Math.abs(next[v] - x[v]);
    [x, next] = [next, x];
    iterations++;
  }
  return { values: x, residual, tolerance, iterations, converged: residual < tolerance };
}

/** Each node's place when sorted by name key, then id. */
export function nameRank({ keys, ids }: { keys: string[]; ids: string[] }): Int32Array {
  const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const order = keys.map((_, i) => i).sort((a, b) => byText(keys[a], keys[b]) || byText(ids[a], ids[b]));
  const rank = new Int32Array(keys.length);
  order.forEach((node, place) => (rank[node] = place));
  return rank;
}

/**
 * Louvain communities (weighted, seeded rng, so the same graph gives the same answer),
 * numbered 0… by size, largest first, then by their first member's name.
 */
export function communities(graph: CompactGraph, rank: Int32Array): Communities {
  const n = graph.order;
  const { offsets, targets, weights } = graph;
  const degree = (v: number) => offsets[v + 1] - offsets[v];
  let raw: ArrayLike<number>;
  let modularity: number | null = null;
  if (offsets[n] === 0) raw = Int32Array.from({ length: n }, (_, i) => i); // without ties every actor is its own community
  else {
    const g = new UndirectedGraph<Record<string, never>, { weight: number }>();
    for (let v = 0; v < n; v++) g.addNode(v);
    for (let v = 0; v < n; v++) for (let j = offsets[v]; j < offsets[v + 1]; j++) if (v < targets[j]) g.addEdge(v, targets[j], { weight: weights[j] });
    const detailed = louvain.detailed(g, { getEdgeWeight: "weight", rng: seededRandom() });
    raw = Int32Array.from({ length: n }, (_, v) => detailed.communities[v]);
    modularity = detailed.modularity; // that of its final partition, which is ours renumbered
  }
  const groups = new Map<number, number[]>();
  for (let v = 0; v < n; v++) (groups.get(raw[v]) ?? groups.set(raw[v], []).get(raw[v])!).push(v);
  const ranked = [...groups.values()].map((members) => members.sort((a, b) => degree(b) - degree(a) || rank[a] - rank[b]));
  ranked.sort((a, b) => b.length - a.length || rank[a[0]] - rank[b[0]]);
  const of = new Int32Array(n);
  const list = ranked.map((members, id) => {
    for (const v of members) of[v] = id;
    return { members: Int32Array.from(members), internalTieCount: 0, density: 0 };
  });
  for (let v = 0; v < n; v++) for (let j = offsets[v]; j < offsets[v + 1]; j++) if (v < targets[j] && of[v] === of[targets[j]]) list[of[v]].internalTieCount++;
  for (const community of list) {
    const size = community.members.length;
    community.density = size < 2 ? 0 : community.internalTieCount / ((size * (size - 1)) / 2);
  }
  return { of, list, modularity };
}
