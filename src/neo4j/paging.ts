import { PagePlan } from "../common/connection";

/**
 * A paged list in Cypher: `body` binds one row per item, with the item in `x` and any
 * variables `sortKey` and `project` need; `sortKey` is a list expression ending in a unique
 * id (the stable tie-break); `project` is the map the API gets for `x`.
 *
 *   const ALLIANCES: ListSpec = {
 *     body: `MATCH (x:Alliance) WHERE ${ALLIANCE_MATCHES("x", "$filter")}`,
 *     sortKey: "[x.nameKey, x.id]",
 *     project: `x {${NODE_PROPS}}`,
 *   };
 *
 * For batched relationship fields the body reads its arguments from `key` (`key.id`, …).
 */
export interface ListSpec {
  body: string;
  sortKey: string;
  project: string;
}

const direction = (plan: Pick<PagePlan, "descending">) => (plan.descending ? "DESC" : "ASC");
const after = (plan: Pick<PagePlan, "descending">) => (plan.descending ? "<" : ">");

/** What a page query needs to know of its plan: the direction, and whether a cursor is given when known. */
type PageShape = Pick<PagePlan, "descending"> & { cursor?: unknown };

/** The cursor condition: none on a first page (a guard would be evaluated on every row), guarded when unknown. */
function afterCursor(plan: PageShape, cursor: string): string {
  if (plan.cursor === undefined) return `WHERE ${cursor} IS NULL OR sortKey ${after(plan)} ${cursor}`;
  return plan.cursor === null ? "" : `WHERE sortKey ${after(plan)} ${cursor}`;
}

/** One page of a root list; parameters `$cursor` and `$limit` come from `pageParams(plan)`. */
export function pageQuery(spec: ListSpec, plan: PageShape): string {
  return `${spec.body}
WITH x, ${spec.sortKey} AS sortKey
${afterCursor(plan, "$cursor")}
WITH x, sortKey ORDER BY sortKey ${direction(plan)} LIMIT toInteger($limit)
RETURN ${spec.project} AS node, sortKey`;
}

/** How many items the root list holds (for `totalCount`). */
export function countQuery(spec: ListSpec): string {
  return `${spec.body}
RETURN count(x) AS total`;
}

export const pageParams = (plan: PagePlan) => ({ cursor: plan.cursor, limit: plan.limit });

/**
 * One page per key of a batched relationship field, in one query: keys carry `id`, the
 * field's arguments, `cursor` and `limit`. Rows come back as `{ i, value: [{node, sortKey}] }`.
 * The direction is part of the query, so a batch holds keys of one direction (see `byDirection`).
 * `keys` is the Cypher expression holding the keys: `$keys`, or a variable when the batch is a
 * subquery of a bigger statement (actor/neighbourhood.cypher.ts).
 */
export function batchPageQuery(spec: ListSpec, plan: PageShape, keys = "$keys"): string {
  return `UNWIND range(0, size(${keys}) - 1) AS i
WITH i, ${keys}[i] AS key
CALL (key) {
  ${spec.body}
  WITH x, ${spec.sortKey} AS sortKey
  ${afterCursor(plan, "key.cursor")}
  WITH x, sortKey ORDER BY sortKey ${direction(plan)}
  WITH key, collect([x, sortKey]) AS sorted
  UNWIND sorted[0..key.limit] AS pick
  WITH pick[0] AS x, pick[1] AS sortKey
  RETURN collect({node: ${spec.project}, sortKey: sortKey}) AS rows
}
RETURN i, rows AS value`;
}

/** How many items each key's list holds, in one query: rows `{ i, value: count }`. */
export function batchCountQuery(spec: ListSpec): string {
  return `UNWIND range(0, size($keys) - 1) AS i
WITH i, $keys[i] AS key
CALL (key) {
  ${spec.body}
  RETURN count(x) AS total
}
RETURN i, total AS value`;
}

/** A key of a batched paged field: the parent's id, the field's arguments, the ordering and the page. */
export interface BatchPageKey {
  id: string | number;
  order: string;
  cursor: unknown[] | null;
  limit: number;
  descending: boolean;
  [argument: string]: unknown;
}

export type PageRow<T> = { node: T; sortKey: unknown[] };
type Read = (cypher: string, params: Record<string, unknown>) => Promise<Record<string, any>[]>;

/**
 * Runs a batch of page keys: one query per ordering, direction and first-page-or-not present
 * (almost always one), rows returned in key order. The loaders of a paged field run it
 * (PagedField in paged-relation.ts).
 */
export async function runBatchPages<T>(
  read: Read,
  specFor: (order: string) => ListSpec,
  keys: readonly BatchPageKey[],
): Promise<PageRow<T>[][]> {
  const out: PageRow<T>[][] = new Array(keys.length).fill([]);
  const groups = new Map<string, number[]>();
  keys.forEach((key, index) => {
    const group = `${key.order}|${key.descending}|${key.cursor === null}`;
    groups.set(group, [...(groups.get(group) ?? []), index]);
  });
  for (const indexes of groups.values()) {
    const { order, descending, cursor } = keys[indexes[0]];
    const rows = await read(batchPageQuery(specFor(order), { descending, cursor: cursor === null ? null : "given" }), {
      keys: indexes.map((index) => keys[index]),
    });
    for (const row of rows) out[indexes[row.i]] = row.value;
  }
  return out;
}

/** Counts for a batch of keys (ordering and paging fields are ignored), in key order. */
export async function runBatchCounts(read: Read, spec: ListSpec, keys: readonly object[]): Promise<number[]> {
  const rows = await read(batchCountQuery(spec), { keys });
  const out: number[] = new Array(keys.length).fill(0);
  for (const row of rows) out[row.i] = row.value;
  return out;
}
