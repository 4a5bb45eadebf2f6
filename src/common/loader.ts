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
/** A keyedLoader that can also be handed values fetched ahead. */
export interface KeyedLoader<K, V> extends DataLoader<K, V, string> {
  /**
   * Hands over the value of `key` fetched ahead by a hot path (see actor/neighbourhood.prefetch.ts):
   * the next load of that key takes it instead of querying, once. A key nobody asks for costs nothing.
   */
  provide(key: K, value: V): void;
}

export function keyedLoader<K, V>(batch: (keys: readonly K[]) => Promise<(V | Error)[]>): KeyedLoader<K, V> {
  const ahead = new Map<string, V>();
  const loader = new DataLoader<K, V, string>(
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
      const values = await answer(distinct);
      return slots.map((slot) => values[slot]);
    },
    { cache: false },
  ) as KeyedLoader<K, V>;

  /** Values fetched ahead first; one call of `batch` for the rest, if any. */
  async function answer(distinct: K[]): Promise<(V | Error)[]> {
    const values: (V | Error)[] = new Array(distinct.length);
    const missing: number[] = [];
    distinct.forEach((key, index) => {
      const json = JSON.stringify(key);
      if (ahead.has(json)) {
        values[index] = ahead.get(json)!;
        ahead.delete(json);
      } else missing.push(index);
    });
    if (missing.length === 0) return values;
    const fetched = await batch(missing.map((index) => distinct[index]));
    if (fetched.length !== missing.length) {
      throw new Error(`keyedLoader: batch must return one value per key (${missing.length}), but returned ${fetched.length}`);
    }
    missing.forEach((index, n) => (values[index] = fetched[n]));
    return values;
  }

  loader.provide = (key: K, value: V) => void ahead.set(JSON.stringify(key), value);
  return loader;
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
