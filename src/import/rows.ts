import { Entity } from "./entities";

/** Where a row came from: a CSV line, or a JSON pointer into a document. */
export interface Origin {
  file: string;
  /** CSV: the line the record starts on (the header is line 1). */
  line?: number;
  /** JSON: the row's pointer, e.g. "/actors/3". */
  pointer?: string;
}

/** One record of an input file, not yet validated. */
export interface ImportRow {
  entity: Entity;
  data: Record<string, any>;
  origin: Origin;
  /** Cells the reader could not read (a CSV "12,5,3"), quoted as found: they stand for the field's other problems. */
  problems?: { field: string; reason: string }[];
}

/** Why a row was not imported; the report lists these. */
export interface Rejection {
  file: string;
  line?: number;
  /** JSON pointer to the bad field ("/actors/3/siren"), or to the row when the problem is the whole row. */
  pointer?: string;
  entity: Entity;
  key: string;
  field: string;
  reason: string;
}

/** Builds the rejection of `row` for `path` (a dotted path such as "indicator.value", or "" for the row): a CSV row's names the column. */
export function reject(row: ImportRow, key: string, path: string, reason: string): Rejection {
  const { file, line, pointer } = row.origin;
  // A CSV row names its column ("indicatorValue", as flatFields names it); a JSON row its path.
  const field = line === undefined ? path : path.replace(/\.([a-z])/g, (_, letter: string) => letter.toUpperCase());
  const fieldPointer = pointer === undefined ? undefined : field ? `${pointer}/${field.replace(/\./g, "/")}` : pointer;
  return { file, ...(line !== undefined && { line }), ...(fieldPointer !== undefined && { pointer: fieldPointer }), entity: row.entity, key, field, reason };
}

/** 'actors.csv:12 siren: "552 032 535": the check digit is wrong (Luhn)' — how a rejection reads on screen. */
export function describeRejection(r: Rejection): string {
  const where = r.line !== undefined ? `${r.file}:${r.line}` : `${r.file}#${r.pointer}`;
  return `${where} ${r.field || "(row)"}: ${r.reason}`;
}

/** A fatal problem with an input file (unreadable, not JSON, unknown CSV column): nothing is imported. */
export class ImportFileError extends Error {
  constructor(file: string, problem: string) {
    super(`${file}: ${problem}`);
    this.name = "ImportFileError";
  }
}
