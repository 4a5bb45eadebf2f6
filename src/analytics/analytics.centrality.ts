import { seededRandom } from "./analytics.budget";

/**
 * The scope's network in compressed sparse rows: node i's ties are targets[offsets[i]…offsets[i+1]),
 * each listed from both ends, with its weight (shared alliances). Typed arrays, so it crosses to
 * a worker thread as a copy of a few buffers.
 */
export interface CompactGraph {
  order: number;
  offsets: Int32Array;
  targets: Int32Array;
  weights: Float64Array;
}

/** How a centrality was computed: from every actor, or from a seeded sample of sources. */
export interface SampleReport {
  /** Breadth-first searches run (the actor count when exact). */
  sources: number;
  exact: boolean;
  /** Largest standard error of one actor's estimate, in the metric's own (normalised) units; 0 when exact. */
  standardError: number;
}

export interface Centrality {
  values: Float64Array;
  sample: SampleReport;
}

export interface Components {
  count: number;
  /** Component index of each node. */
  of: Int32Array;
  /** Nodes of each component, by index. */
  members: Int32Array[];
}

/** Breadth-first search from `source`: fills `dist` (-1 unreached) and returns the nodes in visiting order. */
export function bfs(graph: CompactGraph, source: number, dist: Int32Array, order: Int32Array): number {
  dist.fill(-1);
  dist[source] = 0;
  order[0] = source;
  let head = 0;
  let tail = 1;
  const { offsets, targets } = graph;
  while (head < tail) {
    const v = order[head++];
    const next = dist[v] + 1;
    for (let j = offsets[v]; j < offsets[v + 1]; j++) {
      const w = targets[j];
      if (dist[w] < 0) {
        dist[w] = next;
        order[tail++] = w;
      }
    }
  }
  return tail;
}

export function components(graph: CompactGraph): Components {
  const of = new Int32Array(graph.order).fill(-1);
  const dist = new Int32Array(graph.order);
  const order = new Int32Array(graph.order);
  const members: Int32Array[] = [];
  for (let v = 0; v < graph.order; v++) {
    if (of[v] >= 0) continue;
    const reached = bfs(graph, v, dist, order);
    for (let i = 0; i < reached; i++) of[order[i]] = members.length;
    members.push(order.slice(0, reached));
  }
  return { count: members.length, of, members };
}

/** `k` distinct items of `items` drawn uniformly with `random` (a partial Fisher–Yates shuffle of a copy). */
export function sample<T extends ArrayLike<number>>(items: T, k: number, random: () => number): number[] {
  const copy = Array.from(items);
  const n = Math.min(k, copy.length);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(random() * (copy.length - i));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy.slice(0, n);
}

/**
 * The sources of a centrality: every node of a component of at most `perComponent` nodes
 * (or of any size when `exact`), else `perComponent` seeded random nodes of it. Sampling
 * inside each component (stratified) keeps every actor's estimate fed by searches that reach it.
 */
function sourcesByComponent(parts: Components, perComponent: number, exact: boolean, seed: number): number[][] {
  const random = seededRandom(seed);
  return parts.members.map((members) => (exact || members.length <= perComponent ? Array.from(members) : sample(members, perComponent, random)));
}

/** Standard error of a mean of `k` draws without replacement out of `population`, from their sum and sum of squares. */
function standardErrorOfMean(sum: number, sumOfSquares: number, k: number, population: number): number {
  if (k < 2 || k >= population) return 0;
  const mean = sum / k;
  const variance = Math.max(0, (sumOfSquares - k * mean * mean) / (k - 1));
  return Math.sqrt((variance / k) * (1 - k / population));
}

/** Per-actor arrays of a centrality computed from searches: values, standard errors, running sums, and one search's distances and visit order. */
function sampledSearchBuffers(n: number) {
  return {
    values: new Float64Array(n),
    errors: new Float64Array(n),
    sum: new Float64Array(n),
    squares: new Float64Array(n),
    dist: new Int32Array(n),
    order: new Int32Array(n),
  };
}

/**
 * Betweenness (Brandes, unweighted: hops), normalised by the (n-1)(n-2) ordered pairs of other
 * actors. Each component of more than `perComponent` actors is explored from `perComponent`
 * seeded sources and its dependencies scaled by size/sources (an unbiased estimate); the standard
 * error is that of the scaled mean of one source's dependency.
 */
export function betweenness(graph: CompactGraph, parts: Components, exact: boolean, perComponent: number, seed: number): Centrality {
  const n = graph.order;
  const { values, errors, sum, squares, dist, order } = sampledSearchBuffers(n);
  const sigma = new Float64Array(n);
  const delta = new Float64Array(n);
  const { offsets, targets } = graph;
  const pairs = n > 2 ? (n - 1) * (n - 2) : Infinity;
  let sources = 0;
  const bySource = sourcesByComponent(parts, perComponent, exact, seed);
  bySource.forEach((chosen, component) => {
    const members = parts.members[component];
    for (const s of chosen) {
      const reached = bfs(graph, s, dist, order);
      for (let i = 0; i < reached; i++) sigma[order[i]] = delta[order[i]] = 0;
      sigma[s] = 1;
      for (let i = 0; i < reached; i++) {
        const v = order[i];
        for (let j = offsets[v]; j < offsets[v + 1]; j++) if (dist[targets[j]] === dist[v] + 1) sigma[targets[j]] += sigma[v];
      }
      for (let i = reached - 1; i > 0; i--) {
        const w = order[i];
        for (let j = offsets[w]; j < offsets[w + 1]; j++) {
          const v = targets[j];
          if (dist[v] === dist[w] - 1) delta[v] += (sigma[v] / sigma[w]) * (1 + delta[w]);
        }
        sum[w] += delta[w];
        squares[w] += delta[w] * delta[w];
      }
    }
    sources += chosen.length;
    const k = chosen.length;
    const c = members.length;
    for (const v of members) {
      // Exact: the plain sum (a single division keeps hand-checkable values exact); sampled: c × mean.
      values[v] = (k === c ? sum[v] : (c / k) * sum[v]) / pairs;
      errors[v] = (c * standardErrorOfMean(sum[v], squares[v], k, c)) / pairs;
    }
  });
  return { values, sample: report(sources, n, errors) };
}

/**
 * Closeness (Wasserman–Faust): reachable/Σ hops × reachable/(n-1), 0 when isolated. In a
 * component explored from sampled sources, Σ hops is (reachable) × the mean distance to the
 * sources (its standard error carried to closeness by the delta method).
 */
export function closeness(graph: CompactGraph, parts: Components, exact: boolean, perComponent: number, seed: number): Centrality {
  const n = graph.order;
  const { values, errors, sum, squares, dist, order } = sampledSearchBuffers(n);
  const count = new Int32Array(n);
  let sources = 0;
  sourcesByComponent(parts, perComponent, exact, seed).forEach((chosen, component) => {
    const members = parts.members[component];
    for (const s of chosen) {
      const reached = bfs(graph, s, dist, order);
      for (let i = 1; i < reached; i++) {
        const v = order[i];
        sum[v] += dist[v];
        squares[v] += dist[v] * dist[v];
        count[v]++;
      }
    }
    sources += chosen.length;
    const reachable = members.length - 1;
    if (reachable === 0) return;
    const share = reachable / (n - 1);
    for (const v of members) {
      if (chosen.length === members.length) {
        values[v] = (reachable / sum[v]) * share; // exact: Σ hops over every other member
        continue;
      }
      const k = count[v];
      if (k === 0) continue;
      const mean = sum[v] / k;
      values[v] = (1 / mean) * share;
      errors[v] = values[v] * (standardErrorOfMean(sum[v], squares[v], k, reachable) / mean);
    }
  });
  return { values, sample: report(sources, n, errors) };
}

function report(sources: number, n: number, errors: Float64Array): SampleReport {
  let largest = 0;
  for (const e of errors) if (e > largest) largest = e;
  return { sources, exact: sources === n, standardError: largest };
}

/**
 * Mean hops between connected actors over the ordered pairs reached from `sources`
 * (all nodes: exact). Null with no reachable pair.
 */
export function averagePathLength(graph: CompactGraph, sources: number[]): number | null {
  const dist = new Int32Array(graph.order);
  const order = new Int32Array(graph.order);
  let total = 0;
  let pairs = 0;
  for (const s of sources) {
    const reached = bfs(graph, s, dist, order);
    for (let i = 1; i < reached; i++) total += dist[order[i]];
    pairs += reached - 1;
  }
  return pairs === 0 ? null : total / pairs;
}
