import Graph from "graphology";
import { Executor } from "../neo4j/executor";
import { actorNodeId, allianceNodeId } from "../network/network.graph";
import { ActorRow, ExportRepository, ExportRun, ScopeIds, ScopeMember } from "./export.repository";
import { ExportScope, GraphMode, scopeSlug } from "./export.scope";
import { AttributeDeclaration, GraphEdge, GraphHeader, GraphNode } from "./graph-writer";

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

/** A page of the graph: nodes (all of them come before any edge), or edges. */
export interface GraphPage {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

const S = "string" as const;
const I = "integer" as const;
const declared = (names: [string, AttributeDeclaration["type"]][]) => names.map(([name, type]) => ({ name, type }));

/** The attributes of each mode, in ExportNode / ExportEdge order, declared before any node is read. */
export function graphHeader(scope: ExportScope, mode: GraphMode): GraphHeader {
  const projected = mode === "projected";
  const alliance: [string, "string"][] = projected ? [] : [["status", S]];
  const dates: [string, "string"][] = projected ? [] : [["startDate", S], ["endDate", S]];
  return {
    title: `Maillage: ${scopeSlug(scope, mode)}`,
    directed: !projected,
    nodeAttributes: declared([
      ["label", S], ["type", S], ["entityId", S], ["kind", S], ...alliance, ["territoryId", S], ["territoryName", S], ...dates,
      ["degree", I], ["weightedDegree", I],
    ]),
    edgeAttributes: declared([
      ["type", S], ["weight", I], projected ? ["alliances", S] : ["role", S], ["startDate", S], ["endDate", S],
    ]),
  };
}

/**
 * The scope's actors and alliances, bipartite (actors then alliances, MEMBER_OF edges by
 * membership id) or projected (actors only, CO_CONSTRUCTS edges by pair), a page at a time,
 * in id order, so writing it twice gives the same text. One query for the scope, then one
 * per page; degrees and pairs come from the scope's memberships (ids and dates only), so
 * nothing but one page of nodes or edges is held.
 *
 * Usage: `for await (const page of graphPages(executor, scope, "projected")) write(page)`
 */
export async function* graphPages(executor: Executor, scope: ExportScope, mode: GraphMode, run: ExportRun = {}): AsyncGenerator<GraphPage> {
  const repository = new ExportRepository(executor, run);
  const ids = await repository.scopeIds(scope);
  const index = new MembershipIndex(ids);
  const projected = mode === "projected";
  for await (const actors of repository.actorPages(ids.actorIds)) {
    yield { nodes: actors.map((a) => actorNode(a, projected ? index.coConstruction(a.id) : index.memberships(a.id)) ), edges: [] };
  }
  if (projected) {
    yield* pairPages(ids, index, repository.pageSize);
    return;
  }
  for await (const alliances of repository.alliancePages(ids.allianceIds)) {
    yield {
      nodes: alliances.map((al) => ({
        id: allianceNodeId(al.id),
        attributes: defined({
          label: al.name, type: "Alliance", entityId: al.id, kind: al.kind, status: al.status,
          territoryId: joined(al.territoryIds), territoryName: joined(al.territoryNames),
          startDate: al.startDate, endDate: al.endDate, ...index.members(al.id),
        }),
      })),
      edges: [],
    };
  }
  run.progress?.("graph edges", ids.membershipIds.length);
  for await (const memberships of repository.membershipPages(ids.membershipIds)) {
    yield {
      nodes: [],
      edges: memberships.map((m) => ({
        id: `membership:${m.id}`, source: actorNodeId(m.actorId), target: allianceNodeId(m.allianceId),
        attributes: defined({ type: "MEMBER_OF", weight: 1, role: m.role, startDate: m.startDate, endDate: m.endDate }),
      })),
    };
  }
}

/**
 * The scope's graph in memory, as graphology holds it (tests; callers that lay a graph out):
 * the pages of `graphPages` added in order.
 */
export async function exportGraph(executor: Executor, scope: ExportScope, mode: GraphMode, run: ExportRun = {}): Promise<ExportGraph> {
  const graph: ExportGraph = new Graph({ type: mode === "projected" ? "undirected" : "directed", multi: false, allowSelfLoops: false });
  graph.setAttribute("title", graphHeader(scope, mode).title);
  for await (const page of graphPages(executor, scope, mode, run)) {
    for (const node of page.nodes) graph.addNode(node.id, node.attributes as unknown as ExportNode);
    for (const edge of page.edges) graph.addEdgeWithKey(edge.id, edge.source, edge.target, edge.attributes as unknown as ExportEdge);
  }
  return graph;
}

function actorNode(a: ActorRow, degrees: { degree: number; weightedDegree: number }): GraphNode {
  return {
    id: actorNodeId(a.id),
    attributes: defined({
      label: a.name, type: "Actor", entityId: a.id, kind: a.kind, territoryId: a.territoryId, territoryName: a.territoryName, ...degrees,
    }),
  };
}

/** A pair's shared alliance with the dates both were members: from the later start to the earlier end. */
interface Shared {
  allianceId: string;
  startDate: string | null;
  endDate: string | null;
}

/**
 * CO_CONSTRUCTS edges, a page at a time, in the order of their keys "actor:<a>|actor:<b>"
 * (a < b): actors in the order of "<a>|" (which is the keys' order even when one id starts
 * another), then each actor's partners in id order. Computed from the scope's memberships,
 * one actor at a time: no query, and no more than one actor's pairs held.
 */
function* pairPages(ids: ScopeIds, index: MembershipIndex, pageSize: number): Generator<GraphPage> {
  const firsts = ids.actorIds.map((id) => `${id}|`).sort().map((key) => key.slice(0, -1));
  let edges: GraphEdge[] = [];
  for (const a of firsts) {
    const partners = index.partners(a);
    for (const b of [...partners.keys()].filter((b) => a < b).sort()) {
      const shared = partners.get(b)!.sort((x, y) => (x.allianceId < y.allianceId ? -1 : 1));
      const starts = shared.map((s) => s.startDate);
      const ends = shared.map((s) => s.endDate);
      edges.push({
        id: `${actorNodeId(a)}|${actorNodeId(b)}`, source: actorNodeId(a), target: actorNodeId(b),
        attributes: defined({
          type: "CO_CONSTRUCTS",
          weight: shared.length,
          alliances: shared.map((s) => s.allianceId).join(";"),
          // An open start (or end) on any shared alliance leaves the span open on that side.
          startDate: starts.includes(null) ? null : starts.reduce((x, y) => earliest(x, y)),
          endDate: ends.includes(null) ? null : ends.reduce((x, y) => latest(x, y)),
        }),
      });
    }
    if (edges.length >= pageSize) {
      yield { nodes: [], edges };
      edges = [];
    }
  }
  if (edges.length > 0) yield { nodes: [], edges };
}

/** The scope's memberships by actor and by alliance: degrees and pairs without reading the graph again. */
class MembershipIndex {
  private readonly byActor = new Map<string, ScopeMember[]>();
  private readonly byAlliance = new Map<string, ScopeMember[]>();

  constructor(ids: ScopeIds) {
    for (const m of ids.members) {
      push(this.byActor, m.actorId, m);
      push(this.byAlliance, m.allianceId, m);
    }
  }

  /** Bipartite degrees of an actor: one edge, of weight 1, per membership. */
  memberships(actorId: string) {
    const count = this.byActor.get(actorId)?.length ?? 0;
    return { degree: count, weightedDegree: count };
  }

  /** Bipartite degrees of an alliance: one edge, of weight 1, per member. */
  members(allianceId: string) {
    const count = this.byAlliance.get(allianceId)?.length ?? 0;
    return { degree: count, weightedDegree: count };
  }

  /** Projected degrees: partners, and alliances shared with them summed. */
  coConstruction(actorId: string) {
    const partners = this.partners(actorId);
    let weighted = 0;
    for (const shared of partners.values()) weighted += shared.length;
    return { degree: partners.size, weightedDegree: weighted };
  }

  /** Every other actor sharing an alliance with this one, and what they share. */
  partners(actorId: string): Map<string, Shared[]> {
    const partners = new Map<string, Shared[]>();
    for (const m1 of this.byActor.get(actorId) ?? []) {
      for (const m2 of this.byAlliance.get(m1.allianceId) ?? []) {
        if (m2.actorId === actorId) continue;
        const shared = { allianceId: m1.allianceId, startDate: latest(m1.startDate, m2.startDate), endDate: earliest(m1.endDate, m2.endDate) };
        push(partners, m2.actorId, shared);
      }
    }
    return partners;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
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
function defined(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined));
}
