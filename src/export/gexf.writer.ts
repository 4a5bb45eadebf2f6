import { AttributeDeclaration, GraphEdge, GraphHeader, GraphNode, GraphWriter, SourceRow, textOf, JsonArrayItems } from "./graph-writer";
import { kindColour } from "./kind-palette";
import { xmlText } from "./xml-text";

/**
 * GEXF 1.3 for Gephi, written a node at a time: the one GEXF writer, for the server's exports
 * and the explorer's download (browser-safe: no Node import). Ours because graphology-gexf's
 * `write` builds the whole document in memory (so it cannot stream a 50k-actor export) and
 * writes GEXF 1.2 with a malformed viz namespace (`http:///www.gexf.net/1.1draft/viz`).
 *
 * - `label` is the element's label, an edge's `weight` its weight; the other declared
 *   attributes are <attvalue>s (lists typed `liststring`, written `["a","b"]`).
 * - With `header.interval`, the graph is dynamic (timeformat "date"): those two attributes
 *   become each element's `start` and `end` (an open end is left out), so Gephi's timeline plays it.
 * - viz: `color`, `size`, `x`, `y` (an edge's `size`: thickness) when the element carries them
 *   (the explorer's drawing); else the colour of its `kind` (kind-palette.ts) and a size from its
 *   `degree` (`sizeOfDegree`). viz elements are in the viz namespace, as the GEXF 1.3 RelaxNG
 *   grammar, Gephi and networkx have them (test/export/gexf-1.3/README.md on the XSD's slip).
 * - <meta><description> holds a JSON object: the graph's `title` and, with `header.sources`, the
 *   `sources` table (GEXF has no other place for graph-level data that tools read back).
 */
export class GexfWriter implements GraphWriter {
  private readonly nodeModel: AttributeDeclaration[];
  private readonly edgeModel: AttributeDeclaration[];
  private section: "meta" | "nodes" | "edges" = "meta";
  private readonly sourceItems = new JsonArrayItems(xmlText, "\n");

  constructor(private readonly header: GraphHeader) {
    const timed = header.interval ? [header.interval.start, header.interval.end] : [];
    this.nodeModel = header.nodeAttributes.filter((a) => !["label", ...NODE_VIZ, ...timed].includes(a.name));
    this.edgeModel = header.edgeAttributes.filter((a) => !["label", "weight", ...EDGE_VIZ, ...timed].includes(a.name));
  }

  start(): string {
    const sources = this.header.sources ? `,"sources":[` : "";
    return (
      `<?xml version="1.0" encoding="UTF-8"?>\n` +
      // No xsi:schemaLocation: optional, and the RelaxNG grammar does not allow it.
      `<gexf version="1.3" xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz">\n` +
      `  <meta>\n    <creator>Maillage</creator>\n` +
      `    <description>${xmlText(`{"title":${JSON.stringify(this.header.title)}${sources}`)}`
    );
  }

  sources(rows: SourceRow[]): string {
    return this.sourceItems.items(rows);
  }

  node({ id, attributes }: GraphNode): string {
    const open = this.section === "meta" ? `${this.graphStart()}    <nodes>\n` : "";
    this.section = "nodes";
    const viz = [colour(attributes), size(attributes.size, attributes.degree, "size"), position(attributes)];
    return `${open}      <node id="${xmlText(id)}"${labelOf(attributes)}${this.intervalOf(attributes)}${this.body("node", this.nodeModel, attributes, viz)}`;
  }

  edge({ id, source, target, attributes }: GraphEdge): string {
    const open = this.close("edges");
    this.section = "edges";
    const weight = typeof attributes.weight === "number" && Number.isFinite(attributes.weight) ? ` weight="${attributes.weight}"` : "";
    const viz = [colour(attributes), size(attributes.size, undefined, "thickness")];
    return `${open}      <edge id="${xmlText(id)}" source="${xmlText(source)}" target="${xmlText(target)}"${weight}${labelOf(attributes)}${this.intervalOf(attributes)}${this.body("edge", this.edgeModel, attributes, viz)}`;
  }

  end(): string {
    return `${this.close("end")}  </graph>\n</gexf>\n`;
  }

  /** The description's end, the graph element and the attribute model: what comes before the first node. */
  private graphStart(): string {
    const model = (forClass: string, declarations: AttributeDeclaration[]) =>
      declarations.length === 0
        ? ""
        : `    <attributes class="${forClass}">\n` +
          declarations.map((a) => `      <attribute id="${xmlText(a.name)}" title="${xmlText(a.name)}" type="${a.type}"/>\n`).join("") +
          `    </attributes>\n`;
    const dynamic = this.header.interval ? ` mode="dynamic" timeformat="date"` : ` mode="static"`;
    return (
      `${this.header.sources ? (this.sourceItems.written > 0 ? "\n]" : "]") : ""}}</description>\n  </meta>\n` +
      `  <graph defaultedgetype="${this.header.directed ? "directed" : "undirected"}"${dynamic}>\n` +
      model("node", this.nodeModel) +
      model("edge", this.edgeModel)
    );
  }

  /** Text closing what is open when the edges (or the end) come: the meta or the nodes, and the edges at the end. */
  private close(next: "edges" | "end"): string {
    let text = this.section === "meta" ? `${this.graphStart()}    <nodes/>\n` : this.section === "nodes" ? "    </nodes>\n" : "";
    if (next === "end") text += this.section === "edges" ? "    </edges>\n" : "    <edges/>\n";
    else if (this.section !== "edges") text += "    <edges>\n";
    return text;
  }

  /** ` start="…" end="…"` from the header's interval attributes; an inverted span (memberships that never overlapped) is left open, as Gephi refuses it. */
  private intervalOf(attributes: Record<string, unknown>): string {
    if (!this.header.interval) return "";
    const start = attributes[this.header.interval.start];
    const end = attributes[this.header.interval.end];
    if (typeof start === "string" && typeof end === "string" && start > end) return "";
    return (typeof start === "string" && start ? ` start="${xmlText(start)}"` : "") + (typeof end === "string" && end ? ` end="${xmlText(end)}"` : "");
  }

  /** The element's end: its <attvalues> (in declaration order), its viz elements and closing tag. */
  private body(tag: "node" | "edge", model: AttributeDeclaration[], attributes: Record<string, unknown>, viz: string[]): string {
    const values = model
      .filter((a) => !isEmpty(attributes[a.name]))
      .map((a) => `          <attvalue for="${xmlText(a.name)}" value="${xmlText(textOf(attributes[a.name]))}"/>\n`);
    const inner = (values.length === 0 ? "" : `        <attvalues>\n${values.join("")}        </attvalues>\n`) + viz.join("");
    return inner === "" ? "/>\n" : `>\n${inner}      </${tag}>\n`;
  }
}

/** Attributes that are drawing, not data: written as viz elements. */
const NODE_VIZ = ["color", "size", "x", "y"];
const EDGE_VIZ = ["color", "size"];

/**
 * A node's size from its degree when it carries none: 4 for an isolated node, +4 each time the
 * degree doubles (1 → 8, 3 → 12, 7 → 16…), so hubs stand out without dwarfing the rest.
 */
export const sizeOfDegree = (degree: number) => 4 + 4 * Math.log2(1 + Math.max(0, degree));

function colour(attributes: Record<string, unknown>): string {
  const given = typeof attributes.color === "string" ? rgbOf(attributes.color) : null;
  const rgb = given ?? (attributes.kind === undefined ? null : rgbOf(kindColour(attributes.kind)));
  return rgb ? `        <viz:color r="${rgb[0]}" g="${rgb[1]}" b="${rgb[2]}"/>\n` : "";
}

function size(given: unknown, degree: unknown, element: "size" | "thickness"): string {
  const value = isNumber(given) ? Math.max(0, given) : isNumber(degree) ? sizeOfDegree(degree) : null;
  return value === null ? "" : `        <viz:${element} value="${value}"/>\n`;
}

function position({ x, y }: Record<string, unknown>): string {
  return isNumber(x) && isNumber(y) ? `        <viz:position x="${x}" y="${y}"/>\n` : "";
}

/** "#rgb" or "#rrggbb" as [r, g, b]; anything else (an rgba() string) null. */
function rgbOf(colour: string): [number, number, number] | null {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(colour)?.[1];
  if (!hex) return null;
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join("") : hex;
  return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as [number, number, number];
}

const isNumber = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value);

const labelOf = (attributes: Record<string, unknown>) => (attributes.label ? ` label="${xmlText(textOf(attributes.label))}"` : "");

/** Left out, as graphology-gexf does: null, undefined, "" and NaN. */
const isEmpty = (value: unknown) => value === undefined || value === null || value === "" || Number.isNaN(value);
