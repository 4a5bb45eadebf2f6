import { parse } from "csv-parse/sync";
import { flatFields } from "../entity/stored";
import { Entity, SPECS } from "./entities";
import { ImportFileError, ImportRow } from "./rows";
import { CsvDialect, DELIMITERS, detectDelimiter } from "./csv-dialect";
import { quoted } from "../common/validators";
import { Kind } from "../entity/kinds";
import { CellReading, Reading, READINGS, readDate, readIdentifierCell, readNumber } from "./cell-forms";
import { decodeWindows1252, describeByte, firstNonUtf8, firstUndefinedInWindows1252, strictUtf8, Transcoding, utf16Mark, utf8Looking } from "./decode";

const SAVE_AS_UTF8 = 'save it as UTF-8 (Excel: "CSV UTF-8 (Comma delimited)")';

/**
 * The text of a CSV file: UTF-8 (a BOM allowed); else Windows-1252, what Excel writes in
 * France, said in the report; refused, naming the bytes, when it is UTF-16, when it mixes
 * UTF-8 letters with other bytes (a concatenated or half-repaired file: either reading would
 * corrupt some names), or when a byte is a character in neither encoding.
 */
export function decodeCsv(file: string, bytes: Uint8Array): { text: string; bom: boolean; transcoding?: Transcoding } {
  const text = strictUtf8(bytes);
  if (text !== undefined) return { text, bom: bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf };
  const mark = utf16Mark(bytes);
  if (mark) throw new ImportFileError(file, `is ${mark}, not UTF-8; ${SAVE_AS_UTF8}`);
  const first = firstNonUtf8(bytes)!;
  const at = describeByte(first);
  const utf8 = utf8Looking(bytes);
  if (utf8) {
    throw new ImportFileError(file, `mixes encodings: line ${utf8.at.line} holds UTF-8 ("${utf8.character}" at byte offset ${utf8.at.offset}) but ${at} is not UTF-8; ${SAVE_AS_UTF8}`);
  }
  const undefinedByte = firstUndefinedInWindows1252(bytes);
  if (undefinedByte) {
    throw new ImportFileError(file, `is neither UTF-8 nor Windows-1252: ${describeByte(undefinedByte)} is a character in neither; ${SAVE_AS_UTF8}`);
  }
  const message = `${file}: read as Windows-1252 (what Excel writes in France), since ${at} is not UTF-8; check the imported text, or ${SAVE_AS_UTF8}`;
  return { text: decodeWindows1252(bytes), bom: false, transcoding: { file, encoding: "windows-1252", firstNonUtf8: first, message } };
}

/** A kind of cell read into the API's form (decimal commas…), per column: how many, and the first. */
export interface Normalisation {
  file: string;
  column: string;
  /** Which reading (cell-forms.ts READINGS), and what it did. */
  reading: Reading;
  what: string;
  count: number;
  example: { line: number; found: string; read: string };
}

/** "actors.csv siren: 2 SIRENs written with spaces or dots read as 9 digits, e.g. line 3 '552 032 534' → 552032534" */
export const describeNormalisation = (n: Normalisation) =>
  `${n.file} ${n.column}: ${n.count} ${READINGS[n.reading][n.count === 1 ? 0 : 1]}, e.g. line ${n.example.line} '${n.example.found}' → ${n.example.read}`;

/**
 * Rows of one entity's CSV file (header line first), separated by `delimiter` (see
 * detectDelimiter). Empty cells are absent fields; spaces around a value are removed; list
 * cells hold values separated by `;` (quoted in a semicolon-separated file: "src-a;src-b");
 * numbers, SIRENs and dates are read as cell-forms.ts says, each reading that changed a cell
 * counted per column; a cell that cannot be read is the row's problem, quoting it.
 */
export function readCsvRows(
  file: string,
  text: string,
  entity: Entity,
  options: { delimiter?: string; encoding?: CsvDialect["encoding"]; bom?: boolean } = {},
): { rows: ImportRow[]; dialect: CsvDialect; normalised: Normalisation[] } {
  const spec = SPECS[entity];
  const { delimiter, from } = detectDelimiter(file, text, options.delimiter);
  // The header first: a wrong separator shows there, before any row's cell count.
  const header = (parseCsv<{ record: string[] }[]>(file, text, delimiter, { columns: false, to_line: 1 })[0]?.record ?? []).map((name) => name.trim());
  const unknown = header.filter((column) => !spec.columns.includes(column));
  if (unknown.length > 0) {
    const hint = header.length === 1 ? ` (the header line is one column when cells are separated by ${DELIMITERS[delimiter]}s: is that the separator?)` : "";
    throw new ImportFileError(file, `unknown column(s) ${unknown.join(", ")}${hint}; ${spec.csvFile} columns are ${spec.columns.join(", ")}`);
  }
  const records = parseCsv<Records>(file, text, delimiter);
  const notes = new Notes(file);
  const filled = records.filter(({ record }) => Object.values(record).some((cell) => cell.trim() !== ""));
  const rows = filled.map(({ record, info }) => {
    // info.lines is the line the record ends on: its line, unless a quoted cell spans lines
    const line = info.lines;
    const { data, problems } = toData(entity, record, delimiter, (column, what, found, read) => notes.add(column, what, line, found, read));
    return { entity, data, origin: { file, line }, ...(problems.length > 0 && { problems }) };
  });
  const dialect: CsvDialect = {
    file, delimiter, delimiterFrom: from, encoding: options.encoding ?? "UTF-8", bom: options.bom ?? false,
    lineEnds: /^[^\n]*\r\n/.test(text) ? "CRLF" : "LF", emptyRowsSkipped: records.length - filled.length,
  };
  return { rows, dialect, normalised: notes.list() };
}

type Records = { record: Record<string, string>; info: { lines: number } }[];

/**
 * The records (by column name unless `only` says otherwise), cells untrimmed: toData removes and
 * counts spaces; spaces around quotes (`a, "b"`) are trimmed by the parser, uncounted, as before.
 */
function parseCsv<T>(file: string, text: string, delimiter: string, only: object = {}): T {
  const options = { columns: (names: string[]) => names.map((name) => name.trim()), bom: true, skip_empty_lines: true, info: true, delimiter, ...only };
  try {
    try {
      return parse(text, { ...options, trim: false }) as T;
    } catch (error) {
      if (!/QUOTE/.test((error as { code?: string }).code ?? "")) throw error;
      return parse(text, { ...options, trim: true }) as T;
    }
  } catch (error) {
    const e = error as Error & { code?: string; lines?: number; record?: string[]; columns?: unknown[] };
    if (e.code === "CSV_RECORD_INCONSISTENT_COLUMNS" && e.record && e.columns) {
      const name = DELIMITERS[delimiter];
      const listRule = delimiter === ";" ? `; a list cell holding several values separated by ";" must be quoted ("src-a;src-b"), as Excel and LibreOffice write it` : "";
      throw new ImportFileError(file, `line ${e.lines} has ${e.record.length} cells but the header has ${e.columns.length} (cells are separated by ${name}s: a cell holding a ${name} must be quoted${listRule})`);
    }
    throw new ImportFileError(file, `is not valid CSV (${e.message})`);
  }
}

/** The per-column count of each reading that changed a cell, with its first example. */
class Notes {
  private readonly byKey = new Map<string, Normalisation>();
  constructor(private readonly file: string) {}

  add(column: string, reading: Reading, line: number, found: string, read: string): void {
    const key = `${column}\u0000${reading}`;
    const note = this.byKey.get(key);
    if (note) note.count++;
    else this.byKey.set(key, { file: this.file, column, reading, what: READINGS[reading][1], count: 1, example: { line, found, read } });
  }

  list(): Normalisation[] {
    return [...this.byKey.values()];
  }
}

type Noted = (column: string, reading: Reading, found: string, read: string) => void;

function toData(entity: Entity, record: Record<string, string>, delimiter: string, noted: Noted) {
  const fields = new Map(flatFields(SPECS[entity].input).map((f) => [f.name, f]));
  const data: Record<string, any> = {};
  const problems: { field: string; reason: string }[] = [];
  for (const [column, raw] of Object.entries(record)) {
    const { path, decl } = fields.get(column)!;
    const cell = raw.trim();
    if (cell !== raw && cell !== "") noted(column, "spaces", raw, cell);
    if (cell === "") continue;
    const read = (item: string): unknown => {
      const reading = readCell(decl.kind, item, delimiter, decl.kind.list === true);
      if ("problem" in reading) {
        problems.push({ field: path.join("."), reason: reading.problem });
        return item;
      }
      if (reading.what) noted(column, reading.what, item, String(reading.value));
      return reading.value;
    };
    const value = decl.kind.list ? cell.split(";").map((item) => item.trim()).filter(Boolean).map(read) : read(cell);
    // A nested field's columns (indicatorValue…) fill its object.
    if (path.length === 2) (data[path[0]] ??= {})[path[1]] = value;
    else data[column] = value;
  }
  return { data, problems };
}

/** One cell (or list item) read by its kind: numbers, identifiers and dates as cell-forms.ts reads them; the rest as written. */
function readCell(kind: Kind, cell: string, delimiter: string, inList: boolean): CellReading {
  // "11,17" in a list of codes is a list written with commas; free text (authors) may hold them.
  if (inList && !kind.freeText && cell.includes(",")) {
    return { problem: `${quoted(cell)}: the values of a list are separated by ";" (in a semicolon-separated file, quote the cell: "11;17")` };
  }
  if (kind.number) return readNumber(cell, delimiter);
  if (kind.date) return readDate(cell);
  if (kind.identifier) return readIdentifierCell(kind.identifier, cell);
  return { value: cell };
}
