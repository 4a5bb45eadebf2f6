import DataLoader from "dataloader";

/**
 * A per-request DataLoader: every key asked for in the same tick goes to one call of
 * `batch`, keys being compared by their JSON (so `{ id, first }` keys work), each distinct
 * key sent once.
 *
 * Why no cache: with DataLoader's cache, keys already loaded resolve at once while new
 * keys wait for another batch, so the children of one list split into two batches and
 * round trips come to depend on which query answered first. Without it, each field of a
 * query costs exactly one round trip, whatever the data: the contract the round-trip
 * test and the benchmarks check.
 *
 * Usage: `const coConstructors = keyedLoader((keys) => repo.coConstructorsOf(keys));`
 */
export function keyedLoader<K, V>(batch: (keys: readonly K[]) => Promise<(V | Error)[]>): DataLoader<K, V, string> {
  return new DataLoader<K, V, string>(
    async (keys) => {
      const positions = new Map<string, number>();
      const distinct: K[] = [];
      const slots = keys.map((key) => {
        const json = JSON.stringify(key);
        if (!positions.has(json)) {
          positions.set(json, distinct.length);
          distinct.push(key);
        }
        return positions.get(json)!;
      });
      const values = await batch(distinct);
      if (values.length !== distinct.length) {
        throw new Error(`keyedLoader: batch must return one value per key (${distinct.length}), but returned ${values.length}`);
      }
      return slots.map((slot) => values[slot]);
    },
    { cache: false },
  );
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
