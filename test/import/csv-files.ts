import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "csv-stringify/sync";
import { ENTITIES, SPECS } from "../../src/import/entities";

/** Writes a document as one CSV per entity (lists `;`-joined, indicator flattened); returns the paths. */
export function writeCsvFiles(doc: Record<string, Record<string, any>[]>, dir: string): string[] {
  return ENTITIES.filter((entity) => doc[entity]?.length).map((entity) => {
    const spec = SPECS[entity];
    const rows = doc[entity].map((row) => {
      const flat: Record<string, any> = { ...row, indicatorValue: row.indicator?.value, indicatorUnit: row.indicator?.unit, indicatorMeasuredOn: row.indicator?.measuredOn };
      return spec.columns.map((column) => {
        const value = flat[column];
        return Array.isArray(value) ? value.join(";") : (value ?? "");
      });
    });
    const path = join(dir, spec.csvFile);
    writeFileSync(path, stringify([spec.columns, ...rows]));
    return path;
  });
}
