import { writeFileSync } from "node:fs";
import { ImportResult } from "./importer";
import { describeDialect } from "./csv-dialect";
import { describeNormalisation } from "./read-csv";

/** Where the report of an import of `inputs` goes by default: next to the first input. */
export const defaultReportPath = (inputs: string[]) => `${inputs[0]}.report.json`;

/**
 * Writes the import report: what was read, written (created / updated / unchanged per
 * entity), every rejection with its file, line or JSON pointer, field and reason, and the
 * CSV files: how each was written (separator and how it was found, encoding, BOM, line ends), the
 * cells read into the API's forms per column (count and first example), and those read as
 * Windows-1252 (with the first byte that was not UTF-8).
 */
export function writeReport(path: string, inputs: string[], result: ImportResult): void {
  const report = {
    inputs,
    finishedAt: new Date().toISOString(),
    rowsRead: result.rowsRead,
    rowsRejected: result.rowsRejected,
    imported: result.imported,
    csv: result.csv.map((dialect) => ({ ...dialect, message: describeDialect(dialect) })),
    normalised: result.normalised.map((note) => ({ ...note, message: describeNormalisation(note) })),
    transcoded: result.transcoded,
    rejected: result.rejected,
  };
  writeFileSync(path, JSON.stringify(report, null, 2) + "\n");
}
