import { once } from "node:events";
import { createWriteStream, WriteStream } from "node:fs";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { Command, Option } from "commander";
import { csvTables } from "../export/csv.tables";
import { ExportFormat } from "../export/export.formats";
import { ExportProgress } from "../export/export.repository";
import { openExport, writeExport } from "../export/export.service";
import { ExportScope, GRAPH_MODES, GraphMode, parseExportOptions } from "../export/export.scope";
import { Executor } from "../neo4j/executor";
import { RecordedPoint } from "../history/view/recorded-point";
import { openRecordedView } from "../history/view/recorded-view";
import { FilePiece } from "../export/zip.writer";
import { CliError, withConnection } from "./run";
import { loadConfig } from "../config";

/** Exports with more scoped items than this report their stages on stderr. */
const BIG_EXPORT = 10_000;

interface ExportOptions {
  format: ExportFormat;
  out?: string;
  territory?: string;
  at?: string;
  from?: string;
  to?: string;
  allianceKinds?: string;
  actorKinds?: string;
  mode?: string;
  asRecordedOn?: string;
  release?: string;
  quiet?: boolean;
}

/** `maillage export`: registered by the CLI's main file. */
export function registerExport(program: Command): void {
  program
    .command("export")
    .description("Export the graph, or a scope of it, as a re-importable JSON document, GEXF (Gephi), GraphML, Cytoscape.js JSON, CSV tables or linked data (JSON-LD, Turtle); or the sources behind it as CSL-JSON or BibTeX")
    .addOption(new Option("--format <format>", "output format").choices(Object.values(ExportFormat)).default(ExportFormat.JSON))
    .option("--out <file>", "write to this file (default: stdout); csv: a name ending in .zip is a zip, any other a folder of nodes.csv, edges.csv, sources.csv")
    .option("--territory <ref>", "only alliances acting in this territory or inside it: an id (DEPARTEMENT:94, REGION:11, COMMUNE:94028) or a code only one level has (94028)")
    .option("--at <date>", "only alliances and memberships active on this date (YYYY-MM-DD)")
    .option("--from <date>", "only alliances and memberships active on or after this date")
    .option("--to <date>", "only alliances and memberships that started on or before this date")
    .option("--alliance-kinds <kinds>", "comma list of alliance kinds, e.g. PHILANTHROPY,RESEARCH_PARTNERSHIP")
    .option("--actor-kinds <kinds>", "comma list of actor kinds, e.g. ASSOCIATION,COMPANY")
    .addOption(new Option("--mode <mode>", "graph formats: actors and alliances, or actors only weighted by shared alliances").choices([...GRAPH_MODES]))
    .option("--as-recorded-on <instant>", "the graph as the database recorded it at this instant (ISO date-time, e.g. 2026-03-01T00:00:00Z)")
    .option("--release <name>", "the graph as recorded by this named release (maillage release)")
    .option("--quiet", "no progress on stderr")
    .addHelpText(
      "after",
      "\nExamples:\n" +
        "  maillage export --out maillage.json                          # everything, re-importable with `maillage import`\n" +
        "  maillage export --format gexf --territory DEPARTEMENT:94 --at 2021-06-01 --out val-de-marne.gexf\n" +
        "  maillage export --format cytoscape --mode projected --actor-kinds ACADEMIC,FOUNDATION\n" +
        "  maillage export --format csv --territory DEPARTEMENT:94 --out val-de-marne.zip   # or --out val-de-marne/ for a folder\n" +
        "  maillage export --format turtle --territory DEPARTEMENT:94 --out val-de-marne.ttl   # IRIs under MAILLAGE_LD_BASE\n" +
        "  maillage export --format bibtex --territory DEPARTEMENT:94 --out val-de-marne.bib  # the sources its facts cite\n" +
        "  maillage export --as-recorded-on 2026-03-01T00:00:00Z --out maillage-march.json   # the graph as recorded then",
    )
    .action(async (options: ExportOptions) => {
      await withConnection(async ({ executor: live }) => {
        const { scope, mode, point } = await parseExportOptions(live, options);
        // --as-recorded-on / --release: the graph as recorded then (src/history/view), its slot returned when done.
        const view = point ? await openRecordedView(live, point) : null;
        try {
          await exportTo(view?.executor ?? live, options, scope, mode, point);
        } finally {
          view?.release();
        }
      });
    });
}

/** Writes the export of `scope` read through `executor` (the live graph or a recorded view) where the options say. */
async function exportTo(executor: Executor, options: ExportOptions, scope: ExportScope, mode: GraphMode, point: RecordedPoint | null): Promise<void> {
  const progress = options.quiet ? undefined : stderrProgress();
  if (options.format === ExportFormat.CSV && options.out && !options.out.endsWith(".zip")) {
    const bytes = await writeFolder(csvTables(executor, scope, mode, { progress }), options.out);
    if (!options.quiet) process.stderr.write(`Wrote nodes.csv, edges.csv and sources.csv in ${options.out} (${bytes} bytes)\n`);
    return;
  }
  if (options.format === ExportFormat.CSV && !options.out && process.stdout.isTTY) {
    throw new CliError("--format csv writes a zip: give --out maillage.zip (or --out a folder), or redirect stdout to a file");
  }
  // Streamed a page at a time: the file (or stdout) is written as Neo4j is read.
  const file = await openExport(executor, options.format, scope, mode, { progress, ldBase: loadConfig().ldBase, recordedAs: point });
  if (options.out) {
    const out = createWriteStream(options.out);
    await writeExport(file, out);
    if (!options.quiet) process.stderr.write(`Wrote ${options.out} (${out.bytesWritten} bytes)\n`);
  } else {
    await writeExport(file, process.stdout, { end: false });
  }
}

/**
 * Writes each file of `pieces` into the folder `dir` (made when the first piece is read, so a
 * failed read leaves nothing), with backpressure; answers the bytes written.
 */
async function writeFolder(pieces: AsyncIterable<FilePiece>, dir: string): Promise<number> {
  let out: WriteStream | null = null;
  let bytes = 0;
  const close = async () => {
    if (!out) return;
    out.end();
    await once(out, "finish");
    bytes += out.bytesWritten;
  };
  for await (const { file, text } of pieces) {
    if (out?.path !== join(dir, file)) {
      await close();
      if (!out) await mkdir(dir, { recursive: true });
      out = createWriteStream(join(dir, file));
    }
    if (!out.write(text)) await once(out, "drain");
  }
  await close();
  return bytes;
}

/** Stage lines on stderr, once the export turns out big (small ones stay silent). */
export function stderrProgress(): ExportProgress {
  let big = false;
  return (stage, count) => {
    big ||= count >= BIG_EXPORT;
    if (big) process.stderr.write(`export: ${stage}: ${count}\n`);
  };
}
