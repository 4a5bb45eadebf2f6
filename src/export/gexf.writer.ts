import { AttributeDeclaration, GraphEdge, GraphHeader, GraphNode, GraphWriter, textOf } from "./graph-writer";
import { xmlText } from "./xml-text";

/**
 * GEXF 1.3 for Gephi, written a node at a time. Ours because graphology-gexf's `write`
 * builds the whole document in memory (and its own model of every element first), so it
 * cannot stream a 50k-actor export; this writer keeps nothing and takes the typed attribute
 * declarations up front (GraphHeader), from the export's model or from a graphology graph
 * (`writeGraph(graph, (h) => new GexfWriter(h))`), so one GEXF writer can serve both.
 *
 * The layout is graphology-gexf's (two-space indents, <attvalues> in declaration order,
 * empty values omitted): `label` becomes the node's (and edge's) label, an edge's `weight`
 * its weight, every other attribute a declared <attvalue>. No viz: Gephi lays the graph out.
 */
export class GexfWriter implements GraphWriter {
  private readonly nodeModel: AttributeDeclaration[];
  private readonly edgeModel: AttributeDeclaration[];
  private section: "start" | "nodes" | "edges" = "start";

  constructor(private readonly header: GraphHeader) {
    this.nodeModel = header.nodeAttributes.filter((a) => a.name !== "label");
    this.edgeModel = header.edgeAttributes.filter((a) => a.name !== "weight" && a.name !== "label");
  }

  start(): string {
    const model = (forClass: string, declarations: AttributeDeclaration[]) =>
      declarations.length === 0
        ? ""
        : `    <attributes class="${forClass}">\n` +
          declarations.map((a) => `      <attribute id="${xmlText(a.name)}" title="${xmlText(a.name)}" type="${a.type}"/>\n`).join("") +
          `    </attributes>\n`;
    return (
      `<?xml version="1.0" encoding="UTF-8"?>\n` +
      `<gexf version="1.3" xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd">\n` +
      `  <meta>\n    <title>${xmlText(this.header.title)}</title>\n  </meta>\n` +
      `  <graph defaultedgetype="${this.header.directed ? "directed" : "undirected"}">\n` +
      model("node", this.nodeModel) +
      model("edge", this.edgeModel)
    );
  }

  node({ id, attributes }: GraphNode): string {
    const open = this.section === "start" ? "    <nodes>\n" : "";
    this.section = "nodes";
    return `${open}      <node id="${xmlText(id)}"${labelOf(attributes)}${this.attvalues(this.nodeModel, attributes, "      ")}`;
  }

  edge({ id, source, target, attributes }: GraphEdge): string {
    const open = this.closeNodes() + (this.section === "edges" ? "" : "    <edges>\n");
    this.section = "edges";
    const weight = typeof attributes.weight === "number" && !Number.isNaN(attributes.weight) ? ` weight="${attributes.weight}"` : "";
    return `${open}      <edge id="${xmlText(id)}" source="${xmlText(source)}" target="${xmlText(target)}"${weight}${labelOf(attributes)}${this.attvalues(this.edgeModel, attributes, "      ")}`;
  }

  end(): string {
    const closing = this.section === "edges" ? "    </edges>\n" : `${this.closeNodes()}    <edges/>\n`;
    return `${closing}  </graph>\n</gexf>`;
  }

  /** Text closing the nodes section (or an empty one) when the first edge or the end comes. */
  private closeNodes(): string {
    if (this.section === "start") return "    <nodes/>\n";
    return this.section === "nodes" ? "    </nodes>\n" : "";
  }

  /** The element's end: its <attvalues> (in declaration order) and closing tag. */
  private attvalues(model: AttributeDeclaration[], attributes: Record<string, unknown>, indent: string): string {
    const tag = model === this.nodeModel ? "node" : "edge";
    if (model.length === 0) return "/>\n";
    const values = model
      .filter((a) => !isEmpty(attributes[a.name]))
      .map((a) => `${indent}    <attvalue for="${xmlText(a.name)}" value="${xmlText(textOf(attributes[a.name]))}"/>\n`);
    const inner = values.length === 0 ? `${indent}  <attvalues/>\n` : `${indent}  <attvalues>\n${values.join("")}${indent}  </attvalues>\n`;
    return `>\n${inner}${indent}</${tag}>\n`;
  }
}

const labelOf = (attributes: Record<string, unknown>) => (attributes.label ? ` label="${xmlText(textOf(attributes.label))}"` : "");

/** graphology-gexf leaves out null, undefined, "" and NaN. */
const isEmpty = (value: unknown) => value === undefined || value === null || value === "" || Number.isNaN(value);
