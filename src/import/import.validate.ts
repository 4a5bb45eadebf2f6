import { validateSync } from "class-validator";
import { flattenValidationErrors } from "../graphql/format-error";
import { fieldsOf } from "../entity/field";
import { FlatField, flatFields, valueAt } from "../entity/stored";
import { ENTITIES, Entity, keyOf, SPECS } from "./entities";
import { ImportRow, reject, Rejection } from "./rows";

/** A row that passed validation: its key and its input-class instance (defaults applied). */
export interface ValidRow {
  row: ImportRow;
  key: string;
  input: Record<string, any>;
}

export interface ValidateOptions {
  /** Source id cited by rows that give no sourceIds (`--source`). */
  defaultSourceId?: string;
}

/**
 * Checks every row with the class-validator rules of its input class (the GraphQL inputs'
 * rules), plus what GraphQL checks elsewhere: dates are real "YYYY-MM-DD" dates, each row
 * has an id to upsert by, and no key appears twice. Returns the valid rows and one
 * rejection per bad field.
 */
export async function validateRows(rows: ImportRow[], options: ValidateOptions = {}): Promise<{ valid: ValidRow[]; rejected: Rejection[] }> {
  const valid: ValidRow[] = [];
  const rejected: Rejection[] = [];
  const seen = new Map<string, ImportRow>();
  for (const [index, row] of rows.entries()) {
    // Lets an import's writes in flight be answered while a large file is validated.
    if (index > 0 && index % YIELD_EVERY === 0) await new Promise(setImmediate);
    const key = "__notObject" in row.data ? "" : keyOf(row.entity, row.data);
    const input = "__notObject" in row.data ? undefined : toInput(row.entity, withDefaultSource(row, options));
    const problems = problemsOf(row, input);
    if (problems.length === 0) {
      const first = seen.get(`${row.entity}\u0000${key}`);
      if (first) problems.push({ field: "", reason: `duplicate key "${key}": already given at ${where(first)}` });
    }
    if (problems.length > 0) {
      rejected.push(...problems.map((p) => reject(row, key, p.field, p.reason)));
      continue;
    }
    seen.set(`${row.entity}\u0000${key}`, row);
    valid.push({ row, key, input: input! });
  }
  return { valid, rejected };
}

const YIELD_EVERY = 1000;

/** Each entity's date fields (files give dates as text; GraphQL's LocalDate checks the API's). */
const DATE_FIELDS = Object.fromEntries(
  ENTITIES.map((entity) => [entity, flatFields(SPECS[entity].input).filter(({ decl }) => decl.kind.date)]),
) as Record<Entity, FlatField[]>;

// Synchronous: every rule is (async validators would be skipped, and none is declared).
function problemsOf(row: ImportRow, input: Record<string, any> | undefined): { field: string; reason: string }[] {
  if (!input) return [{ field: "", reason: "must be an object" }];
  const problems: { field: string; reason: string }[] = [];
  if (row.entity !== "memberships" && (input.id === undefined || input.id === null)) {
    problems.push({ field: "id", reason: "is required: imports upsert by id" });
  }
  problems.push(...flattenValidationErrors(validateSync(input, { forbidUnknownValues: false }), ""));
  for (const { path } of DATE_FIELDS[row.entity]) {
    const value = valueAt(input, path);
    if (value != null && !isIsoDate(value)) problems.push({ field: path.join("."), reason: "must be a date written YYYY-MM-DD" });
  }
  return problems;
}

/** `--source` fills in sourceIds for rows that have none (every entity but sources cites sources). */
function withDefaultSource(row: ImportRow, options: ValidateOptions): Record<string, any> {
  const missing = row.data.sourceIds == null || (Array.isArray(row.data.sourceIds) && row.data.sourceIds.length === 0);
  if (row.entity === "sources" || !options.defaultSourceId || !missing) return row.data;
  return { ...row.data, sourceIds: [options.defaultSourceId] };
}

/** The instance the API would get (class defaults such as `status: ACTIVE` apply, nested objects are instances too). */
function toInput(entity: Entity, data: Record<string, any>): Record<string, any> {
  const input = Object.assign(new SPECS[entity].input(), data) as Record<string, any>;
  for (const { name, kind } of fieldsOf(SPECS[entity].input)) {
    if (kind.nested && input[name] && typeof input[name] === "object") input[name] = Object.assign(new kind.nested(), input[name]);
  }
  return input;
}

/** A real calendar date written YYYY-MM-DD (2023-02-30 is not). */
export function isIsoDate(value: unknown): boolean {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

const where = (row: ImportRow) => (row.origin.line !== undefined ? `${row.origin.file}:${row.origin.line}` : `${row.origin.file}#${row.origin.pointer}`);
