import { GraphEdge, GraphHeader, GraphNode, GraphWriter, SourceRow, JsonArrayItems } from "./graph-writer";

/**
 * Cytoscape.js elements, `cytoscape({ elements: doc.elements })`, written a node at a time:
 * node data carries the node attributes plus `id`; edge data the edge attributes plus `id`,
 * `source`, `target` (lists, such as sourceIds, as JSON arrays). With a sources table, the
 * document starts with `"sources": [rows]`. One line of compact JSON, as JSON.stringify writes it.
 */
export class CytoscapeWriter implements GraphWriter {
  private nodes = -1;
  private edges = -1;
  private readonly sourceItems = new JsonArrayItems();

  constructor(private readonly header: Pick<GraphHeader, "sources">) {}

  start(): string {
    return this.header.sources ? `{"sources":[` : "{";
  }

  sources(rows: SourceRow[]): string {
    return this.sourceItems.items(rows);
  }

  node({ id, attributes }: GraphNode): string {
    return `${this.openNodes()}${this.nodes++ > 0 ? "," : ""}${JSON.stringify({ data: { id, ...attributes } })}`;
  }

  edge({ id, source, target, attributes }: GraphEdge): string {
    return `${this.openEdges()}${this.edges++ > 0 ? "," : ""}${JSON.stringify({ data: { id, source, target, ...attributes } })}`;
  }

  end(): string {
    return `${this.openEdges()}]}}\n`;
  }

  private openNodes(): string {
    if (this.nodes >= 0) return "";
    this.nodes = 0;
    return `${this.header.sources ? "]," : ""}"elements":{"nodes":[`;
  }

  private openEdges(): string {
    if (this.edges >= 0) return "";
    this.edges = 0;
    return `${this.openNodes()}],"edges":[`;
  }
}
