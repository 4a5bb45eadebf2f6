import type Graph from "graphology";

export type Attributes = Record<string, unknown>;

/**
 * An attribute's type, as the XML formats declare it before any node (GEXF names, GraphML maps
 * them). `liststring` is a list of strings (e.g. sourceIds): GEXF 1.3 types it so, GraphML,
 * which has no lists, carries it as a JSON array in a string, Cytoscape as a JSON array.
 */
export type AttributeType = "string" | "integer" | "double" | "boolean" | "liststring";

export interface AttributeDeclaration {
  name: string;
  type: AttributeType;
}

/**
 * What a graph writer must know before the first node: the XML formats declare every
 * attribute, typed, ahead of the elements, so a streamed graph declares them from its
 * model (export.elements.ts) and an in-memory graph from its values (`headerOf`).
 * Node attributes include `label`, edge attributes `weight`: each format places them.
 */
export interface GraphHeader {
  title: string;
  directed: boolean;
  nodeAttributes: AttributeDeclaration[];
  edgeAttributes: AttributeDeclaration[];
  /** The date attributes that bound each element in time (GEXF: a dynamic graph); absent: a static graph. */
  interval?: { start: string; end: string };
  /** Whether a sources table comes (`sources()` pages, between `start()` and the first node). */
  sources?: boolean;
}

export interface GraphNode {
  id: string;
  attributes: Attributes;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  attributes: Attributes;
}

/** A row of the sources table: a source as the JSON document has it (toInputRow of SourceInput). */
export type SourceRow = Record<string, unknown>;

/**
 * Writes one graph as text, a piece at a time: `start()`, the sources table's pages (when the
 * header announces one), every node, every edge, `end()`, each call returning the text to
 * append. Nothing of the graph is kept, so a graph read page by page is written in constant memory.
 */
export interface GraphWriter {
  start(): string;
  sources(rows: SourceRow[]): string;
  node(node: GraphNode): string;
  edge(edge: GraphEdge): string;
  end(): string;
}

/**
 * An in-memory graphology graph through the same writers (tests; the explorer's graphs):
 * attributes declared in first-seen order with the widest type their values need.
 *
 * Usage: `const xml = writeGraph(graph, (header) => new GexfWriter(header))`
 */
export function writeGraph(graph: Graph, writerOf: (header: GraphHeader) => GraphWriter, header: GraphHeader = headerOf(graph)): string {
  const writer = writerOf(header);
  const parts = [writer.start()];
  graph.forEachNode((id, attributes) => parts.push(writer.node({ id, attributes })));
  graph.forEachEdge((id, attributes, source, target) => parts.push(writer.edge({ id, source, target, attributes })));
  parts.push(writer.end());
  return parts.join("");
}

export function headerOf(graph: Graph): GraphHeader {
  return {
    title: String(graph.getAttribute("title") ?? "maillage"),
    directed: graph.type !== "undirected",
    nodeAttributes: declare(graph.mapNodes((_node, attributes) => attributes)),
    edgeAttributes: declare(graph.mapEdges((_edge, attributes) => attributes)),
  };
}

function declare(elements: Attributes[]): AttributeDeclaration[] {
  const types = new Map<string, AttributeType>();
  for (const attributes of elements) {
    for (const [name, value] of Object.entries(attributes)) {
      if (value === null || value === undefined) continue;
      const type = typeOf(value);
      const known = types.get(name);
      types.set(name, !known || known === type ? type : known === "integer" && type === "double" ? "double" : "string");
    }
  }
  return [...types].map(([name, type]) => ({ name, type }));
}

function typeOf(value: unknown): AttributeType {
  if (Array.isArray(value)) return "liststring";
  if (typeof value === "boolean") return "boolean";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "double";
  return "string";
}

/**
 * An attribute value as text: lists and objects as JSON. A JSON array of strings is also a GEXF
 * 1.3 list (`["a","b"]`: brackets, commas, double-quoted items), so one text serves every format.
 */
export function textOf(value: unknown): string {
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

/**
 * The items of a JSON array written a page at a time (the sources table of the graph formats):
 * a comma between items, each after `separator` and through `escape` (xmlText inside XML).
 */
export class JsonArrayItems {
  private count = 0;

  constructor(private readonly escape: (text: string) => string = (text) => text, private readonly separator = "") {}

  items(rows: object[]): string {
    return rows.map((row) => `${this.count++ > 0 ? "," : ""}${this.separator}${this.escape(JSON.stringify(row))}`).join("");
  }

  /** Items written so far. */
  get written(): number {
    return this.count;
  }
}
