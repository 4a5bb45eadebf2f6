import { ImportFileError } from "./rows";

/** The column separators read, by name (what messages and the report call them). */
export const DELIMITERS: Record<string, string> = { ",": "comma", ";": "semicolon", "\t": "tab" };

/** How a CSV file was written: what the screen output and the report say of it. */
export interface CsvDialect {
  file: string;
  delimiter: "," | ";" | "\t";
  /** "header": found on the header line; "option": given by --delimiter. */
  delimiterFrom: "header" | "option";
  encoding: "UTF-8" | "Windows-1252";
  bom: boolean;
  lineEnds: "CRLF" | "LF";
  /** Rows holding only separators (";;;;", as Excel writes blank rows), skipped. */
  emptyRowsSkipped: number;
}

/** "actors.csv: semicolon-separated (found on the header line), UTF-8 with a BOM, CRLF line ends" */
export function describeDialect(d: CsvDialect): string {
  const from = d.delimiterFrom === "header" ? "found on the header line" : "given by --delimiter";
  const empty = d.emptyRowsSkipped > 0 ? `, ${d.emptyRowsSkipped} empty row${d.emptyRowsSkipped > 1 ? "s" : ""} (separators only) skipped` : "";
  return `${d.file}: ${DELIMITERS[d.delimiter]}-separated (${from}), ${d.encoding}${d.bom ? " with a BOM" : ""}, ${d.lineEnds} line ends${empty}`;
}

/**
 * The column separator: `given` (--delimiter), else the one of comma, semicolon and tab found on
 * the header line outside quotes (column names hold none of them); a header holding two of them
 * is refused rather than guessed; a header with none is one column.
 */
export function detectDelimiter(file: string, text: string, given?: string): { delimiter: CsvDialect["delimiter"]; from: CsvDialect["delimiterFrom"] } {
  if (given !== undefined) return { delimiter: given as CsvDialect["delimiter"], from: "option" };
  const counts = new Map<string, number>();
  let quoted = false;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === "\n" || c === "\r")) break;
    else if (!quoted && c in DELIMITERS) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  if (counts.size > 1) {
    const found = [...counts].map(([d, n]) => `${n} ${DELIMITERS[d]}${n > 1 ? "s" : ""}`).join(" and ");
    throw new ImportFileError(file, `its header line holds ${found}: which one separates the columns? Give --delimiter "," or ";" or tab`);
  }
  return { delimiter: ([...counts.keys()][0] ?? ",") as CsvDialect["delimiter"], from: "header" };
}
