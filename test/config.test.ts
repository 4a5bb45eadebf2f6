import { loadConfig } from "../src/config";

describe("loadConfig", () => {
  it("needs no configuration: embedded Neo4j on loopback, port 4000", () => {
    expect(loadConfig({})).toMatchObject({ neo4jUri: "bolt://127.0.0.1:7687", neo4jUser: "neo4j", port: 4000, neo4jDatabase: undefined });
  });

  it("follows NEO4J_BOLT_PORT when NEO4J_URI is not set", () => {
    expect(loadConfig({ NEO4J_BOLT_PORT: "7699" }).neo4jUri).toBe("bolt://127.0.0.1:7699");
  });

  it("accepts routing URIs for clusters and Aura", () => {
    expect(loadConfig({ NEO4J_URI: "neo4j+s://abcd1234.databases.neo4j.io" }).neo4jUri).toBe("neo4j+s://abcd1234.databases.neo4j.io");
    expect(loadConfig({ NEO4J_URI: "neo4j://core1:7687", NEO4J_DATABASE: "maillage" }).neo4jDatabase).toBe("maillage");
  });

  it("reads the query limits and the body size", () => {
    const config = loadConfig({ MAILLAGE_MAX_DEPTH: "8", MAILLAGE_MAX_COST: "1000", MAILLAGE_MAX_BODY_BYTES: "2048" });
    expect(config.limits).toMatchObject({ maxDepth: 8, maxCost: 1000, maxAliases: 30 });
    expect(config.maxBodyBytes).toBe(2048);
    expect(() => loadConfig({ MAILLAGE_MAX_TOKENS: "-5" })).toThrow('Invalid configuration: MAILLAGE_MAX_TOKENS must be a whole number between 1 and 100000000; got "-5"');
  });

  it("reads how many exports may stream at once: 2 unless MAILLAGE_MAX_CONCURRENT_EXPORTS says otherwise", () => {
    expect(loadConfig({}).maxConcurrentExports).toBe(2);
    expect(loadConfig({ MAILLAGE_MAX_CONCURRENT_EXPORTS: " 5 " }).maxConcurrentExports).toBe(5);
    expect(() => loadConfig({ MAILLAGE_MAX_CONCURRENT_EXPORTS: "0" })).toThrow(
      'Invalid configuration: MAILLAGE_MAX_CONCURRENT_EXPORTS must be a whole number between 1 and 100000000; got "0"',
    );
  });

  it("names the variable and what it accepts when a value is wrong", () => {
    expect(() => loadConfig({ NEO4J_URI: "http://localhost:7474" })).toThrow(
      'Invalid configuration: NEO4J_URI must start with one of bolt://, bolt+s://, bolt+ssc://, neo4j://, neo4j+s://, neo4j+ssc://; got "http://localhost:7474"',
    );
    expect(() => loadConfig({ PORT: "80a" })).toThrow('Invalid configuration: PORT must be an integer port between 0 and 65535; got "80a"');
    expect(() => loadConfig({ MAILLAGE_AUTOSTART_DB: "maybe" })).toThrow("MAILLAGE_AUTOSTART_DB must be true or false");
  });

  it("reads the log level once, so the logger never looks at the environment", () => {
    expect(loadConfig({}).logLevel).toBe("info");
    expect(loadConfig({ NODE_ENV: "test" }).logLevel).toBe("silent");
    expect(loadConfig({ LOG_LEVEL: " Debug " }).logLevel).toBe("debug");
    expect(() => loadConfig({ LOG_LEVEL: "verbose" })).toThrow(
      'Invalid configuration: LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent; got "verbose"',
    );
  });
});
