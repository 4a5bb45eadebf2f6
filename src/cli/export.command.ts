import { createWriteStream } from "node:fs";
import { Command, Option } from "commander";
import { ExportFormat } from "../export/export.formats";
import { ExportProgress } from "../export/export.repository";
import { openExport, writeExport } from "../export/export.service";
import { GRAPH_MODES, parseExportOptions } from "../export/export.scope";
import { withConnection } from "./run";

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
  quiet?: boolean;
}

/** `maillage export`: registered by the CLI's main file. */
export function registerExport(program: Command): void {
  program
    .command("export")
    .description("Export the graph, or a scope of it, as a re-importable JSON document, GEXF (Gephi), GraphML or Cytoscape.js JSON; or the sources behind it as CSL-JSON or BibTeX")
    .addOption(new Option("--format <format>", "output format").choices(Object.values(ExportFormat)).default(ExportFormat.JSON))
    .option("--out <file>", "write to this file (default: stdout)")
    .option("--territory <ref>", "only alliances acting in this territory or inside it: an id (DEPARTEMENT:94, REGION:11, COMMUNE:94028) or a code only one level has (94028)")
    .option("--at <date>", "only alliances and memberships active on this date (YYYY-MM-DD)")
    .option("--from <date>", "only alliances and memberships active on or after this date")
    .option("--to <date>", "only alliances and memberships that started on or before this date")
    .option("--alliance-kinds <kinds>", "comma list of alliance kinds, e.g. PHILANTHROPY,RESEARCH_PARTNERSHIP")
    .option("--actor-kinds <kinds>", "comma list of actor kinds, e.g. ASSOCIATION,COMPANY")
    .addOption(new Option("--mode <mode>", "graph formats: actors and alliances, or actors only weighted by shared alliances").choices([...GRAPH_MODES]))
    .option("--quiet", "no progress on stderr")
    .addHelpText(
      "after",
      "\nExamples:\n" +
        "  maillage export --out maillage.json                          # everything, re-importable with `maillage import`\n" +
        "  maillage export --format gexf --territory DEPARTEMENT:94 --at 2021-06-01 --out val-de-marne.gexf\n" +
        "  maillage export --format cytoscape --mode projected --actor-kinds ACADEMIC,FOUNDATION\n" +
        "  maillage export --format bibtex --territory DEPARTEMENT:94 --out val-de-marne.bib  # the sources its facts cite",
    )
    .action(async (options: ExportOptions) => {
      await withConnection(async ({ executor }) => {
        const { scope, mode } = await parseExportOptions(executor, options);
        // Streamed a page at a time: the file (or stdout) is written as Neo4j is read.
        const file = await openExport(executor, options.format, scope, mode, { progress: options.quiet ? undefined : stderrProgress() });
        if (options.out) {
          const out = createWriteStream(options.out);
          await writeExport(file, out);
          if (!options.quiet) process.stderr.write(`Wrote ${options.out} (${out.bytesWritten} bytes)\n`);
        } else {
          await writeExport(file, process.stdout, { end: false });
        }
      });
    });
}

/** Stage lines on stderr, once the export turns out big (small ones stay silent). */
function stderrProgress(): ExportProgress {
  let big = false;
  return (stage, count) => {
    big ||= count >= BIG_EXPORT;
    if (big) process.stderr.write(`export: ${stage}: ${count}\n`);
  };
}
