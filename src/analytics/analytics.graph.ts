import { UndirectedGraph } from "graphology";
import { countConnectedComponents } from "graphology-components";
import louvain from "graphology-communities-louvain";
import betweennessCentrality from "graphology-metrics/centrality/betweenness";
import closenessCentrality from "graphology-metrics/centrality/closeness";
import pagerank from "graphology-metrics/centrality/pagerank";
import { undirectedDensity } from "graphology-metrics/graph/density";
import { undirectedSingleSourceLength } from "graphology-shortest-path/unweighted";
import { Actor } from "../actor/actor.type";
import {
  MAX_CENTRALITY_ACTORS,
  MAX_EXACT_PATH_ACTORS,
  PATH_SAMPLE_SOURCES,
  seededRandom,
} from "./analytics.budget";

/** One in-scope actor as SCOPED_NETWORK returns it. */
export interface ScopedActor {
  actor: Actor & { nameKey?: string | null };
  departementId: string | null;
  sdgs: number[];
}

/** What SCOPED_NETWORK returns: actors and [source, target, shared alliances] ties. */
export interface ScopedNetwork {
  actors: ScopedActor[];
  ties: [string, string, number][];
}

export interface NodeAttributes {
  record: ScopedActor;
  /** Sort key of the name (folded), then id breaks ties. */
  nameKey: string;
}

export interface EdgeAttributes {
  /** Shared alliances in scope. */
  weight: number;
}

export type ScopeGraph = UndirectedGraph<NodeAttributes, EdgeAttributes>;

export interface CommunityInfo {
  id: number;
  /** Members, most ties first, then name and id. */
  members: string[];
  internalTieCount: number;
  density: number;
}

/** Builds the co-construction graph: a node per actor (keyed by id), an edge per tie. */
export function buildScopeGraph(network: ScopedNetwork): ScopeGraph {
  const graph: ScopeGraph = new UndirectedGraph<NodeAttributes, EdgeAttributes>();
  for (const record of network.actors) {
    graph.addNode(record.actor.id, { record, nameKey: record.actor.nameKey ?? record.actor.name.toLowerCase() });
  }
  for (const [source, target, weight] of network.ties) graph.addEdge(source, target, { weight });
  return graph;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The analytics of one scope's graph. Each metric is computed on first use and kept, so a
 * query that asks only for the summary never pays for betweenness. Budgets: see analytics.budget.ts.
 */
export class ScopeAnalysis {
  private memo = new Map<string, unknown>();

  constructor(readonly graph: ScopeGraph) {}

  private once<T>(name: string, compute: () => T): T {
    if (!this.memo.has(name)) this.memo.set(name, compute());
    return this.memo.get(name) as T;
  }

  get actorCount(): number {
    return this.graph.order;
  }

  get tieCount(): number {
    return this.graph.size;
  }

  /** Ties over possible ties; 0 with fewer than two actors. */
  get density(): number {
    return this.graph.order < 2 ? 0 : undirectedDensity(this.graph);
  }

  get componentCount(): number {
    return this.once("components", () => countConnectedComponents(this.graph));
  }

  /** Whether betweenness and closeness were skipped because the scope is over MAX_CENTRALITY_ACTORS. */
  get budgetExceeded(): boolean {
    return this.graph.order > MAX_CENTRALITY_ACTORS;
  }

  /** Betweenness, unweighted (hops), normalised by (n-1)(n-2)/2 pairs; null over budget. */
  get betweenness(): Record<string, number> | null {
    return this.once("betweenness", () =>
      this.budgetExceeded ? null : betweennessCentrality(this.graph, { getEdgeWeight: null, normalized: true }),
    );
  }

  /**
   * Closeness (Wasserman–Faust): reachable actors over the sum of hops to them, times the
   * reachable share, so actors of small components do not look central. Null over budget.
   */
  get closeness(): Record<string, number> | null {
    return this.once("closeness", () => (this.budgetExceeded ? null : closenessCentrality(this.graph, { wassermanFaust: true })));
  }

  /** PageRank weighted by shared alliances (damping 0.85). */
  get pageRank(): Record<string, number> {
    return this.once("pageRank", () => (this.graph.order === 0 ? {} : pagerank(this.graph, { getEdgeWeight: "weight", alpha: 0.85 })));
  }

  /**
   * Average hops between two actors that are connected, over all such pairs: exact up to
   * MAX_EXACT_PATH_ACTORS, else from PATH_SAMPLE_SOURCES seeded random sources. Null with no ties.
   */
  get averagePath(): { value: number | null; sampled: boolean } {
    return this.once("averagePath", () => {
      const nodes = this.graph.nodes();
      const sampled = nodes.length > MAX_EXACT_PATH_ACTORS;
      const sources = sampled ? sample(nodes, PATH_SAMPLE_SOURCES, seededRandom()) : nodes;
      let total = 0;
      let pairs = 0;
      for (const source of sources) {
        const lengths = undirectedSingleSourceLength(this.graph, source);
        for (const target in lengths) {
          if (target === source) continue;
          total += lengths[target];
          pairs++;
        }
      }
      return { value: pairs === 0 ? null : total / pairs, sampled };
    });
  }

  /**
   * Louvain communities (weighted, seeded rng, so the same graph gives the same answer),
   * numbered 0… by size, largest first, then by their first member's name.
   */
  get communities(): { of: Record<string, number>; list: CommunityInfo[]; modularity: number | null } {
    return this.once("communities", () => {
      const graph = this.graph;
      // Without ties modularity is undefined and every actor is its own community.
      const detailed = graph.size === 0 ? null : louvain.detailed(graph, { getEdgeWeight: "weight", rng: seededRandom() });
      const raw: Record<string, number> = detailed?.communities ?? Object.fromEntries(graph.nodes().map((node, i) => [node, i]));
      const groups = new Map<number, string[]>();
      for (const node of graph.nodes()) groups.set(raw[node], [...(groups.get(raw[node]) ?? []), node]);
      const ranked = [...groups.values()].map((members) => members.sort(this.byDegreeThenName));
      ranked.sort((a, b) => b.length - a.length || this.byName(a[0], b[0]));
      const of: Record<string, number> = {};
      const list = ranked.map((members, id) => {
        for (const node of members) of[node] = id;
        return { id, members, internalTieCount: 0, density: 0 };
      });
      graph.forEachEdge((_edge, _attributes, source, target) => {
        if (of[source] === of[target]) list[of[source]].internalTieCount++;
      });
      for (const community of list) {
        const n = community.members.length;
        community.density = n < 2 ? 0 : community.internalTieCount / ((n * (n - 1)) / 2);
      }
      // Louvain's modularity is that of its final partition, which is ours renumbered.
      return { of, list, modularity: detailed?.modularity ?? null };
    });
  }

  /** Orders node ids by name key then id. */
  readonly byName = (a: string, b: string): number =>
    byText(this.graph.getNodeAttribute(a, "nameKey"), this.graph.getNodeAttribute(b, "nameKey")) || byText(a, b);

  /** Orders node ids by degree (most first), then name key and id. */
  readonly byDegreeThenName = (a: string, b: string): number => this.graph.degree(b) - this.graph.degree(a) || this.byName(a, b);

  /** Sum of the weights of a node's ties (shared alliances, counted per partner). */
  weightedDegree(node: string): number {
    let total = 0;
    this.graph.forEachEdge(node, (_edge, attributes) => (total += attributes.weight));
    return total;
  }
}

/** `k` distinct items drawn uniformly with `random` (a partial Fisher–Yates shuffle of a copy). */
function sample<T>(items: T[], k: number, random: () => number): T[] {
  const copy = items.slice();
  const n = Math.min(k, copy.length);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(random() * (copy.length - i));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy.slice(0, n);
}
