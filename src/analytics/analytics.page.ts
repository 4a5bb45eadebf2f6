import { PagePlan, Page, toPage } from "../common/connection";

type Key = (string | number)[];

/** Compares sort keys element by element: numbers numerically, strings by code unit. */
export function compareKeys(a: Key, b: Key): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (typeof x === "number" && typeof y === "number") return x - y;
    return String(x) < String(y) ? -1 : 1;
  }
  return 0;
}

/**
 * One Relay page of items held in memory, with keyset cursors: sorts by `sortKey`
 * ascending (descending when paging backwards), keeps the items strictly after the
 * plan's cursor, and hands `limit` of them to toPage. `totalCount` is the whole list.
 */
export function pageInMemory<T>(items: T[], sortKey: (item: T) => Key, plan: PagePlan): Page<T> {
  const sign = plan.descending ? -1 : 1;
  const keyed = items.map((node) => ({ node, sortKey: sortKey(node) }));
  keyed.sort((a, b) => sign * compareKeys(a.sortKey, b.sortKey));
  const cursor = plan.cursor as Key | null;
  const after = cursor ? keyed.filter((row) => sign * compareKeys(row.sortKey, cursor) > 0) : keyed;
  return toPage(after.slice(0, plan.limit), plan, () => Promise.resolve(items.length));
}
