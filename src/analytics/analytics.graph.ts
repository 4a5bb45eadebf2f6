import { ActorKind } from "../common/enums";
import { CENTRALITY_BUDGET, CentralityBudget } from "./analytics.budget";
import { CompactGraph } from "./analytics.centrality";
import { Metrics, MetricName, MetricsTask } from "./analytics.metrics";

/** One in-scope actor as SCOPED_NETWORK returns it: what ordering and recommendations read. */
export interface ScopedActor {
  id: string;
  name: string;
  /** Sort key of the name (folded); the id breaks ties. */
  nameKey: string | null;
  kind: ActorKind;
  departementId: string | null;
  sdgs: number[];
}

/** What SCOPED_NETWORK returns: actors, and ties as [source, target, shared alliances] by index in `actors`. */
export interface ScopedNetwork {
  actors: ScopedActor[];
  ties: [number, number, number][];
}

/** The co-construction graph of a scope: actors by node index, and their ties in compressed rows. */
export class ScopeGraph {
  readonly index = new Map<string, number>();

  constructor(
    readonly actors: ScopedActor[],
    readonly compact: CompactGraph,
  ) {
    actors.forEach((actor, i) => this.index.set(actor.id, i));
  }

  get order(): number {
    return this.actors.length;
  }

  /** Ties (each counted once). */
  get size(): number {
    return this.compact.offsets[this.order] / 2;
  }

  degree(node: number): number {
    return this.compact.offsets[node + 1] - this.compact.offsets[node];
  }

  /** Sum of the weights of a node's ties (shared alliances, counted per partner). */
  weightedDegree(node: number): number {
    let total = 0;
    for (let j = this.compact.offsets[node]; j < this.compact.offsets[node + 1]; j++) total += this.compact.weights[j];
    return total;
  }

  neighbors(node: number): Int32Array {
    return this.compact.targets.subarray(this.compact.offsets[node], this.compact.offsets[node + 1]);
  }

  nameKey(node: number): string {
    const actor = this.actors[node];
    return actor.nameKey ?? actor.name.toLowerCase();
  }
}

/** Builds the graph: a node per actor (in the order given), an edge per tie, listed from both ends. */
export function buildScopeGraph(network: ScopedNetwork): ScopeGraph {
  const n = network.actors.length;
  const offsets = new Int32Array(n + 1);
  for (const [s, t] of network.ties) {
    offsets[s + 1]++;
    offsets[t + 1]++;
  }
  for (let i = 0; i < n; i++) offsets[i + 1] += offsets[i];
  const fill = offsets.slice(0, n);
  const targets = new Int32Array(offsets[n]);
  const weights = new Float64Array(offsets[n]);
  for (const [s, t, w] of network.ties) {
    targets[fill[s]] = t;
    weights[fill[s]++] = w;
    targets[fill[t]] = s;
    weights[fill[t]++] = w;
  }
  return new ScopeGraph(network.actors, { order: n, offsets, targets, weights });
}

/** Runs a metrics task: in the worker pool in production, inline where a test says so. */
export type MetricsRunner = (task: MetricsTask) => Promise<Partial<Metrics>>;

/**
 * The analytics of one scope's graph. Metrics are computed in a worker on demand (`compute`,
 * with the names the query's selection needs, decided up front) and kept, so a query that asks
 * only for the summary never pays for betweenness, and a later query reuses what was computed.
 */
export class ScopeAnalysis {
  private readonly known: Partial<Metrics> = {};
  private readonly pending = new Map<MetricName, Promise<unknown>>();

  constructor(
    readonly graph: ScopeGraph,
    private readonly run: MetricsRunner,
    readonly budget: CentralityBudget = CENTRALITY_BUDGET,
  ) {}

  /** Computes the metrics not known yet in one worker task; concurrent callers share it. */
  async compute(names: Iterable<MetricName>): Promise<this> {
    const wanted = [...new Set(names)];
    const missing = wanted.filter((name) => !(name in this.known) && !this.pending.has(name));
    if (missing.length > 0) {
      const needsNames = missing.includes("communities") && !this.known.nameRank;
      const task: MetricsTask = {
        graph: this.graph.compact,
        metrics: missing,
        budget: this.budget,
        nameRank: this.known.nameRank,
        names: needsNames || missing.includes("nameRank") ? { keys: this.graph.actors.map((_, i) => this.graph.nameKey(i)), ids: this.graph.actors.map((a) => a.id) } : undefined,
      };
      const done = this.run(task).then((result) => Object.assign(this.known, result));
      for (const name of missing) this.pending.set(name, done);
      done.finally(() => missing.forEach((name) => this.pending.delete(name))).catch(() => undefined);
    }
    await Promise.all(wanted.map((name) => this.pending.get(name)));
    return this;
  }

  /** A metric computed by `compute`; reading one that was not is a programming error. */
  metric<K extends MetricName>(name: K): Metrics[K] {
    const value = this.known[name];
    if (value === undefined) throw new Error(`analytics: "${name}" was read before it was computed; add it to the metrics the selection needs`);
    return value as Metrics[K];
  }

  get actorCount(): number {
    return this.graph.order;
  }

  get tieCount(): number {
    return this.graph.size;
  }

  /** Ties over possible ties; 0 with fewer than two actors. */
  get density(): number {
    const n = this.graph.order;
    return n < 2 ? 0 : this.graph.size / ((n * (n - 1)) / 2);
  }

  /** Whether betweenness and closeness are estimated from sampled sources (over the exact budget). */
  get sampled(): boolean {
    return this.graph.order > this.budget.exactCentralityActors;
  }

  private readonly rankings = new Map<string, Int32Array>();

  /** Nodes by `value` highest first, then name key and id (needs "nameRank"); kept per ordering. */
  ranked(ordering: string, value: (node: number) => number): Int32Array {
    let nodes = this.rankings.get(ordering);
    if (!nodes) {
      const values = Float64Array.from({ length: this.graph.order }, (_, node) => value(node));
      // Nodes in name order, then a stable sort by value: ties keep name order, and the comparator stays two reads.
      const names = this.metric("nameRank");
      const byName = new Int32Array(this.graph.order);
      names.forEach((place, node) => (byName[place] = node));
      nodes = byName.sort((a, b) => values[b] - values[a]);
      this.rankings.set(ordering, nodes);
    }
    return nodes;
  }

  /** Orders nodes by name key then id (needs "nameRank"). */
  readonly byName = (a: number, b: number): number => this.metric("nameRank")[a] - this.metric("nameRank")[b];
}
