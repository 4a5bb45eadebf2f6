import { ConfigError, parseBoolean, parsePort } from "../common/config-parse";

/**
 * The HTTP edge's settings, from the environment (loadConfig calls loadHttpConfig):
 *
 *   MAILLAGE_CORS_ORIGINS   comma list of origins (`https://a.org,https://b.org`) or `*`;
 *                           default `*` in development, same origin only in production
 *   MAILLAGE_METRICS_KEY    bearer key that GET /metrics then requires (≥ 16 characters)
 *   MAILLAGE_METRICS_PORT   serve /metrics on its own listener at this port, not the main one
 *   MAILLAGE_METRICS_HOST   that listener's address (default 127.0.0.1)
 *   MAILLAGE_READ_ONLY      true: every mutation is refused (a public mirror)
 *   MAILLAGE_GRAPHQL_IDE    true: the GraphQL IDE at GET /graphql for browsers, and introspection
 *                           (which it needs); default true in development, false in production
 *
 * With neither key nor port, /metrics is open on the main listener in development and not
 * served at all in production.
 */
export interface HttpConfig {
  /** Origins allowed to call /graphql and /export from a browser: "*", a list, or [] (same origin only). */
  corsOrigins: "*" | string[];
  metrics: MetricsAccess;
  readOnly: boolean;
  /** The GraphQL IDE for browsers at GET /graphql, together with introspection (its docs and autocomplete). */
  graphqlIde: boolean;
}

export interface MetricsAccess {
  /** Bearer key required to read /metrics. */
  key?: string;
  /** A separate listener for /metrics (the main one then does not serve it). */
  listener?: { host: string; port: number };
  /** With neither key nor listener: whether the main listener serves /metrics to anyone. */
  open: boolean;
}

const MIN_METRICS_KEY_LENGTH = 16;

/** The defaults when nothing is configured: development keeps yesterday's behaviour, production opens nothing. */
export function defaultHttpConfig(production: boolean): HttpConfig {
  return { corsOrigins: production ? [] : "*", metrics: { open: !production }, readOnly: false, graphqlIde: !production };
}

export function loadHttpConfig(env: NodeJS.ProcessEnv, production: boolean): HttpConfig {
  const defaults = defaultHttpConfig(production);
  return {
    corsOrigins: parseOrigins("MAILLAGE_CORS_ORIGINS", env.MAILLAGE_CORS_ORIGINS, defaults.corsOrigins),
    metrics: loadMetricsAccess(env, defaults.metrics.open),
    readOnly: parseBoolean("MAILLAGE_READ_ONLY", env.MAILLAGE_READ_ONLY, false),
    graphqlIde: parseBoolean("MAILLAGE_GRAPHQL_IDE", env.MAILLAGE_GRAPHQL_IDE, defaults.graphqlIde),
  };
}

function loadMetricsAccess(env: NodeJS.ProcessEnv, open: boolean): MetricsAccess {
  const key = env.MAILLAGE_METRICS_KEY?.trim() || undefined;
  if (key !== undefined && (key.length < MIN_METRICS_KEY_LENGTH || /\s/.test(key))) {
    // The key itself is not quoted: it is a secret.
    throw new ConfigError("MAILLAGE_METRICS_KEY", `must be at least ${MIN_METRICS_KEY_LENGTH} characters without spaces; got ${key.length} characters`);
  }
  const rawPort = env.MAILLAGE_METRICS_PORT?.trim();
  const host = env.MAILLAGE_METRICS_HOST?.trim();
  if (host && !rawPort) throw new ConfigError("MAILLAGE_METRICS_HOST", `is set ("${host}") but MAILLAGE_METRICS_PORT is not; set both`);
  const listener = rawPort ? { host: host || "127.0.0.1", port: parsePort("MAILLAGE_METRICS_PORT", rawPort, 0) } : undefined;
  return { key, listener, open };
}

/** `*`, or a comma list of origins (`scheme://host[:port]`, no path), each checked. */
function parseOrigins(variable: string, raw: string | undefined, fallback: "*" | string[]): "*" | string[] {
  if (raw === undefined || raw.trim() === "") return fallback;
  if (raw.trim() === "*") return "*";
  return raw
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean)
    .map((origin) => {
      let parsed: URL | undefined;
      try {
        parsed = new URL(origin);
      } catch {
        parsed = undefined;
      }
      if (!parsed || !["http:", "https:"].includes(parsed.protocol) || parsed.origin !== origin.replace(/\/$/, "").toLowerCase()) {
        throw new ConfigError(variable, `must be * or a comma list of origins such as https://example.org or http://localhost:3000 (no path); got "${origin}"`);
      }
      return parsed.origin;
    });
}
