import neo4j, { Driver } from "neo4j-driver";

/** Where Neo4j answers and who we are to it (config.ts reads them from NEO4J_*). */
export interface Neo4jSettings {
  neo4jUri: string;
  neo4jUser: string;
  neo4jPassword: string;
  neo4jDatabase: string | undefined;
}

/** The timeouts that make requests fail fast while Neo4j is away (config.ts reads them from NEO4J_*_MS). */
export interface DriverTimeouts {
  /** Opening one Bolt connection (TCP + handshake) gives up after this. */
  neo4jConnectionTimeoutMs: number;
  /** Waiting for a pooled connection (all busy, or the database away) gives up after this. */
  neo4jAcquisitionTimeoutMs: number;
  /**
   * How long the driver keeps retrying a transaction after a transient failure (database
   * away, deadlock). Small on purpose: requests fail fast with SERVICE_UNAVAILABLE instead
   * of hanging while Neo4j is down. Below ~800 ms the driver still retries once, ~1 s later.
   */
  neo4jMaxRetryTimeMs: number;
  /** Neo4j cuts any transaction running longer (0: no limit), so a runaway query cannot pile up. */
  neo4jTxTimeoutMs: number;
}

/** Driver and transaction timeouts when no variable sets them, in milliseconds. */
export const NEO4J_TIMEOUT_DEFAULTS: DriverTimeouts = {
  neo4jConnectionTimeoutMs: 2_000,
  neo4jAcquisitionTimeoutMs: 5_000,
  neo4jMaxRetryTimeMs: 0,
  neo4jTxTimeoutMs: 30_000,
};

// The transaction timeout and retry budget of each driver we made, so an Executor on it applies them to every call.
const transactionTimeouts = new WeakMap<Driver, number>();
const retryBudgets = new WeakMap<Driver, number>();

/**
 * One driver per process. Integers come back as JS numbers (our counts and
 * populations stay far below 2^53), which keeps mapping code free of Integer calls.
 * Works with bolt:// (single server) and neo4j:// / neo4j+s:// (clusters, Aura).
 *
 * While Neo4j is down a refused connection fails at once; the driver then retries the
 * transaction for maxTransactionRetryTime (its first retry waits ~1 s), so that is what
 * bounds how fast a request gets SERVICE_UNAVAILABLE. The pool reconnects by itself
 * when Neo4j comes back.
 */
export function createDriver(config: Omit<Neo4jSettings, "neo4jDatabase"> & Partial<DriverTimeouts>): Driver {
  const timeouts = { ...NEO4J_TIMEOUT_DEFAULTS, ...definedOnly(config) };
  const driver = neo4j.driver(config.neo4jUri, neo4j.auth.basic(config.neo4jUser, config.neo4jPassword), {
    disableLosslessIntegers: true,
    connectionTimeout: timeouts.neo4jConnectionTimeoutMs,
    connectionAcquisitionTimeout: timeouts.neo4jAcquisitionTimeoutMs,
    maxTransactionRetryTime: timeouts.neo4jMaxRetryTimeMs,
    userAgent: "maillage/0.1",
  });
  transactionTimeouts.set(driver, timeouts.neo4jTxTimeoutMs);
  retryBudgets.set(driver, timeouts.neo4jMaxRetryTimeMs);
  return driver;
}

/** The transaction timeout createDriver was given for this driver (the default for others); 0 means none. */
export function transactionTimeoutOf(driver: Driver): number {
  return transactionTimeouts.get(driver) ?? NEO4J_TIMEOUT_DEFAULTS.neo4jTxTimeoutMs;
}

/** How long a failed transaction may be retried on this driver (maxTransactionRetryTime); 0: never. */
export function retryBudgetOf(driver: Driver): number {
  return retryBudgets.get(driver) ?? NEO4J_TIMEOUT_DEFAULTS.neo4jMaxRetryTimeMs;
}

function definedOnly(config: Partial<DriverTimeouts>): Partial<DriverTimeouts> {
  const keys = Object.keys(NEO4J_TIMEOUT_DEFAULTS) as (keyof DriverTimeouts)[];
  return Object.fromEntries(keys.filter((key) => config[key] !== undefined).map((key) => [key, config[key]]));
}
