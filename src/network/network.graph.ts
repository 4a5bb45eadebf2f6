import { MembershipRole } from "../common/enums";
import { Network, NetworkEdge, NetworkMode, NetworkNode } from "./network.type";

/** What the network queries return (see network.cypher.ts). `layer` is the breadth-first step. */
export interface RawNode {
  id: string;
  label: string;
  kind: string;
  layer: number;
}

export interface RawLink {
  source: string;
  target: string;
  /** Shared alliance ids (projected), or only their number in `weight` when not asked for. */
  alliances?: string[];
  weight?: number;
  id?: string;
  role?: MembershipRole;
}

export interface RawNetwork {
  actors: RawNode[];
  alliances: RawNode[];
  links: RawLink[];
  /** Nodes reached after each breadth-first step (counts[0]: the seeds). */
  counts: number[];
}

export const actorNodeId = (id: string) => `actor:${id}`;
export const allianceNodeId = (id: string) => `alliance:${id}`;

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Turns the explored neighbourhood into the returned network: ranks nodes (seeds, then
 * distance, then degree in the neighbourhood, name, id), keeps the first `maxNodes`, keeps
 * the edges between kept nodes, and gives degrees within what is returned plus a layout.
 * The totals before the cap are known unless a step was skipped (see network.cypher.ts STEP).
 *
 * Usage: `assembleNetwork(rows[0], NetworkMode.PROJECTED, 500, 2)`
 */
export function assembleNetwork(raw: RawNetwork, mode: NetworkMode, maxNodes: number, depth: number): Network {
  const bipartite = mode === NetworkMode.BIPARTITE;
  // Bipartite distances count graph edges: an actor k co-construction hops away is 2k edges away.
  const candidates: NetworkNode[] = [
    ...raw.actors.map((n) => node(actorNodeId(n.id), n, "Actor", bipartite ? 2 * n.layer : n.layer)),
    ...raw.alliances.map((n) => node(allianceNodeId(n.id), n, "Alliance", 2 * n.layer - 1)),
  ];
  const allEdges: NetworkEdge[] = raw.links.map((link) =>
    bipartite
      ? { id: `membership:${link.id}`, source: actorNodeId(link.source), target: allianceNodeId(link.target), type: "MEMBER_OF", weight: 1, alliances: null, role: link.role ?? null }
      : {
          id: `${actorNodeId(link.source)}|${actorNodeId(link.target)}`,
          source: actorNodeId(link.source),
          target: actorNodeId(link.target),
          type: "CO_CONSTRUCTS",
          weight: link.alliances?.length ?? link.weight!,
          alliances: link.alliances ?? null,
          role: null,
        },
  );

  const rankDegree = countDegrees(allEdges);
  candidates.sort(
    (a, b) =>
      a.distance - b.distance ||
      (rankDegree.get(b.id)?.degree ?? 0) - (rankDegree.get(a.id)?.degree ?? 0) ||
      byText(a.label, b.label) ||
      byText(a.id, b.id),
  );
  const nodes = candidates.slice(0, maxNodes);
  const kept = new Set(nodes.map((n) => n.id));
  const edges = allEdges.filter((e) => kept.has(e.source) && kept.has(e.target)).sort((a, b) => byText(a.id, b.id));

  const degrees = countDegrees(edges);
  for (const n of nodes) {
    n.degree = degrees.get(n.id)?.degree ?? 0;
    n.weightedDegree = degrees.get(n.id)?.weighted ?? 0;
  }
  layOutInRings(nodes);
  // Step k runs only while the nodes after step k-2 are at most maxNodes: a skipped step leaves the totals unknown.
  const explored = raw.counts.every((count, k) => k + 2 > depth || count <= maxNodes);
  return {
    nodes,
    edges,
    truncated: candidates.length > maxNodes,
    nodeCount: nodes.length,
    edgeCount: edges.length,
    totalNodeCount: explored ? candidates.length : null,
    totalEdgeCount: explored ? allEdges.length : null,
  };
}

function node(id: string, raw: RawNode, type: "Actor" | "Alliance", distance: number): NetworkNode {
  return { id, entityId: raw.id, label: raw.label, type, kind: raw.kind, seed: type === "Actor" && raw.layer === 0, distance, degree: 0, weightedDegree: 0, x: 0, y: 0 };
}

/** Neighbours and summed weights per node id (no multi-edges, so edges = neighbours). */
function countDegrees(edges: NetworkEdge[]): Map<string, { degree: number; weighted: number }> {
  const degrees = new Map<string, { degree: number; weighted: number }>();
  for (const edge of edges) {
    for (const end of [edge.source, edge.target]) {
      const d = degrees.get(end) ?? { degree: 0, weighted: 0 };
      d.degree += 1;
      d.weighted += edge.weight;
      degrees.set(end, d);
    }
  }
  return degrees;
}

/** Ring `distance + 1`, nodes evenly spaced in rank order: deterministic, and sigma needs x/y to draw. */
function layOutInRings(nodes: NetworkNode[]): void {
  const rings = new Map<number, NetworkNode[]>();
  for (const n of nodes) {
    const ring = rings.get(n.distance);
    if (ring) ring.push(n);
    else rings.set(n.distance, [n]);
  }
  for (const [distance, ring] of rings) {
    ring.forEach((n, i) => {
      const angle = (2 * Math.PI * i) / ring.length;
      n.x = round((distance + 1) * Math.cos(angle));
      n.y = round((distance + 1) * Math.sin(angle));
    });
  }
}

const round = (value: number) => Math.round(value * 1e6) / 1e6;
