import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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

  it("reads how many recorded views a server keeps: 3 unless MAILLAGE_HISTORY_VIEWS says otherwise, at most 8", () => {
    expect(loadConfig({}).historyViews).toBe(3);
    expect(loadConfig({ MAILLAGE_HISTORY_VIEWS: " 8 " }).historyViews).toBe(8);
    for (const bad of ["0", "9", "two", "1.5"]) {
      expect(() => loadConfig({ MAILLAGE_HISTORY_VIEWS: bad })).toThrow(`Invalid configuration: MAILLAGE_HISTORY_VIEWS must be a whole number between 1 and 8; got "${bad}"`);
    }
  });

  it("reads the base of linked-data IRIs: https://maillage.example/id/ unless MAILLAGE_LD_BASE says otherwise", () => {
    expect(loadConfig({}).ldBase).toBe("https://maillage.example/id/");
    expect(loadConfig({ MAILLAGE_LD_BASE: " https://data.example.org/maillage/ " }).ldBase).toBe("https://data.example.org/maillage/");
    for (const bad of ["https://data.example.org/maillage", "ftp://data.example.org/", "https://data.example.org/#id/", "https://data.example.org/a b/", "id/"]) {
      expect(() => loadConfig({ MAILLAGE_LD_BASE: bad })).toThrow(
        `Invalid configuration: MAILLAGE_LD_BASE must be an http:// or https:// address ending with /, without ? or # (e.g. https://maillage.example/id/); got "${bad}"`,
      );
    }
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

  it("reads the log format: auto by default, pretty or json when forced, anything else refused", () => {
    expect(loadConfig({}).logFormat).toBe("auto");
    expect(loadConfig({ MAILLAGE_LOG_FORMAT: " Pretty " }).logFormat).toBe("pretty");
    expect(loadConfig({ MAILLAGE_LOG_FORMAT: "json" }).logFormat).toBe("json");
    expect(() => loadConfig({ MAILLAGE_LOG_FORMAT: "text" })).toThrow(
      'Invalid configuration: MAILLAGE_LOG_FORMAT must be one of auto, pretty, json; got "text"',
    );
  });

  it("reads the HTTP edge: CORS, /metrics access, read-only mode and the IDE, with defaults by environment", () => {
    expect(loadConfig({}).http).toEqual({ corsOrigins: "*", metrics: { key: undefined, listener: undefined, open: true }, readOnly: false, graphqlIde: true });
    expect(loadConfig({ NODE_ENV: "production" }).http).toEqual({
      corsOrigins: [],
      metrics: { key: undefined, listener: undefined, open: false },
      readOnly: false,
      graphqlIde: false,
    });
    const config = loadConfig({
      NODE_ENV: "production",
      MAILLAGE_CORS_ORIGINS: " https://research.example.org, http://localhost:3000/ ,HTTPS://Data.Example.org",
      MAILLAGE_METRICS_KEY: "k".repeat(16),
      MAILLAGE_METRICS_PORT: "9464",
      MAILLAGE_READ_ONLY: "true",
      MAILLAGE_GRAPHQL_IDE: "true",
    });
    expect(config.http).toEqual({
      corsOrigins: ["https://research.example.org", "http://localhost:3000", "https://data.example.org"],
      metrics: { key: "k".repeat(16), listener: { host: "127.0.0.1", port: 9464 }, open: false },
      readOnly: true,
      graphqlIde: true,
    });
    expect(loadConfig({ MAILLAGE_GRAPHQL_IDE: " no " }).http.graphqlIde).toBe(false);
    expect(loadConfig({ MAILLAGE_CORS_ORIGINS: "*", NODE_ENV: "production" }).http.corsOrigins).toBe("*");
    expect(loadConfig({ MAILLAGE_METRICS_PORT: "0", MAILLAGE_METRICS_HOST: "0.0.0.0" }).http.metrics.listener).toEqual({ host: "0.0.0.0", port: 0 });
  });

  it("names the HTTP edge variable and the form expected when a value is wrong", () => {
    expect(() => loadConfig({ MAILLAGE_CORS_ORIGINS: "https://a.org/api" })).toThrow(
      'Invalid configuration: MAILLAGE_CORS_ORIGINS must be * or a comma list of origins such as https://example.org or http://localhost:3000 (no path); got "https://a.org/api"',
    );
    expect(() => loadConfig({ MAILLAGE_CORS_ORIGINS: "example.org" })).toThrow('MAILLAGE_CORS_ORIGINS must be * or a comma list of origins');
    expect(() => loadConfig({ MAILLAGE_CORS_ORIGINS: "ftp://a.org" })).toThrow('got "ftp://a.org"');
    expect(() => loadConfig({ MAILLAGE_METRICS_KEY: "short" })).toThrow(
      "Invalid configuration: MAILLAGE_METRICS_KEY must be at least 16 characters without spaces; got 5 characters",
    );
    expect(() => loadConfig({ MAILLAGE_METRICS_PORT: "99999" })).toThrow('MAILLAGE_METRICS_PORT must be an integer port between 0 and 65535; got "99999"');
    expect(() => loadConfig({ MAILLAGE_METRICS_HOST: "0.0.0.0" })).toThrow('MAILLAGE_METRICS_HOST is set ("0.0.0.0") but MAILLAGE_METRICS_PORT is not; set both');
    expect(() => loadConfig({ MAILLAGE_READ_ONLY: "sometimes" })).toThrow('MAILLAGE_READ_ONLY must be true or false; got "sometimes"');
    expect(() => loadConfig({ MAILLAGE_GRAPHQL_IDE: "on" })).toThrow('Invalid configuration: MAILLAGE_GRAPHQL_IDE must be true or false; got "on"');
  });
});

describe("MAILLAGE_JWT_MAX_LIFETIME", () => {
  const jwt = { MAILLAGE_JWT_SECRET: "a-test-secret-of-at-least-32-characters!" };
  it("defaults to 24 h and reads seconds or a unit", () => {
    expect(loadConfig(jwt).auth.jwt?.maxLifetimeS).toBe(86_400);
    expect(loadConfig({ ...jwt, MAILLAGE_JWT_MAX_LIFETIME: "900" }).auth.jwt?.maxLifetimeS).toBe(900);
    expect(loadConfig({ ...jwt, MAILLAGE_JWT_MAX_LIFETIME: "12h" }).auth.jwt?.maxLifetimeS).toBe(43_200);
    expect(loadConfig({ ...jwt, MAILLAGE_JWT_MAX_LIFETIME: "7d" }).auth.jwt?.maxLifetimeS).toBe(604_800);
  });

  it.each(["0", "12 hours", "-5m", "1.5h"])("names the variable and the form expected when given %s", (value) => {
    expect(() => loadConfig({ ...jwt, MAILLAGE_JWT_MAX_LIFETIME: value })).toThrow(
      `Invalid configuration: MAILLAGE_JWT_MAX_LIFETIME must be a duration of at least 1 s and at most 10 years, in seconds or with a unit (90s, 30m, 12h, 7d); got "${value}"`,
    );
  });
});

describe("quotas and trusted documents", () => {
  it("reads the quotas, the analytics caps and the proxy trust, with their defaults", () => {
    expect(loadConfig({}).quotas).toEqual({
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
    expect(loadConfig({}).limits.maxAnalyticsFields).toBe(2);
    const config = loadConfig({
      MAILLAGE_QUOTAS: "false",
      MAILLAGE_QUOTA_WINDOW_SECONDS: "10",
      MAILLAGE_QUOTA_ANONYMOUS_REQUESTS: "20",
      MAILLAGE_QUOTA_ANONYMOUS_COST: "30000",
      MAILLAGE_QUOTA_KEY_REQUESTS: "200",
      MAILLAGE_QUOTA_KEY_COST: "300000",
      MAILLAGE_ANALYTICS_PER_CLIENT: "2",
      MAILLAGE_ANALYTICS_CONCURRENCY: "4",
      MAILLAGE_EXPENSIVE_COST: "5000",
      MAILLAGE_EXPENSIVE_CONCURRENCY: "8",
      MAILLAGE_TRUST_PROXY: "true",
      MAILLAGE_MAX_ANALYTICS_FIELDS: "1",
    });
    expect(config.quotas).toEqual({
      enabled: false,
      windowSeconds: 10,
      anonymous: { requests: 20, cost: 30_000 },
      keyed: { requests: 200, cost: 300_000 },
      analyticsPerClient: 2,
      analyticsInProcess: 4,
      expensiveCost: 5_000,
      expensiveInProcess: 8,
      trustProxy: true,
    });
    expect(config.limits.maxAnalyticsFields).toBe(1);
    expect(() => loadConfig({ MAILLAGE_QUOTA_ANONYMOUS_COST: "lots" })).toThrow(
      'Invalid configuration: MAILLAGE_QUOTA_ANONYMOUS_COST must be a whole number between 1 and 100000000; got "lots"',
    );
    expect(() => loadConfig({ MAILLAGE_TRUST_PROXY: "2" })).toThrow('Invalid configuration: MAILLAGE_TRUST_PROXY must be true or false; got "2"');
  });

  it("loads the trusted documents only when asked, and stops on a bad manifest naming the variable", () => {
    expect(loadConfig({}).trustedDocuments).toBeNull();
    const documents = loadConfig({ MAILLAGE_TRUSTED_DOCUMENTS: "true" }).trustedDocuments!;
    expect(documents.size).toBeGreaterThan(10);
    const dir = mkdtempSync(join(tmpdir(), "maillage-config-"));
    const file = join(dir, "bad.json");
    writeFileSync(file, JSON.stringify({ format: "apollo-persisted-query-manifest", version: 1, operations: [{ id: "abc", name: "X", type: "query", body: "{ sdgs { number } }" }] }));
    expect(() => loadConfig({ MAILLAGE_TRUSTED_DOCUMENTS: "true", MAILLAGE_TRUSTED_DOCUMENTS_FILE: file })).toThrow(
      `Invalid configuration: MAILLAGE_TRUSTED_DOCUMENTS_FILE names ${file}, whose operations[0].id must be the sha256 (hex) of its body; got "abc"`,
    );
    expect(() => loadConfig({ MAILLAGE_TRUSTED_DOCUMENTS_FILE: file })).toThrow(`MAILLAGE_TRUSTED_DOCUMENTS_FILE is set ("${file}") but MAILLAGE_TRUSTED_DOCUMENTS is not true`);
    expect(() => loadConfig({ MAILLAGE_TRUSTED_DOCUMENTS: "true", MAILLAGE_TRUSTED_DOCUMENTS_FILE: join(dir, "missing.json") })).toThrow(/MAILLAGE_TRUSTED_DOCUMENTS_FILE names a manifest that cannot be read as JSON/);
  });
});
