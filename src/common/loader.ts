import DataLoader from "dataloader";

/**
 * The cache of a keyedLoader: it keeps only values handed over with `prime`, never what a
 * load fetched (see keyedLoader). Write access is opened by KeyedLoader.prime alone.
 */
class PrimedOnly<V> extends Map<string, Promise<V>> {
  private open = false;

  override set(key: string, value: Promise<V>): this {
    return this.open ? super.set(key, value) : this;
  }

  during<T>(work: () => T): T {
    this.open = true;
    try {
      return work();
    } finally {
      this.open = false;
    }
  }
}

/**
 * A per-request DataLoader: every key asked for in the same tick goes to one call of
 * `batch`, keys being compared by their JSON (so `{ id, first }` keys work), each distinct
 * key sent once.
 *
 * Why loads are not cached: with DataLoader's cache, keys already loaded resolve at once while
 * new keys wait for another batch, so the children of one list split into two batches and
 * round trips come to depend on which query answered first. Without it, each field of a
 * query costs exactly one round trip, whatever the data: the contract the round-trip
 * test and the benchmarks check. Only values fetched ahead by a hot path (see
 * actor/neighbourhood.prefetch.ts) are cached, with DataLoader's `prime`: they are known before
 * any field loads, so every load of such a key is answered from them, in its batch, and a
 * key nobody asks for costs nothing.
 *
 * Usage: `const actorById = keyedLoader((ids: readonly string[]) => repo.byIds(ids));`
 */
export class KeyedLoader<K, V> extends DataLoader<K, V, string> {
  constructor(
    batch: (keys: readonly K[]) => Promise<(V | Error)[]>,
    private readonly primed = new PrimedOnly<V>(),
  ) {
    super(distinctKeys(batch), { cacheKeyFn: (key) => JSON.stringify(key), cacheMap: primed });
  }

  /** Hands over the value of `key` fetched ahead: loads of that key in this request take it instead of querying. */
  override prime(key: K, value: V | Error | PromiseLike<V>): this {
    return this.primed.during(() => super.prime(key, value));
  }
}

export function keyedLoader<K, V>(batch: (keys: readonly K[]) => Promise<(V | Error)[]>): KeyedLoader<K, V> {
  return new KeyedLoader(batch);
}

/** `batch` called with each distinct key (by JSON) once, its values spread back to every asker. */
function distinctKeys<K, V>(batch: (keys: readonly K[]) => Promise<(V | Error)[]>) {
  return async (keys: readonly K[]): Promise<(V | Error)[]> => {
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
  };
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
