import neo4j, { Driver } from "neo4j-driver";
import { Config, NEO4J_TIMEOUT_DEFAULTS } from "../config";

/** The timeouts that make requests fail fast while Neo4j is away (see config.ts). */
export type DriverTimeouts = Pick<
  Config,
  "neo4jConnectionTimeoutMs" | "neo4jAcquisitionTimeoutMs" | "neo4jMaxRetryTimeMs" | "neo4jTxTimeoutMs"
>;

// The transaction timeout of each driver we made, so an Executor on it applies it to every call.
const transactionTimeouts = new WeakMap<Driver, number>();

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
export function createDriver(config: Pick<Config, "neo4jUri" | "neo4jUser" | "neo4jPassword"> & Partial<DriverTimeouts>): Driver {
  const timeouts = { ...NEO4J_TIMEOUT_DEFAULTS, ...definedOnly(config) };
  const driver = neo4j.driver(config.neo4jUri, neo4j.auth.basic(config.neo4jUser, config.neo4jPassword), {
    disableLosslessIntegers: true,
    connectionTimeout: timeouts.neo4jConnectionTimeoutMs,
    connectionAcquisitionTimeout: timeouts.neo4jAcquisitionTimeoutMs,
    maxTransactionRetryTime: timeouts.neo4jMaxRetryTimeMs,
    userAgent: "maillage/0.1",
  });
  transactionTimeouts.set(driver, timeouts.neo4jTxTimeoutMs);
  return driver;
}

/** The transaction timeout createDriver was given for this driver (the default for others); 0 means none. */
export function transactionTimeoutOf(driver: Driver): number {
  return transactionTimeouts.get(driver) ?? NEO4J_TIMEOUT_DEFAULTS.neo4jTxTimeoutMs;
}

function definedOnly(config: Partial<DriverTimeouts>): Partial<DriverTimeouts> {
  const keys = Object.keys(NEO4J_TIMEOUT_DEFAULTS) as (keyof DriverTimeouts)[];
  return Object.fromEntries(keys.filter((key) => config[key] !== undefined).map((key) => [key, config[key]]));
}
