import { parse } from "csv-parse/sync";
import { flatFields } from "../entity/stored";
import { Entity, SPECS } from "./entities";
import { ImportFileError, ImportRow } from "./rows";
import { decodeWindows1252, describeByte, firstNonUtf8, firstUndefinedInWindows1252, strictUtf8, Transcoding, utf16Mark, utf8Looking } from "./decode";

const SAVE_AS_UTF8 = 'save it as UTF-8 (Excel: "CSV UTF-8 (Comma delimited)")';

/**
 * The text of a CSV file: UTF-8 (a BOM allowed); else Windows-1252, what Excel writes in
 * France, said in the report; refused, naming the bytes, when it is UTF-16, when it mixes
 * UTF-8 letters with other bytes (a concatenated or half-repaired file: either reading would
 * corrupt some names), or when a byte is a character in neither encoding.
 */
export function decodeCsv(file: string, bytes: Uint8Array): { text: string; transcoding?: Transcoding } {
  const text = strictUtf8(bytes);
  if (text !== undefined) return { text };
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
  return { text: decodeWindows1252(bytes), transcoding: { file, encoding: "windows-1252", firstNonUtf8: first, message } };
}

/**
 * Rows of one entity's CSV file (header line first). Empty cells are absent fields;
 * list columns split on `;`; number columns become numbers when they parse (otherwise
 * validation reports them); a nested field's columns (`indicatorValue`…) become its object.
 */
export function readCsvRows(file: string, text: string, entity: Entity): ImportRow[] {
  const spec = SPECS[entity];
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, { columns: true, bom: true, skip_empty_lines: true, trim: true, info: true, relax_column_count: false });
  } catch (error) {
    throw new ImportFileError(file, `is not valid CSV (${(error as Error).message})`);
  }
  const header = records.length > 0 ? Object.keys(records[0].record) : [];
  const unknown = header.filter((column) => !spec.columns.includes(column));
  if (unknown.length > 0) {
    throw new ImportFileError(file, `unknown column(s) ${unknown.join(", ")}; ${spec.csvFile} columns are ${spec.columns.join(", ")}`);
  }
  return records.map(({ record, info }) => ({
    entity,
    data: toData(entity, record),
    // info.lines is the line the record ends on: its line, unless a quoted cell spans lines
    origin: { file, line: info.lines },
  }));
}

function toData(entity: Entity, record: Record<string, string>): Record<string, any> {
  const fields = new Map(flatFields(SPECS[entity].input).map((f) => [f.name, f]));
  const data: Record<string, any> = {};
  for (const [column, cell] of Object.entries(record)) {
    const { path, decl } = fields.get(column)!;
    const parse = decl.kind.number ? toNumber : (item: string) => item;
    let value: unknown;
    if (decl.kind.list) value = (cell === "" ? [] : cell.split(";").map((item) => item.trim()).filter(Boolean)).map(parse);
    else if (cell !== "") value = parse(cell);
    else continue;
    // A nested field's columns (indicatorValue…) fill its object.
    if (path.length === 2) (data[path[0]] ??= {})[path[1]] = value;
    else data[column] = value;
  }
  return data;
}

const toNumber = (cell: string): number | string => (/^-?\d+(\.\d+)?$/.test(cell) ? Number(cell) : cell);
