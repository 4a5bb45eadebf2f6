import Graph from "graphology";
import { Executor } from "../neo4j/executor";
import { actorNodeId, allianceNodeId } from "../network/network.graph";
import { ExportProgress, ExportRepository, GraphRows } from "./export.repository";
import { ExportScope, GraphMode, scopeSlug } from "./export.scope";

/**
 * Node attributes. `type` is "Actor" or "Alliance"; territory fields are an actor's base,
 * or the territories an alliance acts in joined by ";"; dates are an alliance's.
 */
export interface ExportNode {
  label: string;
  type: "Actor" | "Alliance";
  entityId: string;
  kind: string;
  status?: string;
  territoryId?: string;
  territoryName?: string;
  startDate?: string;
  endDate?: string;
  degree: number;
  weightedDegree: number;
}

/**
 * Edge attributes. MEMBER_OF (bipartite, actor → alliance): the membership's role and
 * dates, weight 1. CO_CONSTRUCTS (projected, undirected): weight = shared alliances, their
 * ids joined by ";", and the span of the two actors' overlapping memberships.
 */
export interface ExportEdge {
  type: "MEMBER_OF" | "CO_CONSTRUCTS";
  weight: number;
  role?: string;
  alliances?: string;
  startDate?: string;
  endDate?: string;
}

export type ExportGraph = Graph<ExportNode, ExportEdge>;

/**
 * The scope's actors and alliances as a graphology graph, bipartite (actors and alliances,
 * MEMBER_OF edges) or projected (actors only, CO_CONSTRUCTS edges). Four queries; the graph
 * is built in memory, in id order, so serialising it twice gives the same text.
 *
 * Usage: `const graph = await exportGraph(executor, scope, "projected")`
 */
export async function exportGraph(executor: Executor, scope: ExportScope, mode: GraphMode, progress?: ExportProgress): Promise<ExportGraph> {
  const repository = new ExportRepository(executor, progress);
  const rows = await repository.graphRows(await repository.scopeIds(scope));
  const graph = mode === "projected" ? projectedGraph(rows) : bipartiteGraph(rows);
  graph.setAttribute("title", `Maillage: ${scopeSlug(scope, mode)}`);
  for (const node of graph.nodes()) {
    const weighted = graph.reduceEdges(node, (sum, _edge, attributes) => sum + attributes.weight, 0);
    graph.mergeNodeAttributes(node, { degree: graph.degree(node), weightedDegree: weighted });
  }
  progress?.("graph edges", graph.size);
  return graph;
}

function actorNodes(graph: ExportGraph, rows: GraphRows): void {
  for (const a of rows.actors) {
    graph.addNode(actorNodeId(a.id), defined({
      label: a.name, type: "Actor" as const, entityId: a.id, kind: a.kind,
      territoryId: a.territoryId, territoryName: a.territoryName, degree: 0, weightedDegree: 0,
    }));
  }
}

function bipartiteGraph(rows: GraphRows): ExportGraph {
  const graph: ExportGraph = new Graph({ type: "directed", multi: false, allowSelfLoops: false });
  actorNodes(graph, rows);
  for (const al of rows.alliances) {
    graph.addNode(allianceNodeId(al.id), defined({
      label: al.name, type: "Alliance" as const, entityId: al.id, kind: al.kind, status: al.status,
      territoryId: joined(al.territoryIds), territoryName: joined(al.territoryNames),
      startDate: al.startDate, endDate: al.endDate, degree: 0, weightedDegree: 0,
    }));
  }
  for (const m of rows.memberships) {
    graph.addDirectedEdgeWithKey(`membership:${m.id}`, actorNodeId(m.actorId), allianceNodeId(m.allianceId), defined({
      type: "MEMBER_OF" as const, weight: 1, role: m.role, startDate: m.startDate, endDate: m.endDate,
    }));
  }
  return graph;
}

/** A pair's shared alliance with the dates both were members: from the later start to the earlier end. */
interface Shared {
  allianceId: string;
  startDate: string | null;
  endDate: string | null;
}

function projectedGraph(rows: GraphRows): ExportGraph {
  const graph: ExportGraph = new Graph({ type: "undirected", multi: false, allowSelfLoops: false });
  actorNodes(graph, rows);
  const byAlliance = new Map<string, GraphRows["memberships"]>();
  for (const m of rows.memberships) byAlliance.set(m.allianceId, [...(byAlliance.get(m.allianceId) ?? []), m]);
  const pairs = new Map<string, { a: string; b: string; shared: Shared[] }>();
  for (const members of byAlliance.values()) {
    for (const m1 of members) {
      for (const m2 of members) {
        if (m1.actorId >= m2.actorId) continue;
        const key = `${actorNodeId(m1.actorId)}|${actorNodeId(m2.actorId)}`;
        const pair = pairs.get(key) ?? { a: m1.actorId, b: m2.actorId, shared: [] };
        pair.shared.push({ allianceId: m1.allianceId, startDate: latest(m1.startDate, m2.startDate), endDate: earliest(m1.endDate, m2.endDate) });
        pairs.set(key, pair);
      }
    }
  }
  for (const key of [...pairs.keys()].sort()) {
    const { a, b, shared } = pairs.get(key)!;
    shared.sort((x, y) => (x.allianceId < y.allianceId ? -1 : 1));
    const starts = shared.map((s) => s.startDate);
    const ends = shared.map((s) => s.endDate);
    graph.addUndirectedEdgeWithKey(key, actorNodeId(a), actorNodeId(b), defined({
      type: "CO_CONSTRUCTS" as const,
      weight: shared.length,
      alliances: shared.map((s) => s.allianceId).join(";"),
      // An open start (or end) on any shared alliance leaves the span open on that side.
      startDate: starts.includes(null) ? null : starts.reduce((x, y) => earliest(x, y)),
      endDate: ends.includes(null) ? null : ends.reduce((x, y) => latest(x, y)),
    }));
  }
  return graph;
}

/** Of two ISO dates, the later; null (open) counts as unknown, so the other wins. */
function latest(x: string | null, y: string | null): string | null {
  if (x === null) return y;
  if (y === null) return x;
  return x > y ? x : y;
}

/** Of two ISO dates, the earlier; null (open) counts as unknown, so the other wins. */
function earliest(x: string | null, y: string | null): string | null {
  if (x === null) return y;
  if (y === null) return x;
  return x < y ? x : y;
}

const joined = (values: string[]) => (values.length > 0 ? values.join(";") : null);

/** Drops null and undefined attributes: GEXF, GraphML and Cytoscape then simply omit them. */
function defined<T extends object>(value: { [K in keyof T]: T[K] | null }): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined)) as T;
}
