import { write as writeGexfXml } from "graphology-gexf";
import { ExportGraph } from "./export.graph";
import { writeGraphml } from "./graphml.writer";

/** The export formats, as `/export/<format>` and `maillage export --format <format>` name them. */
export enum ExportFormat {
  JSON = "json",
  GEXF = "gexf",
  GRAPHML = "graphml",
  CYTOSCAPE = "cytoscape",
}

/** Content type and file extension of each format. */
export const FORMAT_FILES: Record<ExportFormat, { contentType: string; extension: string }> = {
  [ExportFormat.JSON]: { contentType: "application/json; charset=utf-8", extension: "json" },
  [ExportFormat.GEXF]: { contentType: "application/gexf+xml; charset=utf-8", extension: "gexf" },
  [ExportFormat.GRAPHML]: { contentType: "application/graphml+xml; charset=utf-8", extension: "graphml" },
  [ExportFormat.CYTOSCAPE]: { contentType: "application/json; charset=utf-8", extension: "cytoscape.json" },
};

/**
 * GEXF 1.3 for Gephi: `label` is the node's (and edge's) label, `weight` the edge weight,
 * every other attribute a declared, typed <attvalue> (no viz: Gephi lays the graph out).
 */
export function toGexf(graph: ExportGraph): string {
  return writeGexfXml(graph, {
    version: "1.3",
    formatNode: (_key, { label, ...attributes }) => ({ label, attributes }),
    formatEdge: (_key, { weight, ...attributes }) => ({ weight, attributes }),
  });
}

/** GraphML with typed <key> declarations for every attribute (yEd, Gephi, Cytoscape desktop). */
export function toGraphml(graph: ExportGraph): string {
  return writeGraphml(graph);
}

/**
 * Cytoscape.js elements: `cytoscape({ elements: doc.elements })`. Node data carries the
 * node attributes plus `id`; edge data the edge attributes plus `id`, `source`, `target`.
 */
export function toCytoscape(graph: ExportGraph) {
  return {
    elements: {
      nodes: graph.mapNodes((id, attributes) => ({ data: { id, ...attributes } })),
      edges: graph.mapEdges((id, attributes, source, target) => ({ data: { id, source, target, ...attributes } })),
    },
  };
}
