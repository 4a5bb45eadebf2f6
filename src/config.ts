/**
 * Environment → typed configuration, validated once at start.
 * Usage: `const config = loadConfig(process.env);`
 * A bad value stops the process with a message naming the variable and what it accepts.
 */
export interface Config extends Neo4jSettings, DriverTimeouts {
  port: number;
  /** Start the embedded Neo4j when nothing answers at a loopback NEO4J_URI (npm start only). */
  autoStartDatabase: boolean;
  production: boolean;
  /** A pino level; the entry point applies it to the logger. */
  logLevel: LogLevel;
  /** Log lines as JSON, readable (pino-pretty), or readable only on a terminal (see src/logger.ts). */
  logFormat: LogFormat;
  /** Query limits: depth, aliases, directives, tokens, cost (see src/graphql/limits.ts). */
  limits: Limits;
  /** Largest request body accepted, in bytes. */
  maxBodyBytes: number;
  /** API keys, JWT verification, whether reads need a key (see src/auth/auth.config.ts). */
  auth: AuthConfig;
  /** CORS allowlist, who may read /metrics, read-only mode, the GraphQL IDE (see src/http/http.config.ts). */
  http: HttpConfig;
  /** Request and cost quotas per client, analytics caps, proxy trust (see src/quota/quota.config.ts). */
  quotas: QuotaConfig;
  /** Registered documents when only they may run, else null (see src/graphql/trusted-documents.ts). */
  trustedDocuments: TrustedDocuments | null;
  /** Exports streaming at once (GET /export/*); one more is answered 429. */
  maxConcurrentExports: number;
  /** Base of every IRI in the linked-data exports (JSON-LD, Turtle): MAILLAGE_LD_BASE. */
  ldBase: string;
  /** Recorded views (asRecordedOn, release) a server keeps materialised at once: MAILLAGE_HISTORY_VIEWS (src/history/view). */
  historyViews: number;
}

import { DEFAULT_LIMITS, Limits } from "./graphql/limits";
import { AuthConfig, loadAuthConfig } from "./auth/auth.config";
import { loadQuotaConfig, QuotaConfig } from "./quota/quota.config";
import { loadTrustedDocuments, TrustedDocuments } from "./graphql/trusted-documents";
import { ConfigError, parseBaseIri, parseBoolean, parseChoice, parseCount, parseMillis, parsePort } from "./common/config-parse";
import { DEFAULT_LD_BASE } from "./linked-data/iri";
import { DEFAULT_HISTORY_VIEWS, MAX_SLOT } from "./history/view/view-settings";
import { LOG_FORMATS, LogFormat } from "./logger";
import { HttpConfig, loadHttpConfig } from "./http/http.config";
import { DriverTimeouts, Neo4jSettings, NEO4J_TIMEOUT_DEFAULTS } from "./neo4j/driver";

/** Exports streaming at once (GET /export/*) unless MAILLAGE_MAX_CONCURRENT_EXPORTS says otherwise. */
export const DEFAULT_MAX_CONCURRENT_EXPORTS = 2;

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const NEO4J_SCHEMES = ["bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc"];

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const neo4jUri = env.NEO4J_URI?.trim() || `bolt://127.0.0.1:${env.NEO4J_BOLT_PORT?.trim() || "7687"}`;
  const scheme = neo4jUri.split("://")[0];
  if (!neo4jUri.includes("://") || !NEO4J_SCHEMES.includes(scheme)) {
    throw new ConfigError("NEO4J_URI", `must start with one of ${NEO4J_SCHEMES.map((s) => s + "://").join(", ")}; got "${neo4jUri}"`);
  }
  return {
    neo4jUri,
    neo4jUser: env.NEO4J_USER?.trim() || "neo4j",
    neo4jPassword: env.NEO4J_PASSWORD ?? "password",
    neo4jDatabase: env.NEO4J_DATABASE?.trim() || undefined,
    port: parsePort("PORT", env.PORT, 4000),
    autoStartDatabase: parseBoolean("MAILLAGE_AUTOSTART_DB", env.MAILLAGE_AUTOSTART_DB, true),
    production: env.NODE_ENV === "production",
    logLevel: parseChoice("LOG_LEVEL", env.LOG_LEVEL, LOG_LEVELS, env.NODE_ENV === "test" ? "silent" : "info"),
    logFormat: parseChoice("MAILLAGE_LOG_FORMAT", env.MAILLAGE_LOG_FORMAT, LOG_FORMATS, "auto"),
    ...loadNeo4jTimeouts(env),
    limits: {
      maxDepth: parseCount("MAILLAGE_MAX_DEPTH", env.MAILLAGE_MAX_DEPTH, DEFAULT_LIMITS.maxDepth),
      maxAliases: parseCount("MAILLAGE_MAX_ALIASES", env.MAILLAGE_MAX_ALIASES, DEFAULT_LIMITS.maxAliases),
      maxDirectives: parseCount("MAILLAGE_MAX_DIRECTIVES", env.MAILLAGE_MAX_DIRECTIVES, DEFAULT_LIMITS.maxDirectives),
      maxTokens: parseCount("MAILLAGE_MAX_TOKENS", env.MAILLAGE_MAX_TOKENS, DEFAULT_LIMITS.maxTokens),
      maxCost: parseCount("MAILLAGE_MAX_COST", env.MAILLAGE_MAX_COST, DEFAULT_LIMITS.maxCost),
      maxAnalyticsFields: parseCount("MAILLAGE_MAX_ANALYTICS_FIELDS", env.MAILLAGE_MAX_ANALYTICS_FIELDS, DEFAULT_LIMITS.maxAnalyticsFields),
    },
    maxBodyBytes: parseCount("MAILLAGE_MAX_BODY_BYTES", env.MAILLAGE_MAX_BODY_BYTES, 1_000_000),
    auth: loadAuthConfig(env),
    http: loadHttpConfig(env, env.NODE_ENV === "production"),
    quotas: loadQuotaConfig(env),
    trustedDocuments: loadTrustedDocuments(env),
    maxConcurrentExports: parseCount("MAILLAGE_MAX_CONCURRENT_EXPORTS", env.MAILLAGE_MAX_CONCURRENT_EXPORTS, DEFAULT_MAX_CONCURRENT_EXPORTS),
    ldBase: parseBaseIri("MAILLAGE_LD_BASE", env.MAILLAGE_LD_BASE, DEFAULT_LD_BASE),
    historyViews: parseCount("MAILLAGE_HISTORY_VIEWS", env.MAILLAGE_HISTORY_VIEWS, DEFAULT_HISTORY_VIEWS, MAX_SLOT),
  };
}


function loadNeo4jTimeouts(env: NodeJS.ProcessEnv): DriverTimeouts {
  const defaults = NEO4J_TIMEOUT_DEFAULTS;
  const neo4jConnectionTimeoutMs = parseMillis("NEO4J_CONNECTION_TIMEOUT_MS", env.NEO4J_CONNECTION_TIMEOUT_MS, defaults.neo4jConnectionTimeoutMs, 1);
  const neo4jAcquisitionTimeoutMs = parseMillis(
    "NEO4J_ACQUISITION_TIMEOUT_MS",
    env.NEO4J_ACQUISITION_TIMEOUT_MS,
    Math.max(defaults.neo4jAcquisitionTimeoutMs, neo4jConnectionTimeoutMs),
    1,
  );
  if (neo4jAcquisitionTimeoutMs < neo4jConnectionTimeoutMs) {
    // The driver counts opening a connection inside the acquisition time.
    throw new ConfigError(
      "NEO4J_ACQUISITION_TIMEOUT_MS",
      `must be at least NEO4J_CONNECTION_TIMEOUT_MS (${neo4jConnectionTimeoutMs}); got "${neo4jAcquisitionTimeoutMs}"`,
    );
  }
  return {
    neo4jConnectionTimeoutMs,
    neo4jAcquisitionTimeoutMs,
    neo4jMaxRetryTimeMs: parseMillis("NEO4J_MAX_RETRY_TIME_MS", env.NEO4J_MAX_RETRY_TIME_MS, defaults.neo4jMaxRetryTimeMs, 0),
    neo4jTxTimeoutMs: parseMillis("NEO4J_TX_TIMEOUT_MS", env.NEO4J_TX_TIMEOUT_MS, defaults.neo4jTxTimeoutMs, 0),
  };
}
