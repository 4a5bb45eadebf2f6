// From the API's network to a drawn graph: graphology graph, ForceAtlas2 layout, colours, sizes.
import Graph from "graphology";
import forceAtlas2 from "graphology-layout-forceatlas2";
import Sigma from "sigma";
import { kindColour } from "../src/export/kind-palette";
import type { Analytics, Network } from "./api";

export type ColorBy = "kind" | "community";
export type SizeBy = "degree" | "weightedDegree" | "betweenness" | "pageRank";

export interface DrawOptions {
  colorBy: ColorBy;
  sizeBy: SizeBy;
  /** Actor kinds shown; the others are left out of the graph (seeds too). */
  actorKinds: Set<string>;
  analytics: Analytics | null;
  /** Positions already drawn, by node id: kept as they are; only the other nodes are laid out. */
  positions?: Map<string, { x: number; y: number }>;
}

const ACTOR_KIND_LABELS: Record<string, string> = {
  ACADEMIC: "Académique",
  ASSOCIATION: "Association",
  COMPANY: "Entreprise",
  FOUNDATION: "Fondation",
  INTERMEDIARY: "Catalyseur, réseau",
  LOCAL_AUTHORITY: "Collectivité",
  MEDIA: "Média",
  PUBLIC_INSTITUTION: "Établissement public",
};

/** French labels and colours of the actor kinds (schema: enum ActorKind); the colours are the GEXF export's too. */
export const ACTOR_KINDS: Record<string, { label: string; color: string }> = Object.fromEntries(
  Object.entries(ACTOR_KIND_LABELS).map(([kind, label]) => [kind, { label, color: kindColour(kind) }]),
);

/** French labels of the alliance kinds (schema: enum AllianceKind). */
export const ALLIANCE_KINDS: Record<string, string> = {
  ECONOMIC_COOPERATION: "Coopération économique",
  PHILANTHROPY: "Mécénat",
  RESEARCH_PARTNERSHIP: "Recherche",
  RESPONSIBLE_PRACTICES: "Pratiques responsables",
  SOCIETAL_INNOVATION: "Innovation sociétale",
  TERRITORIAL_CO_CONSTRUCTION: "Co-construction territoriale",
};

const PALETTE = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"];
const OUT_OF_SCOPE = "#bbbbbb";
const LAYOUT_ITERATIONS = 300;

/** A legend entry: what a colour means. */
export interface LegendEntry {
  label: string;
  color: string;
}

/**
 * The graph to draw: the network's actors of the kinds shown, their co-construction edges,
 * positioned by ForceAtlas2 from the API's concentric rings (deterministic for the same data).
 * Nodes in `options.positions` stay where they are (fixed during the layout).
 */
export function buildGraph(network: Network, options: DrawOptions): { graph: Graph; legend: LegendEntry[] } {
  const graph = new Graph({ type: "undirected" });
  const positions = options.positions ?? new Map();
  for (const node of network.nodes) {
    if (!options.actorKinds.has(node.kind)) continue;
    const kept = positions.get(node.id);
    graph.addNode(node.id, {
      label: node.label,
      x: kept?.x ?? node.x,
      y: kept?.y ?? node.y,
      fixed: kept !== undefined,
      entityId: node.entityId,
      kind: node.kind,
      seed: node.seed,
      distance: node.distance,
      degree: node.degree,
      weightedDegree: node.weightedDegree,
      ...metrics(options.analytics, node.entityId),
    });
  }
  for (const edge of network.edges) {
    if (!graph.hasNode(edge.source) || !graph.hasNode(edge.target)) continue;
    graph.addEdge(edge.source, edge.target, { weight: edge.weight, alliances: edge.alliances ?? [], size: 1 + Math.log2(edge.weight) });
  }
  if (graph.order > 1 && graph.someNode((_, a) => !a.fixed)) {
    const settings = { ...forceAtlas2.inferSettings(graph), gravity: 1, adjustSizes: false };
    forceAtlas2.assign(graph, { iterations: LAYOUT_ITERATIONS, settings, getEdgeWeight: "weight" });
  }
  graph.forEachNode((node) => graph.removeNodeAttribute(node, "fixed")); // layout only: not an attribute to export
  const legend = paint(graph, options);
  scale(graph, options.sizeBy);
  return { graph, legend };
}

/**
 * `base` with the nodes and edges of `extra` it lacks (a node's neighbourhood, to expand the
 * drawing): base's nodes keep their order and flags, new ones are placed around `around`'s
 * position (laid out from there), and degrees are counted again within the merged graph.
 */
export function mergeNetworks(base: Network, extra: Network, around: { x: number; y: number }): Network {
  const known = new Set(base.nodes.map((n) => n.id));
  const added = extra.nodes.filter((n) => !known.has(n.id));
  const nodes = [
    ...base.nodes.map((n) => ({ ...n })),
    // On a small circle around the expanded node, so ForceAtlas2 starts them next to it.
    ...added.map((n, i) => ({ ...n, seed: false, x: around.x + Math.cos((2 * Math.PI * i) / added.length), y: around.y + Math.sin((2 * Math.PI * i) / added.length) })),
  ];
  const edgeIds = new Set(base.edges.map((e) => e.id));
  const edges = [...base.edges, ...extra.edges.filter((e) => !edgeIds.has(e.id))];
  const byId = new Map(nodes.map((n) => [n.id, n]));
  for (const n of nodes) n.degree = n.weightedDegree = 0;
  for (const e of edges) {
    for (const end of [e.source, e.target]) {
      const n = byId.get(end)!;
      n.degree += 1;
      n.weightedDegree += e.weight;
    }
  }
  // The union's size before the caps is not known: no total is claimed for it.
  return { nodes, edges, truncated: base.truncated || extra.truncated, totalNodeCount: null, totalEdgeCount: null };
}

/**
 * The sigma renderer on a container. Sizes are screen pixels (sigma 4 defaults to graph
 * units, which ForceAtlas2's scale makes arbitrary); labels for all but the smallest nodes,
 * written outwards (left of the nodes in the right half) and framed in: none is cut at an edge.
 */
export function draw(graph: Graph, container: HTMLElement): Sigma {
  const xs = graph.mapNodes((_, a) => a.x as number);
  const middle = (Math.min(...xs) + Math.max(...xs)) / 2;
  return new Sigma(graph, container, {
    settings: { itemSizesReference: "screen", labelRenderedSizeThreshold: 5, enableCameraRotation: false, autoRescaleContent: "labels" },
    nodeReducer: (_, data) => ({ ...data, labelPosition: data.x > middle ? "left" : "right" }),
  });
}

function metrics(analytics: Analytics | null, actorId: string) {
  const found = analytics?.get(actorId);
  return { community: found?.community ?? null, betweenness: found?.betweenness ?? 0, pageRank: found?.pageRank ?? 0 };
}

function paint(graph: Graph, options: DrawOptions): LegendEntry[] {
  if (options.colorBy === "community" && options.analytics) {
    // Community ids are 0 for the largest, then by size: the legend follows that order.
    const communities = [...new Set(graph.mapNodes((_, a) => a.community as number | null))]
      .filter((c): c is number => c != null)
      .sort((a, b) => a - b);
    const colorOf = (c: number | null) => (c == null ? OUT_OF_SCOPE : PALETTE[communities.indexOf(c) % PALETTE.length]);
    graph.forEachNode((node, a) => graph.setNodeAttribute(node, "color", colorOf(a.community)));
    const legend = communities.map((c) => ({ label: `Communauté ${c + 1}`, color: colorOf(c) }));
    if (graph.someNode((_, a) => a.community == null)) legend.push({ label: "Non calculée", color: OUT_OF_SCOPE });
    return legend;
  }
  graph.forEachNode((node, a) => graph.setNodeAttribute(node, "color", kindColour(a.kind)));
  const present = new Set(graph.mapNodes((_, a) => a.kind as string));
  return Object.entries(ACTOR_KINDS)
    .filter(([kind]) => present.has(kind))
    .map(([, { label, color }]) => ({ label, color }));
}

// Sizes from 4 to 20 px, by square root of the metric (area grows with it); seeds at least 8.
function scale(graph: Graph, sizeBy: SizeBy): void {
  const values = graph.mapNodes((_, a) => Number(a[sizeBy]) || 0);
  const max = Math.max(1e-9, ...values);
  graph.forEachNode((node, a) => {
    const size = 4 + 16 * Math.sqrt((Number(a[sizeBy]) || 0) / max);
    graph.setNodeAttribute(node, "size", a.seed ? Math.max(8, size) : size);
  });
}
