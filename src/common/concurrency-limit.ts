import { TooManyRequestsError } from "./errors";

/**
 * At most `max` runs of an expensive operation at once (exports, analytics); one more is
 * refused at once with a 429 rather than queued, so a burst of them cannot pile up memory
 * or hold the event loop. Not a rate limit (quotas use rate-limiter-flexible): it counts
 * what is running now.
 *
 * Usage:
 *   const exportsRunning = new ConcurrencyLimit("concurrentExports", 2, "exports");
 *   const file = await exportsRunning.run(() => runExport(...));
 */
export class ConcurrencyLimit {
  private running = 0;

  constructor(
    /** Named in the error's `extensions.limit`, e.g. "concurrentExports". */
    readonly name: string,
    readonly max: number,
    /** What runs, in the refusal's message: "2 exports are running already". */
    private readonly what: string,
    /** The Retry-After a refused caller is given, in seconds. */
    private readonly retryAfterSeconds = 5,
  ) {}

  get inUse(): number {
    return this.running;
  }

  /** Runs `work` if a slot is free, else throws TooManyRequestsError without calling it. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.max) {
      throw new TooManyRequestsError(this.name, `${this.running} ${this.what} are running already (at most ${this.max} at once)`, this.retryAfterSeconds);
    }
    this.running++;
    try {
      return await work();
    } finally {
      this.running--;
    }
  }
}
