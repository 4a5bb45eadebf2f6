import { AttributeDeclaration, GraphEdge, GraphHeader, GraphNode, GraphWriter, SourceRow, textOf, JsonArrayItems } from "./graph-writer";
import { xmlText } from "./xml-text";

/** GraphML has no lists: a list is a string holding a JSON array (`["a","b"]`). */
const GRAPHML_TYPES: Record<AttributeDeclaration["type"], string> = { string: "string", integer: "int", double: "double", boolean: "boolean", liststring: "string" };

/**
 * GraphML, written a node at a time (graphology-graphml only parses). Every attribute is a
 * declared, typed <key> (GraphHeader), so yEd, Gephi, Cytoscape desktop and
 * graphology-graphml's `parse` read it back typed. Missing attributes are simply omitted
 * (GraphML has no null). The sources table is the graph's own `sources` data, a JSON array of
 * rows (networkx: `json.loads(G.graph["sources"])`). A graphology graph:
 * `writeGraph(graph, (h) => new GraphmlWriter(h))`.
 */
export class GraphmlWriter implements GraphWriter {
  private readonly nodeKeys: AttributeDeclaration[];
  private readonly edgeKeys: AttributeDeclaration[];
  private readonly sourceItems = new JsonArrayItems(xmlText, "\n");
  private inSources: boolean;

  constructor(private readonly header: GraphHeader) {
    this.nodeKeys = header.nodeAttributes;
    this.edgeKeys = header.edgeAttributes;
    this.inSources = header.sources === true;
  }

  start(): string {
    const keys = (kind: "node" | "edge", declarations: AttributeDeclaration[]) =>
      declarations.map((a) => `  <key id="${xmlText(keyId(kind, a))}" for="${kind}" attr.name="${xmlText(a.name)}" attr.type="${GRAPHML_TYPES[a.type]}"/>\n`).join("");
    return (
      `<?xml version="1.0" encoding="UTF-8"?>\n` +
      `<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n` +
      keys("node", this.nodeKeys) +
      keys("edge", this.edgeKeys) +
      (this.inSources ? `  <key id="${SOURCES_KEY}" for="graph" attr.name="sources" attr.type="string"/>\n` : "") +
      `  <graph id="${xmlText(this.header.title)}" edgedefault="${this.header.directed ? "directed" : "undirected"}">\n` +
      (this.inSources ? `    <data key="${SOURCES_KEY}">[` : "")
    );
  }

  sources(rows: SourceRow[]): string {
    return this.sourceItems.items(rows);
  }

  node({ id, attributes }: GraphNode): string {
    return `${this.closeSources()}    <node id="${xmlText(id)}">${dataOf("node", attributes, this.nodeKeys)}</node>\n`;
  }

  edge({ id, source, target, attributes }: GraphEdge): string {
    return `${this.closeSources()}    <edge id="${xmlText(id)}" source="${xmlText(source)}" target="${xmlText(target)}">${dataOf("edge", attributes, this.edgeKeys)}</edge>\n`;
  }

  end(): string {
    return `${this.closeSources()}  </graph>\n</graphml>\n`;
  }

  /** The sources data's end, before the first node (or edge, or the end). */
  private closeSources(): string {
    if (!this.inSources) return "";
    this.inSources = false;
    return `${this.sourceItems.written > 0 ? "\n" : ""}]</data>\n`;
  }
}

const SOURCES_KEY = "g_sources";

const keyId = (kind: "node" | "edge", a: AttributeDeclaration) => `${kind[0]}_${a.name}`;

function dataOf(kind: "node" | "edge", attributes: Record<string, unknown>, keys: AttributeDeclaration[]): string {
  let out = "";
  for (const key of keys) {
    const value = attributes[key.name];
    if (value === null || value === undefined) continue;
    out += `<data key="${xmlText(keyId(kind, key))}">${xmlText(textOf(value))}</data>`;
  }
  return out;
}
