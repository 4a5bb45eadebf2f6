import Graph from "graphology";

type Attributes = Record<string, unknown>;

/**
 * GraphML for any graphology graph (graphology-graphml only parses). Every attribute
 * becomes a declared <key> typed from its values (int, double, boolean, else string), so
 * yEd, Gephi, Cytoscape desktop and graphology-graphml's `parse` read it back typed.
 * Missing attributes are simply omitted (GraphML has no null).
 *
 * Usage: `const xml = writeGraphml(graph)`
 */
export function writeGraphml(graph: Graph): string {
  const nodeKeys = declareKeys("node", graph.mapNodes((_node, attributes) => attributes));
  const edgeKeys = declareKeys("edge", graph.mapEdges((_edge, attributes) => attributes));
  const lines: string[] = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">`,
  ];
  for (const key of [...nodeKeys.values(), ...edgeKeys.values()]) {
    lines.push(`  <key id="${escape(key.id)}" for="${key.for}" attr.name="${escape(key.name)}" attr.type="${key.type}"/>`);
  }
  const edgeDefault = graph.type === "directed" ? "directed" : "undirected";
  lines.push(`  <graph id="${escape(String(graph.getAttribute("title") ?? "maillage"))}" edgedefault="${edgeDefault}">`);
  graph.forEachNode((node, attributes) => {
    lines.push(`    <node id="${escape(node)}">${dataOf(attributes, nodeKeys)}</node>`);
  });
  graph.forEachEdge((edge, attributes, source, target) => {
    lines.push(`    <edge id="${escape(edge)}" source="${escape(source)}" target="${escape(target)}">${dataOf(attributes, edgeKeys)}</edge>`);
  });
  lines.push("  </graph>", "</graphml>", "");
  return lines.join("\n");
}

interface KeyDeclaration {
  id: string;
  for: "node" | "edge";
  name: string;
  type: "boolean" | "int" | "double" | "string";
}

/** One key per attribute name, in first-seen order; the widest type any value needs. */
function declareKeys(kind: "node" | "edge", elements: Attributes[]): Map<string, KeyDeclaration> {
  const keys = new Map<string, KeyDeclaration>();
  for (const attributes of elements) {
    for (const [name, value] of Object.entries(attributes)) {
      if (value === null || value === undefined) continue;
      const type = typeOf(value);
      const key = keys.get(name);
      if (!key) keys.set(name, { id: `${kind[0]}_${name}`, for: kind, name, type });
      else if (key.type !== type) key.type = key.type === "int" && type === "double" ? "double" : "string";
    }
  }
  return keys;
}

function typeOf(value: unknown): KeyDeclaration["type"] {
  if (typeof value === "boolean") return "boolean";
  if (typeof value === "number") return Number.isInteger(value) ? "int" : "double";
  return "string";
}

function dataOf(attributes: Attributes, keys: Map<string, KeyDeclaration>): string {
  let out = "";
  for (const [name, key] of keys) {
    const value = attributes[name];
    if (value === null || value === undefined) continue;
    out += `<data key="${escape(key.id)}">${escape(typeof value === "object" ? JSON.stringify(value) : String(value))}</data>`;
  }
  return out;
}

/** XML text and attribute escaping; control characters XML 1.0 forbids are dropped. */
function escape(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}
