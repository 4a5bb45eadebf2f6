import { BibtexWriter, CitationWriter, CslJsonWriter } from "../citation/citation.writer";
import { CytoscapeWriter } from "./cytoscape.writer";
import { ExportGraph } from "./export.graph";
import { GexfWriter } from "./gexf.writer";
import { GraphHeader, GraphWriter, writeGraph } from "./graph-writer";
import { GraphmlWriter } from "./graphml.writer";

/** The export formats, as `/export/<format>` and `maillage export --format <format>` name them. */
export enum ExportFormat {
  JSON = "json",
  GEXF = "gexf",
  GRAPHML = "graphml",
  CYTOSCAPE = "cytoscape",
  CSL_JSON = "csl-json",
  BIBTEX = "bibtex",
}

/** Formats that write the sources behind the scope (a bibliography), not the graph. */
export type CitationFormat = ExportFormat.CSL_JSON | ExportFormat.BIBTEX;
export const isCitationFormat = (format: ExportFormat): format is CitationFormat =>
  format === ExportFormat.CSL_JSON || format === ExportFormat.BIBTEX;

/** Content type and file extension of each format. */
export const FORMAT_FILES: Record<ExportFormat, { contentType: string; extension: string }> = {
  [ExportFormat.JSON]: { contentType: "application/json; charset=utf-8", extension: "json" },
  [ExportFormat.GEXF]: { contentType: "application/gexf+xml; charset=utf-8", extension: "gexf" },
  [ExportFormat.GRAPHML]: { contentType: "application/graphml+xml; charset=utf-8", extension: "graphml" },
  [ExportFormat.CYTOSCAPE]: { contentType: "application/json; charset=utf-8", extension: "cytoscape.json" },
  [ExportFormat.CSL_JSON]: { contentType: "application/vnd.citationstyles.csl+json; charset=utf-8", extension: "csl.json" },
  [ExportFormat.BIBTEX]: { contentType: "application/x-bibtex; charset=utf-8", extension: "bib" },
};

/** The writer of each graph format: GEXF 1.3 (Gephi), GraphML (yEd, Gephi, Cytoscape desktop), Cytoscape.js elements. */
export function graphWriter(format: Exclude<ExportFormat, ExportFormat.JSON | CitationFormat>, header: GraphHeader): GraphWriter {
  if (format === ExportFormat.GEXF) return new GexfWriter(header);
  if (format === ExportFormat.GRAPHML) return new GraphmlWriter(header);
  return new CytoscapeWriter();
}

/** The writer of each citation format: CSL-JSON (Zotero, pandoc, citeproc), BibTeX (LaTeX). */
export const citationWriter = (format: CitationFormat): CitationWriter => (format === ExportFormat.BIBTEX ? new BibtexWriter() : new CslJsonWriter());

/** An in-memory export graph in each format, through the same writers as the streamed export. */
export const toGexf = (graph: ExportGraph) => writeGraph(graph, (header) => graphWriter(ExportFormat.GEXF, header));
export const toGraphml = (graph: ExportGraph) => writeGraph(graph, (header) => graphWriter(ExportFormat.GRAPHML, header));
export const toCytoscape = (graph: ExportGraph) => JSON.parse(writeGraph(graph, (header) => graphWriter(ExportFormat.CYTOSCAPE, header)));
