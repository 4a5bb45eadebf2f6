import neo4j, { Driver } from "neo4j-driver";
import { Config } from "../config";

/**
 * One driver per process. Integers come back as JS numbers (our counts and
 * populations stay far below 2^53), which keeps mapping code free of Integer calls.
 * Works with bolt:// (single server) and neo4j:// / neo4j+s:// (clusters, Aura).
 */
export function createDriver(config: Pick<Config, "neo4jUri" | "neo4jUser" | "neo4jPassword">): Driver {
  return neo4j.driver(config.neo4jUri, neo4j.auth.basic(config.neo4jUser, config.neo4jPassword), {
    disableLosslessIntegers: true,
    // Fail fast when the database is away instead of hanging requests.
    connectionAcquisitionTimeout: 10_000,
    connectionTimeout: 5_000,
    maxTransactionRetryTime: 10_000,
    userAgent: "maillage/0.1",
  });
}
