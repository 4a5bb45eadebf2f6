import { Readable, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { Executor } from "../neo4j/executor";
import { SourceRow } from "../citation/csl";
import { citedSourcePages, DocumentWriter, documentPages } from "./export.document";
import { graphHeader, graphPages } from "./export.graph";
import { CitationFormat, citationWriter, ExportFormat, FORMAT_FILES, GraphFormat, graphWriter, isCitationFormat, isLinkedData, takesMode } from "./export.formats";
import { csvTables } from "./csv.tables";
import { zipFiles } from "./zip.writer";
import { linkedDataText } from "../linked-data/linked-data.export";
import { ExportRun } from "./export.repository";
import { ExportScope, GraphMode, scopeSlug } from "./export.scope";
import type { RecordedPoint } from "../history/view/recorded-point";

/** An export under way: its text (or, for a zip, its bytes) comes a page at a time. */
export interface ExportFile {
  /** The text or bytes, one chunk per page read; iterate it once. */
  chunks: AsyncIterable<string | Uint8Array>;
  contentType: string;
  /** `maillage-<scope>.<ext>`, e.g. `maillage-departement-94_at-2021-06-01.gexf`. */
  filename: string;
}

/**
 * Opens one export in any format: what GET /export/<format> and `maillage export` share.
 * JSON is the lossless graph document, JSON-LD and Turtle the same rows as linked data
 * (src/linked-data), CSL-JSON and BibTeX the sources behind the scope (mode applies to none of
 * these); CSV a zip of tables; the others the graph. The
 * scope is read and the first page written before this returns, so a bad scope or Neo4j
 * down throws here, before anything is sent; the rest is read as `chunks` is consumed.
 *
 * Usage:
 *   const file = await openExport(executor, ExportFormat.GEXF, scope, "bipartite");
 *   await writeExport(file, res);
 */
export async function openExport(
  executor: Executor,
  format: ExportFormat,
  scope: ExportScope,
  mode: GraphMode = "bipartite",
  run: ExportRun = {},
): Promise<ExportFile> {
  const { contentType, extension } = FORMAT_FILES[format];
  const filename = `maillage-${scopeSlug(scope, takesMode(format) ? mode : undefined)}${recordedSlug(run.recordedAs)}.${extension}`;
  const text =
    format === ExportFormat.JSON ? documentText(executor, scope, run)
    : isLinkedData(format) ? linkedDataText(executor, format, scope, run)
    : isCitationFormat(format) ? citationText(executor, format, scope, run)
    : format === ExportFormat.CSV ? zipFiles(csvTables(executor, scope, mode, run))
    : graphText(executor, format, scope, mode, run);
  const first = await text.next();
  async function* chunks(): AsyncGenerator<string | Uint8Array> {
    if (first.done) return;
    yield first.value;
    yield* text;
  }
  return { chunks: chunks(), contentType, filename };
}

/** The recorded state an export reflects, in its file name: `_release-2026-q4`, `_recorded-1234` (the seq); nothing for the current graph. */
function recordedSlug(point: RecordedPoint | null | undefined): string {
  if (!point) return "";
  return point.release ? `_release-${point.release.replace(/[^A-Za-z0-9_.-]+/g, "-")}` : `_recorded-${point.seq}`;
}

/**
 * Writes the export to a stream (an HTTP response, a file) with backpressure: pipeline
 * waits for 'drain' before asking for the next page, so memory holds about one page. If
 * the stream closes first (the client went away), the pages stop being read and this rejects.
 */
export async function writeExport(file: ExportFile, out: Writable, options: { end?: boolean } = {}): Promise<void> {
  await pipeline(Readable.from(file.chunks, { objectMode: false }), out, { end: options.end ?? true });
}

/** The export in memory, as bytes (tests, small scopes). */
export async function exportBytes(file: ExportFile): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of file.chunks) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/** The export in memory, as one string (tests, small scopes; not for a zip). */
export const exportText = async (file: ExportFile): Promise<string> => (await exportBytes(file)).toString("utf8");

async function* documentText(executor: Executor, scope: ExportScope, run: ExportRun): AsyncGenerator<string> {
  const writer = new DocumentWriter();
  let text = writer.start();
  for await (const page of documentPages(executor, scope, run)) {
    text += writer.page(page);
    yield text;
    text = "";
  }
  yield text + writer.end();
}

/** The sources behind the scope (the JSON document's sources section), a page at a time. */
async function* citationText(executor: Executor, format: CitationFormat, scope: ExportScope, run: ExportRun): AsyncGenerator<string> {
  const writer = citationWriter(format);
  let text = writer.start();
  for await (const rows of citedSourcePages(executor, scope, run)) {
    text += writer.page(rows as SourceRow[]);
    yield text;
    text = "";
  }
  yield text + writer.end();
}

async function* graphText(
  executor: Executor,
  format: GraphFormat,
  scope: ExportScope,
  mode: GraphMode,
  run: ExportRun,
): AsyncGenerator<string> {
  const writer = graphWriter(format, graphHeader(scope, mode));
  let text = writer.start();
  for await (const page of graphPages(executor, scope, mode, run)) {
    if (page.sources.length > 0) text += writer.sources(page.sources);
    for (const node of page.nodes) text += writer.node(node);
    for (const edge of page.edges) text += writer.edge(edge);
    yield text;
    text = "";
  }
  yield text + writer.end();
}
