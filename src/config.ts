/**
 * Environment → typed configuration, validated once at start.
 * Usage: `const config = loadConfig(process.env);`
 * A bad value stops the process with a message naming the variable and what it accepts.
 */
export interface Config {
  neo4jUri: string;
  neo4jUser: string;
  neo4jPassword: string;
  neo4jDatabase: string | undefined;
  port: number;
  /** Start the embedded Neo4j when nothing answers at a loopback NEO4J_URI (npm start only). */
  autoStartDatabase: boolean;
  production: boolean;
  logLevel: string;
}

const NEO4J_SCHEMES = ["bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc"];

export class ConfigError extends Error {
  constructor(variable: string, problem: string) {
    super(`Invalid configuration: ${variable} ${problem}`);
    this.name = "ConfigError";
  }
}

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
    logLevel: env.LOG_LEVEL?.trim() || (env.NODE_ENV === "test" ? "silent" : "info"),
  };
}

function parsePort(variable: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw.trim() === "") return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(variable, `must be an integer port between 0 and 65535; got "${raw}"`);
  }
  return port;
}

function parseBoolean(variable: string, raw: string | undefined, fallback: boolean): boolean {
  if (raw === undefined || raw.trim() === "") return fallback;
  if (["1", "true", "yes"].includes(raw.toLowerCase())) return true;
  if (["0", "false", "no"].includes(raw.toLowerCase())) return false;
  throw new ConfigError(variable, `must be true or false; got "${raw}"`);
}
