import { parse } from "csv-parse/sync";
import { flatFields } from "../entity/stored";
import { Entity, SPECS } from "./entities";
import { ImportFileError, ImportRow } from "./rows";

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
