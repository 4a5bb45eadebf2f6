import { parseBoolean, parseCount } from "../common/config-parse";

/**
 * Quotas of a public deployment, from the environment (loadConfig calls loadQuotaConfig).
 * Usage: `createServer(executor, { quotas: config.quotas })`; without it nothing is limited.
 *
 *   MAILLAGE_QUOTAS                      false: no request or cost quota (the analytics caps stay)
 *   MAILLAGE_QUOTA_WINDOW_SECONDS        the window the counts below are per (60)
 *   MAILLAGE_QUOTA_ANONYMOUS_REQUESTS    requests per window per client IP without a credential (300)
 *   MAILLAGE_QUOTA_ANONYMOUS_COST        query cost per window per client IP without a credential (500 000)
 *   MAILLAGE_QUOTA_KEY_REQUESTS          requests per window per API key or token subject (3 000)
 *   MAILLAGE_QUOTA_KEY_COST              query cost per window per API key or token subject (5 000 000)
 *   MAILLAGE_ANALYTICS_PER_CLIENT        analytics operations one client may run at once (1)
 *   MAILLAGE_ANALYTICS_CONCURRENCY       analytics operations the process runs at once (2)
 *   MAILLAGE_EXPENSIVE_COST              the query cost from which an operation is expensive (10 000)
 *   MAILLAGE_EXPENSIVE_CONCURRENCY       expensive operations the process runs at once (4)
 *   MAILLAGE_TRUST_PROXY                 true: the client IP is the one the proxy in front saw (one hop)
 */
export interface QuotaConfig {
  enabled: boolean;
  windowSeconds: number;
  anonymous: Allowance;
  keyed: Allowance;
  /** Operations with networkAnalytics / recommendPartners running at once, per client and in the process. */
  analyticsPerClient: number;
  analyticsInProcess: number;
  /** Operations of at least this cost (large pages, deep networks, analytics) run at most `expensiveInProcess` at once in the process. */
  expensiveCost: number;
  expensiveInProcess: number;
  /** Behind a reverse proxy: take the client IP from the X-Forwarded-For entry the proxy added (express "trust proxy" = 1). */
  trustProxy: boolean;
}

/** What one client may spend in a window. */
export interface Allowance {
  requests: number;
  /** Sum of the query costs (src/graphql/limits.ts) of its operations. */
  cost: number;
}

export const DEFAULT_QUOTAS: QuotaConfig = Object.freeze({
  enabled: true,
  windowSeconds: 60,
  anonymous: { requests: 300, cost: 500_000 },
  keyed: { requests: 3_000, cost: 5_000_000 },
  analyticsPerClient: 1,
  analyticsInProcess: 2,
  expensiveCost: 10_000,
  expensiveInProcess: 4,
  trustProxy: false,
});

export function loadQuotaConfig(env: NodeJS.ProcessEnv): QuotaConfig {
  const d = DEFAULT_QUOTAS;
  return {
    enabled: parseBoolean("MAILLAGE_QUOTAS", env.MAILLAGE_QUOTAS, d.enabled),
    windowSeconds: parseCount("MAILLAGE_QUOTA_WINDOW_SECONDS", env.MAILLAGE_QUOTA_WINDOW_SECONDS, d.windowSeconds),
    anonymous: {
      requests: parseCount("MAILLAGE_QUOTA_ANONYMOUS_REQUESTS", env.MAILLAGE_QUOTA_ANONYMOUS_REQUESTS, d.anonymous.requests),
      cost: parseCount("MAILLAGE_QUOTA_ANONYMOUS_COST", env.MAILLAGE_QUOTA_ANONYMOUS_COST, d.anonymous.cost),
    },
    keyed: {
      requests: parseCount("MAILLAGE_QUOTA_KEY_REQUESTS", env.MAILLAGE_QUOTA_KEY_REQUESTS, d.keyed.requests),
      cost: parseCount("MAILLAGE_QUOTA_KEY_COST", env.MAILLAGE_QUOTA_KEY_COST, d.keyed.cost),
    },
    analyticsPerClient: parseCount("MAILLAGE_ANALYTICS_PER_CLIENT", env.MAILLAGE_ANALYTICS_PER_CLIENT, d.analyticsPerClient),
    analyticsInProcess: parseCount("MAILLAGE_ANALYTICS_CONCURRENCY", env.MAILLAGE_ANALYTICS_CONCURRENCY, d.analyticsInProcess),
    expensiveCost: parseCount("MAILLAGE_EXPENSIVE_COST", env.MAILLAGE_EXPENSIVE_COST, d.expensiveCost),
    expensiveInProcess: parseCount("MAILLAGE_EXPENSIVE_CONCURRENCY", env.MAILLAGE_EXPENSIVE_CONCURRENCY, d.expensiveInProcess),
    trustProxy: parseBoolean("MAILLAGE_TRUST_PROXY", env.MAILLAGE_TRUST_PROXY, d.trustProxy),
  };
}
