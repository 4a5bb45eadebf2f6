import { validateSync } from "class-validator";
import { flattenValidationErrors } from "../graphql/format-error";
import { fieldsOf } from "../entity/field";
import { FlatField, flatFields, valueAt } from "../entity/stored";
import { ENTITIES, Entity, keyOf, SPECS } from "./entities";
import { ImportRow, reject, Rejection } from "./rows";
import { isIsoDate, readDate } from "./cell-forms";
import { quoted } from "../common/validators";

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
  if (!input) return [{ field: "", reason: `${quoted(row.data.__notObject)} is not a row: a row is an object ({ "id": … })` }];
  const problems: { field: string; reason: string }[] = [];
  if (row.entity !== "memberships" && (input.id === undefined || input.id === null)) {
    problems.push({ field: "id", reason: "is required: imports upsert by id" });
  }
  problems.push(...flattenValidationErrors(validateSync(input, { forbidUnknownValues: false }), ""));
  for (const { path } of DATE_FIELDS[row.entity]) {
    const value = valueAt(input, path);
    if (value != null && !isIsoDate(value)) problems.push({ field: path.join("."), reason: isoDateProblem(value) });
  }
  // A cell the reader refused says why in its own words (the value as written); the same reason is said once.
  const read = row.problems ?? [];
  const fromRules = problems.filter((p) => !read.some((r) => r.field === p.field));
  return [...read, ...fromRules].filter((p, i, all) => all.findIndex((q) => q.field === p.field && q.reason === p.reason) === i);
}

/** Why a file's date is not a YYYY-MM-DD day: the day does not exist, or (JSON) it is written otherwise. */
function isoDateProblem(value: unknown): string {
  if (typeof value !== "string") return `${quoted(value)} is not a date; write YYYY-MM-DD (2021-03-15)`;
  const reading = readDate(value); // a form only CSV cells may take (15/03/2021): say how JSON writes it
  return "problem" in reading ? reading.problem : `${quoted(value)}: dates in JSON are written YYYY-MM-DD: ${reading.value as string}`;
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
    if (kind.normalise && input[name] != null) input[name] = kind.normalise(input[name]);
    if (kind.nested && input[name] && typeof input[name] === "object") input[name] = Object.assign(new kind.nested(), input[name]);
  }
  return input;
}

/** Kept here for its callers (the generate command, tests): the import's one date check. */
export { isIsoDate };

const where = (row: ImportRow) => (row.origin.line !== undefined ? `${row.origin.file}:${row.origin.line}` : `${row.origin.file}#${row.origin.pointer}`);
