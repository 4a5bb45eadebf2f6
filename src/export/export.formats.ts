import { CytoscapeWriter } from "./cytoscape.writer";
import { GexfWriter } from "./gexf.writer";
import { GraphHeader, GraphWriter } from "./graph-writer";
import { GraphmlWriter } from "./graphml.writer";

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

/** The writer of each graph format: GEXF 1.3 (Gephi), GraphML (yEd, Gephi, Cytoscape desktop), Cytoscape.js elements. */
export function graphWriter(format: Exclude<ExportFormat, ExportFormat.JSON>, header: GraphHeader): GraphWriter {
  if (format === ExportFormat.GEXF) return new GexfWriter(header);
  if (format === ExportFormat.GRAPHML) return new GraphmlWriter(header);
  return new CytoscapeWriter(header);
}
