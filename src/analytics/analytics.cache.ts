/**
 * A small LRU of promises with a time to live. Entries are promises so concurrent
 * requests for one scope share one load; a rejected load is forgotten at once. The TTL
 * bounds staleness from writes made by other processes (the CLI import), which cannot
 * bump this process's graph generation.
 *
 * Usage: `cache.get(key, () => loadAndAnalyse(scope))`
 */
export class PromiseLru<T> {
  private readonly entries = new Map<string, { value: Promise<T>; expires: number }>();

  constructor(
    readonly maxEntries: number,
    readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    this.entries.delete(key);
    if (hit && hit.expires > this.now()) {
      this.entries.set(key, hit); // most recently used last
      return hit.value;
    }
    const value = load();
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    this.entries.set(key, { value, expires: this.now() + this.ttlMs });
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
  }
}
