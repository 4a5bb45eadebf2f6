import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { ConcurrencyLimit } from "../common/concurrency-limit";
import { TooManyRequestsError } from "../common/errors";
import { OperationMeasure } from "../graphql/limits";
import { Allowance, QuotaConfig } from "./quota.config";
import { QuotaClient } from "./quota-client";

/** Rate limiters of one allowance: requests and cost, per client key, over the window. */
interface Limiters {
  requests: RateLimiterMemory;
  cost: RateLimiterMemory;
}

/**
 * The quotas of one API process (rate-limiter-flexible's RateLimiterMemory: counts live in this
 * process; several API processes behind one address would use its RateLimiterRedis with the same
 * points and duration instead, so a client's counts are shared).
 *
 * Usage:
 *   const quotas = new Quotas(config.quotas);
 *   await quotas.admitRequest(client);                     // every HTTP request: 429 past the count
 *   const release = await quotas.admitOperation(client, m); // every GraphQL operation: cost, analytics caps
 *   …; release();
 */
export class Quotas {
  private readonly anonymous: Limiters;
  private readonly keyed: Limiters;
  private readonly analyticsInProcess: ConcurrencyLimit;
  private readonly expensiveInProcess: ConcurrencyLimit;
  /** One cap per client with analytics running; dropped when its last one ends, so the map stays small. */
  private readonly analyticsByClient = new Map<string, ConcurrencyLimit>();

  constructor(readonly config: QuotaConfig) {
    this.anonymous = limiters(config.anonymous, config.windowSeconds);
    this.keyed = limiters(config.keyed, config.windowSeconds);
    this.analyticsInProcess = new ConcurrencyLimit("concurrentAnalytics", config.analyticsInProcess, "analytics operations");
    this.expensiveInProcess = new ConcurrencyLimit("concurrentExpensiveOperations", config.expensiveInProcess, `operations of cost ${config.expensiveCost} or more`);
  }

  /** Counts one request against the client's allowance; TooManyRequestsError (429) past it. */
  async admitRequest(client: QuotaClient): Promise<void> {
    if (!this.config.enabled) return;
    const { limiters, who } = this.of(client);
    await consume(limiters.requests, client.key, 1, `${who}Requests`, `over ${limiters.requests.points} requests in ${this.config.windowSeconds} s`);
  }

  /**
   * Takes the concurrency slots the operation needs, held until the returned release is called:
   * one of the process's expensive operations when its cost reaches `expensiveCost`, and, when it
   * has analytics fields, one of the process's and one of the client's analytics slots. Then
   * charges its cost to the client's budget. An operation refused by a cap is not charged.
   */
  async admitOperation(client: QuotaClient, { cost, analyticsFields }: OperationMeasure): Promise<() => void> {
    const caps = [...(cost >= this.config.expensiveCost ? [this.expensiveInProcess] : []), ...(analyticsFields > 0 ? [this.analyticsInProcess, this.analyticsOf(client)] : [])];
    const release = caps.length > 0 ? await hold(caps, () => this.forgetIdle(client)) : () => undefined;
    if (this.config.enabled && cost > 0) {
      const { limiters, who } = this.of(client);
      await consume(limiters.cost, client.key, cost, `${who}Cost`, `query cost over ${limiters.cost.points} in ${this.config.windowSeconds} s`).catch((refusal) => {
        release();
        throw refusal;
      });
    }
    return release;
  }

  /** Analytics operations running now (tests, metrics). */
  get analyticsRunning(): number {
    return this.analyticsInProcess.inUse;
  }

  /** Expensive operations (cost ≥ expensiveCost) running now (tests, metrics). */
  get expensiveRunning(): number {
    return this.expensiveInProcess.inUse;
  }

  private of(client: QuotaClient): { limiters: Limiters; who: string } {
    return client.anonymous ? { limiters: this.anonymous, who: "anonymous" } : { limiters: this.keyed, who: "key" };
  }

  private analyticsOf(client: QuotaClient): ConcurrencyLimit {
    let cap = this.analyticsByClient.get(client.key);
    if (!cap) {
      cap = new ConcurrencyLimit("concurrentAnalyticsPerClient", this.config.analyticsPerClient, "analytics operations of yours");
      this.analyticsByClient.set(client.key, cap);
    }
    return cap;
  }

  private forgetIdle(client: QuotaClient): void {
    if (this.analyticsByClient.get(client.key)?.inUse === 0) this.analyticsByClient.delete(client.key);
  }
}

/**
 * Takes a slot in each cap, in order, or throws the first full one's 429 holding none; the
 * slots are held until the returned release is called. `settled` runs once they are all free.
 */
function hold(caps: ConcurrencyLimit[], settled: () => void): Promise<() => void> {
  let release!: () => void;
  const finished = new Promise<void>((resolve) => (release = resolve));
  return new Promise((admitted, refused) => {
    // ConcurrencyLimit holds a slot while the work's promise runs: here, until release().
    const inner = caps.reduceRight<() => Promise<void>>((work, cap) => () => cap.run(work), () => (admitted(release), finished));
    inner().catch(refused).finally(settled);
  });
}

function limiters(allowance: Allowance, windowSeconds: number): Limiters {
  return {
    requests: new RateLimiterMemory({ points: allowance.requests, duration: windowSeconds }),
    cost: new RateLimiterMemory({ points: allowance.cost, duration: windowSeconds }),
  };
}

/** Consumes points, turning rate-limiter-flexible's refusal (a RateLimiterRes) into our 429. */
async function consume(limiter: RateLimiterMemory, key: string, points: number, limit: string, reason: string): Promise<void> {
  try {
    await limiter.consume(key, points);
  } catch (refusal) {
    if (!(refusal instanceof RateLimiterRes)) throw refusal;
    throw new TooManyRequestsError(limit, reason, refusal.msBeforeNext / 1000);
  }
}
