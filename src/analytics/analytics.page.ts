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
 * One Relay page of items held in memory, with keyset cursors. `sorted` lists the items
 * ascending by `sortKey` already (a scope's actors are ranked once per ordering and kept), so
 * a page costs a binary search for the cursor and `limit` keys, not a sort of 100k items:
 * walks them descending when paging backwards, keeps those strictly after the plan's cursor,
 * and hands `limit` of them to toPage. `totalCount` is the whole list.
 */
export function pageInMemory<T>(sorted: ArrayLike<T>, sortKey: (item: T) => Key, plan: PagePlan): Page<T> {
  const n = sorted.length;
  const sign = plan.descending ? -1 : 1;
  const at = (i: number) => sorted[plan.descending ? n - 1 - i : i];
  const cursor = plan.cursor as Key | null;
  // The first position (in walking order) strictly after the cursor.
  let low = 0;
  let high = cursor ? n : 0;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sign * compareKeys(sortKey(at(middle)), cursor!) > 0) high = middle;
    else low = middle + 1;
  }
  const rows = [];
  for (let i = low; i < Math.min(n, low + plan.limit); i++) rows.push({ node: at(i), sortKey: sortKey(at(i)) });
  return toPage(rows, plan, () => Promise.resolve(n));
}
