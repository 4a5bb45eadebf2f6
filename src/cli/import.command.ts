import { Command, InvalidArgumentError, Option } from "commander";
import { ENTITIES, Entity } from "../import/entities";
import { DEFAULT_BATCH_SIZE, importFiles, ImportResult } from "../import/importer";
import { defaultReportPath, writeReport } from "../import/report";
import { describeRejection } from "../import/rows";
import { DELIMITERS, describeDialect } from "../import/csv-dialect";
import { describeNormalisation } from "../import/read-csv";
import { createProgress } from "./progress";
import { EXIT, withConnection } from "./run";

/** Rejections shown on screen; the report file has them all. */
const SHOWN = 20;

export const positiveInteger = (name: string) => (raw: string) => {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new InvalidArgumentError(`${name} must be a positive integer`);
  return value;
};

/** `maillage import <file...>`: validates and upserts JSON documents and CSV files. */
export function registerImport(program: Command): void {
  program
    .command("import")
    .description("Import a JSON document or CSV files (actors.csv, alliances.csv, memberships.csv, outcomes.csv, sources.csv, maturity.csv)")
    .argument("<file...>", "JSON import documents (schema/import.schema.json) and/or one CSV file per entity")
    .addOption(new Option("--entity <entity>", "entity of the CSV files, when their names do not say").choices([...ENTITIES]))
    .option("--delimiter <separator>", 'column separator of the CSV files: "," ";" or tab (default: found on each header line)', delimiterOption)
    .option("--source <id>", "source cited by rows that give no sourceIds")
    .option("--batch-size <n>", "rows per transaction", positiveInteger("--batch-size"), DEFAULT_BATCH_SIZE)
    .option("--report <path>", "where to write the report (default <first input>.report.json)")
    .option("--quiet", "no progress output")
    .addHelpText(
      "after",
      "\nRows are upserted by id (memberships by allianceId/actorId): importing a file twice changes nothing.\n" +
        "CSV: the separator (comma, semicolon or tab) is found on the header line; list cells hold values separated by \";\"\n" +
        "(quoted in a semicolon-separated file: \"src-a;src-b\"); decimal commas (12,5), SIRENs in groups (552 032 534) and\n" +
        "dd/mm/yyyy dates are read as 12.5, 552032534 and YYYY-MM-DD, and the report counts them per column.\n" +
        "Exit code: 0 every row imported, 2 some rows rejected (see the report), 1 fatal error.",
    )
    .action(async (files: string[], options: { entity?: Entity; delimiter?: string; source?: string; batchSize: number; report?: string; quiet?: boolean }) => {
      const progress = createProgress("import", { quiet: options.quiet });
      const result = await withConnection((connection) =>
        importFiles(connection.executor, files, {
          entity: options.entity,
          delimiter: options.delimiter,
          defaultSourceId: options.source,
          batchSize: options.batchSize,
          onProgress: (done, total) => progress.update(done, total),
        }),
      ).finally(() => progress.stop());
      const reportPath = options.report ?? defaultReportPath(files);
      writeReport(reportPath, files, result);
      printSummary(result, reportPath);
      process.exitCode = result.rejected.length > 0 ? EXIT.PARTIAL : EXIT.OK;
    });
}

/** `--delimiter`: "," ";" or a tab (written "tab", "\\t" or a real tab). */
export function delimiterOption(raw: string): string {
  const delimiter = raw === "tab" || raw === "\\t" ? "\t" : raw;
  if (!(delimiter in DELIMITERS)) throw new InvalidArgumentError(`--delimiter must be "," ";" or tab; got "${raw}"`);
  return delimiter;
}

function printSummary(result: ImportResult, reportPath: string): void {
  for (const dialect of result.csv) console.log(describeDialect(dialect));
  for (const note of result.normalised) console.log(describeNormalisation(note));
  for (const transcoding of result.transcoded) console.error(transcoding.message);
  for (const rejection of result.rejected.slice(0, SHOWN)) console.error(describeRejection(rejection));
  if (result.rejected.length > SHOWN) console.error(`… and ${result.rejected.length - SHOWN} more problems`);
  const written = Object.values(result.imported).reduce((sum, c) => sum + c.created + c.updated + c.unchanged, 0);
  const rate = Math.round(written / Math.max(result.ms / 1000, 0.001));
  console.log(`Imported ${written} of ${result.rowsRead} rows in ${(result.ms / 1000).toFixed(1)} s (${rate} rows/s); ${result.rowsRejected} rejected.`);
  for (const [entity, counts] of Object.entries(result.imported)) {
    if (counts.created + counts.updated + counts.unchanged === 0) continue;
    console.log(`  ${entity}: ${counts.created} created, ${counts.updated} updated, ${counts.unchanged} unchanged`);
  }
  console.log(`Report: ${reportPath}`);
  if (result.rowsRejected > 0) console.log("Fix the rejected rows (file:line or #pointer, field, reason above) and import again; rows already imported are unchanged.");
}
