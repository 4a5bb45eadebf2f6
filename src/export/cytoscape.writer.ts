import { GraphEdge, GraphNode, GraphWriter } from "./graph-writer";

/**
 * Cytoscape.js elements, `cytoscape({ elements: doc.elements })`, written a node at a time:
 * node data carries the node attributes plus `id`; edge data the edge attributes plus `id`,
 * `source`, `target`. One line of compact JSON, as JSON.stringify writes it.
 */
export class CytoscapeWriter implements GraphWriter {
  private nodes = 0;
  private edges = -1;

  start(): string {
    return `{"elements":{"nodes":[`;
  }

  node({ id, attributes }: GraphNode): string {
    return `${this.nodes++ > 0 ? "," : ""}${JSON.stringify({ data: { id, ...attributes } })}`;
  }

  edge({ id, source, target, attributes }: GraphEdge): string {
    return `${this.openEdges()}${this.edges++ > 0 ? "," : ""}${JSON.stringify({ data: { id, source, target, ...attributes } })}`;
  }

  end(): string {
    return `${this.openEdges()}]}}\n`;
  }

  private openEdges(): string {
    if (this.edges >= 0) return "";
    this.edges = 0;
    return `],"edges":[`;
  }
}
