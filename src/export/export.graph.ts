import Graph from "graphology";
import { Executor } from "../neo4j/executor";
import { toInputRow } from "../entity/input-row";
import { SPECS } from "../import/entities";
import { actorNodeId, allianceNodeId } from "../network/network.graph";
import { scopeSourcePages } from "./export.document";
import { ActorRow, ExportRepository, ExportRun, ScopeIds, ScopeMember } from "./export.repository";
import { ExportScope, GraphMode, scopeSlug } from "./export.scope";
import { AttributeDeclaration, GraphEdge, GraphHeader, GraphNode, SourceRow } from "./graph-writer";

/**
 * Node attributes. `type` is "Actor" or "Alliance"; territory fields are an actor's base,
 * or the territories an alliance acts in joined by ";". Dates are an alliance's own; an
 * actor's startDate is the earliest start of its memberships in scope (open if one is open),
 * when it joins the network's timeline. `sourceIds`: the sources the node cites, sorted.
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
  sourceIds: string[];
}

/**
 * Edge attributes. MEMBER_OF (bipartite, actor → alliance): the membership's role, dates
 * and sources, weight 1. CO_CONSTRUCTS (projected, undirected): weight = shared alliances,
 * their ids (sorted), the span of the two actors' overlapping memberships, and the sources
 * of the shared alliances and of the pair's memberships in them (sorted).
 */
export interface ExportEdge {
  type: "MEMBER_OF" | "CO_CONSTRUCTS";
  weight: number;
  role?: string;
  alliances?: string[];
  startDate?: string;
  endDate?: string;
  sourceIds: string[];
}

export type ExportGraph = Graph<ExportNode, ExportEdge>;

/**
 * A page of the graph: the sources table's rows (all of them come first, as the document's
 * sources section has them), nodes (all of them before any edge), or edges.
 */
export interface GraphPage {
  sources: SourceRow[];
  nodes: GraphNode[];
  edges: GraphEdge[];
}

const S = "string" as const;
const I = "integer" as const;
const L = "liststring" as const;
const declared = (names: [string, AttributeDeclaration["type"]][]) => names.map(([name, type]) => ({ name, type }));

/**
 * The attributes of each mode, in ExportNode / ExportEdge order, declared before any node is
 * read; every element is bounded in time by its startDate and endDate, and a sources table comes.
 */
export function graphHeader(scope: ExportScope, mode: GraphMode): GraphHeader {
  const projected = mode === "projected";
  const alliance: [string, "string"][] = projected ? [] : [["status", S]];
  return {
    title: `Maillage: ${scopeSlug(scope, mode)}`,
    directed: !projected,
    nodeAttributes: declared([
      ["label", S], ["type", S], ["entityId", S], ["kind", S], ...alliance, ["territoryId", S], ["territoryName", S],
      ["startDate", S], ["endDate", S], ["degree", I], ["weightedDegree", I], ["sourceIds", L],
    ]),
    edgeAttributes: declared([
      ["type", S], ["weight", I], projected ? ["alliances", L] : ["role", S], ["startDate", S], ["endDate", S], ["sourceIds", L],
    ]),
    interval: { start: "startDate", end: "endDate" },
    sources: true,
  };
}

/**
 * The scope's actors and alliances, bipartite (actors then alliances, MEMBER_OF edges by
 * membership id) or projected (actors only, CO_CONSTRUCTS edges by pair), a page at a time,
 * in id order, so writing it twice gives the same text. Before them, the sources table: the
 * sources the scope's actors, alliances and memberships cite (scopeSourcePages, as the JSON
 * document lists them; ids read first, a page of nodes per query). One query for the scope,
 * then one per page, each element's sourceIds read with it; degrees and pairs come from the
 * scope's memberships (ids and dates only), so nothing but one page of elements is held.
 *
 * Usage: `for await (const page of graphPages(executor, scope, "projected")) write(page)`
 */
export async function* graphPages(executor: Executor, scope: ExportScope, mode: GraphMode, run: ExportRun = {}): AsyncGenerator<GraphPage> {
  const repository = new ExportRepository(executor, run);
  const ids = await repository.scopeIds(scope);
  const index = new MembershipIndex(ids);
  const projected = mode === "projected";
  const cited = await repository.addCited(new Set(), { actors: ids.actorIds, alliances: ids.allianceIds, memberships: ids.membershipIds });
  for await (const rows of scopeSourcePages(repository, cited, scope)) {
    yield page({ sources: rows.map((row) => toInputRow(SPECS.sources.input, row)) });
  }
  for await (const actors of repository.actorPages(ids.actorIds)) {
    yield page({ nodes: actors.map((a) => actorNode(a, index.firstStart(a.id), projected ? index.coConstruction(a.id) : index.memberships(a.id))) });
  }
  if (projected) {
    yield* pairPages(ids, index, repository);
    return;
  }
  for await (const alliances of repository.alliancePages(ids.allianceIds)) {
    yield page({
      nodes: alliances.map((al) => ({
        id: allianceNodeId(al.id),
        attributes: defined({
          label: al.name, type: "Alliance", entityId: al.id, kind: al.kind, status: al.status,
          territoryId: joined(al.territoryIds), territoryName: joined(al.territoryNames),
          startDate: al.startDate, endDate: al.endDate, ...index.members(al.id), sourceIds: al.sourceIds,
        }),
      })),
    });
  }
  run.progress?.("graph edges", ids.membershipIds.length);
  for await (const memberships of repository.membershipPages(ids.membershipIds)) {
    yield page({
      edges: memberships.map((m) => ({
        id: `membership:${m.id}`, source: actorNodeId(m.actorId), target: allianceNodeId(m.allianceId),
        attributes: defined({ type: "MEMBER_OF", weight: 1, role: m.role, startDate: m.startDate, endDate: m.endDate, sourceIds: m.sourceIds }),
      })),
    });
  }
}

const page = (content: Partial<GraphPage>): GraphPage => ({ sources: [], nodes: [], edges: [], ...content });

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

function actorNode(a: ActorRow, startDate: string | null, degrees: { degree: number; weightedDegree: number }): GraphNode {
  return {
    id: actorNodeId(a.id),
    attributes: defined({
      label: a.name, type: "Actor", entityId: a.id, kind: a.kind, territoryId: a.territoryId, territoryName: a.territoryName,
      startDate, ...degrees, sourceIds: a.sourceIds,
    }),
  };
}

/** A pair's shared alliance with the dates both were members (from the later start to the earlier end) and their two memberships. */
interface Shared {
  allianceId: string;
  startDate: string | null;
  endDate: string | null;
  membershipIds: [string, string];
}

/**
 * CO_CONSTRUCTS edges, a page at a time, in the order of their keys "actor:<a>|actor:<b>"
 * (a < b): actors in the order of "<a>|" (which is the keys' order even when one id starts
 * another), then each actor's partners in id order. Computed from the scope's memberships,
 * one actor at a time, no more than a page of pairs held; a page's sources are read in one
 * query (the shared alliances' and memberships').
 */
async function* pairPages(ids: ScopeIds, index: MembershipIndex, repository: ExportRepository): AsyncGenerator<GraphPage> {
  const firsts = ids.actorIds.map((id) => `${id}|`).sort().map((key) => key.slice(0, -1));
  let pairs: { a: string; b: string; shared: Shared[] }[] = [];
  for (const a of firsts) {
    const partners = index.partners(a);
    for (const b of [...partners.keys()].filter((b) => a < b).sort()) {
      pairs.push({ a, b, shared: partners.get(b)!.sort((x, y) => (x.allianceId < y.allianceId ? -1 : 1)) });
    }
    if (pairs.length >= repository.pageSize) {
      yield await pairPage(pairs, repository);
      pairs = [];
    }
  }
  if (pairs.length > 0) yield await pairPage(pairs, repository);
}

/** CO_CONSTRUCTS edges of these pairs, with the sources of what each pair shares. */
async function pairPage(pairs: { a: string; b: string; shared: Shared[] }[], repository: ExportRepository): Promise<GraphPage> {
  const allShared = pairs.flatMap((p) => p.shared);
  const sources = await repository.sharedSources(
    [...new Set(allShared.map((s) => s.allianceId))],
    [...new Set(allShared.flatMap((s) => s.membershipIds))],
  );
  const edges = pairs.map(({ a, b, shared }): GraphEdge => {
    const starts = shared.map((s) => s.startDate);
    const ends = shared.map((s) => s.endDate);
    const sourceIds = new Set<string>();
    for (const s of shared) {
      for (const id of sources.alliances.get(s.allianceId) ?? []) sourceIds.add(id);
      for (const id of s.membershipIds.flatMap((m) => sources.memberships.get(m) ?? [])) sourceIds.add(id);
    }
    return {
      id: `${actorNodeId(a)}|${actorNodeId(b)}`, source: actorNodeId(a), target: actorNodeId(b),
      attributes: defined({
        type: "CO_CONSTRUCTS",
        weight: shared.length,
        alliances: shared.map((s) => s.allianceId),
        // An open start (or end) on any shared alliance leaves the span open on that side.
        startDate: starts.includes(null) ? null : starts.reduce((x, y) => earliest(x, y)),
        endDate: ends.includes(null) ? null : ends.reduce((x, y) => latest(x, y)),
        sourceIds: [...sourceIds].sort(),
      }),
    };
  });
  return page({ edges });
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

  /** An actor's first day in the network: the earliest start of its memberships; null (open) if one starts open, or it has none. */
  firstStart(actorId: string): string | null {
    const starts = (this.byActor.get(actorId) ?? []).map((m) => m.startDate);
    return starts.length === 0 || starts.includes(null) ? null : starts.reduce((x, y) => earliest(x, y));
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
        const shared: Shared = {
          allianceId: m1.allianceId, startDate: latest(m1.startDate, m2.startDate), endDate: earliest(m1.endDate, m2.endDate), membershipIds: [m1.id, m2.id],
        };
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
