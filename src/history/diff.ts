import { BadUserInputError } from "../common/errors";
import { Executor } from "../neo4j/executor";
import { ENTITIES, Entity, SPECS } from "../import/entities";
import { fieldsOf } from "../entity/field";
import { DiffScope, scopeRows, ScopeRows } from "./diff.scope";
import { currentPoint, openRecordedView, RecordedPoint, resolvePoint } from "./release.points";
import { CHANGES_BETWEEN } from "./diff.cypher";

/** Items listed per kind (added, removed, changed) by default, and at most. */
export const DEFAULT_DIFF_ITEMS = 100;
export const MAX_DIFF_ITEMS = 500;

/** A field whose value differs: its values at `from` and at `to` (null when absent). */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** An entry of the change log between the two points for an item. */
export interface LoggedChange {
  seq: number;
  at: string;
  /** Null unless the reader may see who wrote (admins). */
  who: string | null;
  how: string;
  op: string;
}

/** An entity added, removed or changed between the points: its export rows at both, the fields that differ, the log's entries. */
export interface DiffItem {
  entity: string;
  id: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  fields: FieldChange[];
  changes: LoggedChange[];
}

export interface Diff {
  from: RecordedPoint;
  to: RecordedPoint;
  addedCount: number;
  removedCount: number;
  changedCount: number;
  /** Each at most `first` items, in document order (sources, actors, alliances, memberships, outcomes, assessments), then by id. */
  added: DiffItem[];
  removed: DiffItem[];
  changed: DiffItem[];
  /** True when a list holds fewer items than its count says. */
  truncated: boolean;
  /** True when the neighbourhood had more nodes than the network's cap at either point: only the nearest were compared. */
  scopeCapped: boolean;
}

export interface DiffOptions {
  /** Items listed per kind (1..MAX_DIFF_ITEMS). */
  first?: number;
  /** Whether the log's `who` is shown (admins); null otherwise. */
  withWho?: boolean;
}

/**
 * What was added, removed and changed in `scope` between two recorded points (`from` before
 * `to`): the scope's export rows read at both points (each through its view), compared entity by
 * entity by id; each listed item carries the change log's entries between the two seqs.
 *
 * Usage: `const diff = await diffPoints(executor, from, to, { kind: "export", scope }, { first: 50 })`
 */
export async function diffPoints(executor: Executor, from: RecordedPoint, to: RecordedPoint, scope: DiffScope, options: DiffOptions = {}): Promise<Diff> {
  if (to.seq < from.seq) throw new BadUserInputError("to", `must not be before from (seq ${from.seq}, ${from.at}), got seq ${to.seq} (${to.at})`);
  const first = options.first ?? DEFAULT_DIFF_ITEMS;
  if (!Number.isInteger(first) || first < 1 || first > MAX_DIFF_ITEMS) throw new BadUserInputError("first", `must be 1–${MAX_DIFF_ITEMS}, got ${first}`);
  const before = await rowsAt(executor, from, scope);
  // One point twice: nothing can differ, the second reading is saved.
  const after = to.seq === from.seq ? before : await rowsAt(executor, to, scope);
  if (scope.kind === "neighbourhood" && !before.found && !after.found) {
    throw new BadUserInputError(scope.field, `no actor has id "${scope.actorId}" at either point (seq ${from.seq} or ${to.seq})`);
  }
  const compared = compareRows(before, after, first);
  await annotate(executor, [...compared.added, ...compared.removed, ...compared.changed], from.seq, to.seq, options.withWho ?? false);
  return { from, to, ...compared };
}

/** The comparison of a scope's rows at two points, each list cut at `first` (the counts stay whole). */
export type RowsCompared = Omit<Diff, "from" | "to">;

/** Compares two readings of a scope entity by entity by id: added (only in `after`), removed, changed (fields differ). */
export function compareRows(before: ScopeRows, after: ScopeRows, first: number): RowsCompared {
  const lists = { added: [] as DiffItem[], removed: [] as DiffItem[], changed: [] as DiffItem[] };
  for (const key of orderedKeys(before, after)) {
    const [entity, id] = splitKey(key);
    const b = before.rows.get(key) ?? null;
    const a = after.rows.get(key) ?? null;
    const fields = fieldChanges(entity, b, a);
    const list = b === null ? lists.added : a === null ? lists.removed : fields.length > 0 ? lists.changed : null;
    list?.push({ entity: SPECS[entity].label, id, before: b, after: a, fields, changes: [] });
  }
  const { added, removed, changed } = lists;
  return {
    addedCount: added.length,
    removedCount: removed.length,
    changedCount: changed.length,
    added: added.slice(0, first),
    removed: removed.slice(0, first),
    changed: changed.slice(0, first),
    truncated: [added, removed, changed].some((items) => items.length > first),
    scopeCapped: before.capped || after.capped,
  };
}

async function rowsAt(executor: Executor, point: RecordedPoint, scope: DiffScope): Promise<ScopeRows> {
  const view = await openRecordedView(executor, point);
  try {
    return await scopeRows(view.executor, scope);
  } finally {
    view.release();
  }
}

const ENTITY_RANK = new Map(ENTITIES.map((entity, rank) => [entity, rank]));

/** Every key of either side: by entity in document order, then id. */
function orderedKeys(before: ScopeRows, after: ScopeRows): string[] {
  const keys = [...new Set([...before.rows.keys(), ...after.rows.keys()])];
  return keys
    .map((key) => ({ key, parts: splitKey(key) }))
    .sort((x, y) => ENTITY_RANK.get(x.parts[0])! - ENTITY_RANK.get(y.parts[0])! || (x.parts[1] < y.parts[1] ? -1 : x.parts[1] > y.parts[1] ? 1 : 0))
    .map(({ key }) => key);
}

function splitKey(key: string): [Entity, string] {
  const bar = key.indexOf("|");
  return [key.slice(0, bar) as Entity, key.slice(bar + 1)];
}

/** The input fields whose values differ (rows are toInputRow's: same field order, lists sorted), in the input's order. */
function fieldChanges(entity: Entity, before: Record<string, unknown> | null, after: Record<string, unknown> | null): FieldChange[] {
  if (before === null || after === null) return [];
  const names = [...new Set([...Object.keys(after), ...Object.keys(before)])];
  const out: FieldChange[] = [];
  for (const field of names) {
    const b = before[field] ?? null;
    const a = after[field] ?? null;
    if (JSON.stringify(b) !== JSON.stringify(a)) out.push({ field, before: b, after: a });
  }
  return out.sort((x, y) => fieldRank(entity, x.field) - fieldRank(entity, y.field));
}

const fieldRank = (entity: Entity, field: string) => fieldsOf(SPECS[entity].input).findIndex((decl) => decl.name === field);

/** Fills each item's `changes` from the change log, in one query. */
async function annotate(executor: Executor, items: DiffItem[], from: number, to: number, withWho: boolean): Promise<void> {
  if (items.length === 0 || from === to) return;
  const byKey = new Map(items.map((item) => [`${item.entity}|${item.id}`, item]));
  const rows = await executor.read(CHANGES_BETWEEN, { items: items.map(({ entity, id }) => ({ entity, id })), from, to });
  for (const row of rows) {
    byKey.get(`${row.entity}|${row.id}`)?.changes.push({ seq: row.seq, at: row.at, who: withWho ? row.who : null, how: row.how, op: row.op });
  }
}

/** A point as a client names it: a release or an instant (ISO), one of the two. */
export interface PointRef {
  release?: string | null;
  asRecordedOn?: string | null;
}

/** Both points of a diff: `from` must name one, `to` absent (or naming none) is now; errors name `from`/`to`. */
export async function resolveDiffPoints(executor: Executor, from: PointRef, to: PointRef | null | undefined): Promise<{ from: RecordedPoint; to: RecordedPoint }> {
  const start = await resolvePoint(executor, from, "from");
  if (!start) throw new BadUserInputError("from", "give a release or asRecordedOn to compare from");
  const end = (to && (await resolvePoint(executor, to, "to"))) || (await currentPoint(executor));
  return { from: start, to: end };
}
