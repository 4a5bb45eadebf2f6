import { Executor } from "../neo4j/executor";
import { exportDocument } from "./export.document";
import { exportGraph } from "./export.graph";
import { ExportFormat, FORMAT_FILES, toCytoscape, toGexf, toGraphml } from "./export.formats";
import { ExportProgress } from "./export.repository";
import { ExportScope, GraphMode, scopeSlug } from "./export.scope";

/** An export ready to send or save. */
export interface ExportFile {
  body: string;
  contentType: string;
  /** `maillage-<scope>.<ext>`, e.g. `maillage-departement-94_at-2021-06-01.gexf`. */
  filename: string;
}

/**
 * Runs one export in any format: what GET /export/<format> and `maillage export` share.
 * JSON is the lossless graph document (mode does not apply); the others the graph.
 *
 * Usage: `const { body, contentType, filename } = await runExport(executor, ExportFormat.GEXF, scope, "bipartite")`
 */
export async function runExport(
  executor: Executor,
  format: ExportFormat,
  scope: ExportScope,
  mode: GraphMode = "bipartite",
  progress?: ExportProgress,
): Promise<ExportFile> {
  const { contentType, extension } = FORMAT_FILES[format];
  const filename = `maillage-${scopeSlug(scope, format === ExportFormat.JSON ? undefined : mode)}.${extension}`;
  if (format === ExportFormat.JSON) {
    const document = await exportDocument(executor, scope, progress);
    return { body: `${JSON.stringify(document, null, 2)}\n`, contentType, filename };
  }
  const graph = await exportGraph(executor, scope, mode, progress);
  progress?.(`writing ${format}`, graph.order + graph.size);
  const body =
    format === ExportFormat.GEXF ? toGexf(graph) : format === ExportFormat.GRAPHML ? toGraphml(graph) : `${JSON.stringify(toCytoscape(graph))}\n`;
  return { body, contentType, filename };
}
