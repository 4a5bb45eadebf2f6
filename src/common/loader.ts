import DataLoader from "dataloader";

/**
 * A per-request DataLoader whose keys may be objects (an id plus field arguments such
 * as `{ id, kind, first }`): keys are compared by their JSON, so the same question asked
 * twice in one request is fetched once.
 * Usage: `const coConstructors = keyedLoader((keys) => repo.coConstructorsOf(keys));`
 */
export function keyedLoader<K, V>(batch: (keys: readonly K[]) => Promise<V[]>): DataLoader<K, V, string> {
  return new DataLoader<K, V, string>(batch, { cacheKeyFn: (key) => JSON.stringify(key) });
}

/**
 * Puts rows from an `UNWIND range(0, size($keys) - 1) AS i` query back in key order.
 * Each row carries `i`, the index of its key, and `value`; missing keys get `empty`.
 */
export function inKeyOrder<V>(keyCount: number, rows: Array<{ i: number; value: V }>, empty: V): V[] {
  const out: V[] = new Array(keyCount).fill(empty);
  for (const row of rows) out[row.i] = row.value;
  return out;
}
