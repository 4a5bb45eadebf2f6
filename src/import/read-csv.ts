import { parse } from "csv-parse/sync";
import { Entity, SPECS } from "./entities";
import { ImportFileError, ImportRow } from "./rows";

/**
 * Rows of one entity's CSV file (header line first). Empty cells are absent fields;
 * list columns split on `;`; number columns become numbers when they parse (otherwise
 * validation reports them); outcome `indicator*` columns become `indicator`.
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
  const spec = SPECS[entity];
  const data: Record<string, any> = {};
  for (const [column, cell] of Object.entries(record)) {
    if (spec.lists.includes(column)) {
      const items = cell === "" ? [] : cell.split(";").map((item) => item.trim()).filter(Boolean);
      data[column] = spec.numbers.includes(column) ? items.map(toNumber) : items;
    } else if (cell !== "") {
      data[column] = spec.numbers.includes(column) ? toNumber(cell) : cell;
    }
  }
  if (entity === "outcomes") {
    const { indicatorValue, indicatorUnit, indicatorMeasuredOn, ...rest } = data;
    const hasIndicator = [indicatorValue, indicatorUnit, indicatorMeasuredOn].some((v) => v !== undefined);
    return hasIndicator ? { ...rest, indicator: { value: indicatorValue, unit: indicatorUnit, measuredOn: indicatorMeasuredOn ?? null } } : rest;
  }
  return data;
}

const toNumber = (cell: string): number | string => (/^-?\d+(\.\d+)?$/.test(cell) ? Number(cell) : cell);
