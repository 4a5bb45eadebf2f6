import { Network } from "./network.type";

/**
 * Client formats that GraphQL's flat lists cannot express (they nest). vis-network needs
 * none: `nodes { id label } edges { id from: source to: target value: weight }`.
 */

/**
 * graphology's serialised graph, for `graph.import(...)` then sigma.js. Attributes are the
 * node's and edge's fields, except `type`, which sigma reads as its render program name:
 * it becomes `nodeType` / `edgeType`.
 */
export function toGraphology(network: Network) {
  return {
    options: { type: "undirected", multi: false, allowSelfLoops: false },
    attributes: { truncated: network.truncated },
    nodes: network.nodes.map(({ id, type, ...attributes }) => ({ key: id, attributes: { ...attributes, nodeType: type } })),
    edges: network.edges.map(({ id, source, target, type, ...attributes }) => ({
      key: id,
      source,
      target,
      attributes: { ...withoutNulls(attributes), edgeType: type },
    })),
  };
}

/**
 * Cytoscape.js `elements`: `cytoscape({ elements: network.cytoscape, layout: { name: "preset" } })`;
 * ids are unique across nodes and edges. Positions are in pixels (rings 100 px apart).
 */
export function toCytoscape(network: Network) {
  return {
    nodes: network.nodes.map(({ x, y, ...data }) => ({ data, position: { x: x * 100, y: y * 100 } })),
    edges: network.edges.map((edge) => ({ data: withoutNulls(edge) })),
  };
}

function withoutNulls<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v != null)) as Partial<T>;
}
