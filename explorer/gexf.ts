// The drawing as GEXF, through the server's own writer (src/export/gexf.writer.ts): one GEXF
// writer, one attribute model. No DOM here, so a Node test builds the same file.
import type Graph from "graphology";
import { GexfWriter } from "../src/export/gexf.writer";
import { writeGraph } from "../src/export/graph-writer";

/**
 * The drawn graph as GEXF 1.3: what the server's projected export names `type` (Actor,
 * CO_CONSTRUCTS; sigma reserves `type` for its programs, so it is added here), the API's
 * attributes (entityId, kind, degree, weightedDegree, alliances…) and the explorer's (seed,
 * distance, community, betweenness, pageRank), with the drawing's colours, sizes and positions as viz.
 */
export function explorerGexf(graph: Graph, title: string): string {
  const exported = graph.copy();
  exported.updateEachNodeAttributes((_node, attributes) => ({ label: attributes.label, type: "Actor", ...attributes }));
  exported.updateEachEdgeAttributes((_edge, attributes) => ({ type: "CO_CONSTRUCTS", ...attributes }));
  exported.setAttribute("title", title);
  return writeGraph(exported, (header) => new GexfWriter(header));
}
