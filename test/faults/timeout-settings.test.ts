import { loadConfig } from "../../src/config";

describe("Neo4j timeout settings", () => {
  it("fail fast by default: 2 s to connect, 5 s to get a pooled connection, one quick retry, 30 s per transaction", () => {
    expect(loadConfig({})).toMatchObject({
      neo4jConnectionTimeoutMs: 2_000,
      neo4jAcquisitionTimeoutMs: 5_000,
      neo4jMaxRetryTimeMs: 0,
      neo4jTxTimeoutMs: 30_000,
    });
  });

  it("reads each from its variable; 0 lifts the transaction limit", () => {
    const config = loadConfig({
      NEO4J_CONNECTION_TIMEOUT_MS: "1000",
      NEO4J_ACQUISITION_TIMEOUT_MS: "3000",
      NEO4J_MAX_RETRY_TIME_MS: "5000",
      NEO4J_TX_TIMEOUT_MS: "0",
    });
    expect(config).toMatchObject({ neo4jConnectionTimeoutMs: 1000, neo4jAcquisitionTimeoutMs: 3000, neo4jMaxRetryTimeMs: 5000, neo4jTxTimeoutMs: 0 });
  });

  it("waits for a pooled connection at least as long as for a new one", () => {
    expect(loadConfig({ NEO4J_CONNECTION_TIMEOUT_MS: "8000" }).neo4jAcquisitionTimeoutMs).toBe(8000);
    expect(() => loadConfig({ NEO4J_CONNECTION_TIMEOUT_MS: "8000", NEO4J_ACQUISITION_TIMEOUT_MS: "1000" })).toThrow(
      'Invalid configuration: NEO4J_ACQUISITION_TIMEOUT_MS must be at least NEO4J_CONNECTION_TIMEOUT_MS (8000); got "1000"',
    );
  });

  it.each([
    ["NEO4J_TX_TIMEOUT_MS", "30s"],
    ["NEO4J_TX_TIMEOUT_MS", "-1"],
    ["NEO4J_CONNECTION_TIMEOUT_MS", "0"],
    ["NEO4J_MAX_RETRY_TIME_MS", "1.5"],
  ])("names %s and what it accepts when given %s", (variable, value) => {
    expect(() => loadConfig({ [variable]: value })).toThrow(new RegExp(`^Invalid configuration: ${variable} must be a whole number of milliseconds`));
  });
});
