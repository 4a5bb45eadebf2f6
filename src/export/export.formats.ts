import { BibtexWriter, CitationWriter, CslJsonWriter } from "../citation/citation.writer";
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
  CSV = "csv",
  JSONLD = "jsonld",
  TURTLE = "turtle",
  CSL_JSON = "csl-json",
  BIBTEX = "bibtex",
}

/** The formats written by a GraphWriter. */
export type GraphFormat = ExportFormat.GEXF | ExportFormat.GRAPHML | ExportFormat.CYTOSCAPE;

/** The linked-data formats (src/linked-data): the graph document's rows as RDF. */
export const LINKED_DATA_FORMATS = [ExportFormat.JSONLD, ExportFormat.TURTLE] as const;
export type LinkedDataExportFormat = (typeof LINKED_DATA_FORMATS)[number];
export const isLinkedData = (format: ExportFormat): format is LinkedDataExportFormat => (LINKED_DATA_FORMATS as readonly ExportFormat[]).includes(format);

/** Formats that write the sources behind the scope (a bibliography), not the graph. */
export type CitationFormat = ExportFormat.CSL_JSON | ExportFormat.BIBTEX;
export const isCitationFormat = (format: ExportFormat): format is CitationFormat =>
  format === ExportFormat.CSL_JSON || format === ExportFormat.BIBTEX;

/** Formats a graph mode (bipartite, projected) applies to: the graph formats and the CSV tables. */
export const takesMode = (format: ExportFormat): boolean => format === ExportFormat.CSV || GRAPH_FORMATS.includes(format);
const GRAPH_FORMATS: readonly ExportFormat[] = [ExportFormat.GEXF, ExportFormat.GRAPHML, ExportFormat.CYTOSCAPE];

/** Content type and file extension of each format. */
export const FORMAT_FILES: Record<ExportFormat, { contentType: string; extension: string }> = {
  [ExportFormat.JSON]: { contentType: "application/json; charset=utf-8", extension: "json" },
  [ExportFormat.GEXF]: { contentType: "application/gexf+xml; charset=utf-8", extension: "gexf" },
  [ExportFormat.GRAPHML]: { contentType: "application/graphml+xml; charset=utf-8", extension: "graphml" },
  [ExportFormat.CYTOSCAPE]: { contentType: "application/json; charset=utf-8", extension: "cytoscape.json" },
  // A zip of nodes.csv, edges.csv and sources.csv (csv.tables.ts).
  [ExportFormat.CSV]: { contentType: "application/zip", extension: "csv.zip" },
  [ExportFormat.JSONLD]: { contentType: "application/ld+json; charset=utf-8", extension: "jsonld" },
  [ExportFormat.TURTLE]: { contentType: "text/turtle; charset=utf-8", extension: "ttl" },
  [ExportFormat.CSL_JSON]: { contentType: "application/vnd.citationstyles.csl+json; charset=utf-8", extension: "csl.json" },
  [ExportFormat.BIBTEX]: { contentType: "application/x-bibtex; charset=utf-8", extension: "bib" },
};

/** The writer of each graph format: GEXF 1.3 (Gephi), GraphML (yEd, Gephi, Cytoscape desktop), Cytoscape.js elements. */
export function graphWriter(format: GraphFormat, header: GraphHeader): GraphWriter {
  if (format === ExportFormat.GEXF) return new GexfWriter(header);
  if (format === ExportFormat.GRAPHML) return new GraphmlWriter(header);
  return new CytoscapeWriter(header);
}

/** The writer of each citation format: CSL-JSON (Zotero, pandoc, citeproc), BibTeX (LaTeX). */
export const citationWriter = (format: CitationFormat): CitationWriter => (format === ExportFormat.BIBTEX ? new BibtexWriter() : new CslJsonWriter());
