import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { strFromU8, unzipSync } from "fflate";

/** The files of a CSV export's zip, in the order written, read by fflate's own unzip. */
export function unzipTables(zip: Uint8Array): { names: string[]; text: Record<string, string> } {
  const files = unzipSync(zip);
  return { names: Object.keys(files), text: Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, strFromU8(bytes)])) };
}

/** A table's rows as csv-parse reads them (RFC 4180, header line as keys). */
export const rowsOf = (text: string): Record<string, string>[] => parse(text, { columns: true, bom: false, relax_quotes: false });

/** The header line of a table. */
export const headerOf = (text: string): string[] => parse(text, { to_line: 1 })[0];

/** What test/export/csv-read-back.py (Python's zipfile and csv, networkx) reads of an export zip or folder. */
export function pythonReadBack(path: string, prefix: string): any {
  return JSON.parse(execFileSync("python3", [join(__dirname, "csv-read-back.py"), path, prefix], { encoding: "utf8" }));
}

/** A list cell: a JSON array, or (before every list attribute was one) a `;`-joined string. */
export const listOf = (cell: string): string[] => (cell.startsWith("[") ? JSON.parse(cell) : cell === "" ? [] : cell.split(";"));
