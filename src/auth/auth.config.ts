import { readFileSync } from "node:fs";
import { ConfigError, parseBoolean, parseDurationSeconds } from "../common/config-parse";
import { JwtKey, readKeysFile, secretKey } from "./jwt-keys";
import { Role, parseRole, GRANTABLE_ROLES } from "./viewer";
import { ApiKey, hashKey } from "./api-keys";

/**
 * Who may call the API, from the environment, validated once at start (loadConfig calls it).
 * Usage: `createServer(executor, { auth: config.auth })`.
 *
 *   MAILLAGE_API_KEYS           comma list of role:key (`editor:3f9c…,admin:77ab…`)
 *   MAILLAGE_API_KEYS_FILE      or a JSON file: [{ "role": "editor", "key": "…", "name": "ingest-bot" }]
 *   MAILLAGE_JWT_SECRET         HS256 secret (≥ 32 characters) to accept `Authorization: Bearer <jwt>`
 *   MAILLAGE_JWT_KEYS_FILE      and/or a JSON file of verification keys picked by `kid` (see jwt-keys.ts): rotation
 *   MAILLAGE_JWT_ISSUER         the `iss` tokens must carry (required in production when JWTs are on)
 *   MAILLAGE_JWT_AUDIENCE       the `aud` tokens must carry (required in production when JWTs are on)
 *   MAILLAGE_JWT_MAX_LIFETIME   longest lifetime accepted, exp − iat (exp − now without iat): 3600, 12h… (default 24h)
 *   MAILLAGE_READS_REQUIRE_KEY  true: anonymous requests are refused, reads need a READER credential
 */
export interface AuthConfig {
  apiKeys: ApiKey[];
  jwt: JwtConfig | undefined;
  readsRequireKey: boolean;
}

export interface JwtConfig {
  /** The verification keys; a token picks one by its `kid` header. */
  keys: JwtKey[];
  issuer: string | undefined;
  audience: string | undefined;
  /** Tokens meant to live longer than this (seconds) are refused. */
  maxLifetimeS: number;
}

/** MAILLAGE_JWT_MAX_LIFETIME when unset, in development and production alike: a stolen token is worth a day at most. */
export const DEFAULT_JWT_MAX_LIFETIME_S = 24 * 3600;

/** No keys, no JWTs, public reads: every request is anonymous, so nothing can be written. */
export const NO_AUTH: AuthConfig = Object.freeze({ apiKeys: [], jwt: undefined, readsRequireKey: false });

const MIN_KEY_LENGTH = 16;

export function loadAuthConfig(env: NodeJS.ProcessEnv): AuthConfig {
  const inline = env.MAILLAGE_API_KEYS?.trim();
  const file = env.MAILLAGE_API_KEYS_FILE?.trim();
  if (inline && file) throw new ConfigError("MAILLAGE_API_KEYS", "and MAILLAGE_API_KEYS_FILE are both set; use one");
  const entries = inline ? parseKeyList(inline) : file ? readKeyFile(file) : [];
  const readsRequireKey = parseBoolean("MAILLAGE_READS_REQUIRE_KEY", env.MAILLAGE_READS_REQUIRE_KEY, false);
  const jwt = loadJwt(env);
  if (readsRequireKey && entries.length === 0 && !jwt) {
    throw new ConfigError("MAILLAGE_READS_REQUIRE_KEY", "is true but no credential is configured (set MAILLAGE_API_KEYS, MAILLAGE_API_KEYS_FILE, MAILLAGE_JWT_SECRET or MAILLAGE_JWT_KEYS_FILE)");
  }
  return { apiKeys: toApiKeys(entries, inline ? "MAILLAGE_API_KEYS" : "MAILLAGE_API_KEYS_FILE"), jwt, readsRequireKey };
}

interface KeyEntry {
  role: unknown;
  key: unknown;
  name?: unknown;
}

function parseKeyList(raw: string): KeyEntry[] {
  return raw
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean)
    .map((item, index) => {
      const colon = item.indexOf(":");
      if (colon < 0) throw new ConfigError("MAILLAGE_API_KEYS", `entry ${index + 1} must be role:key; got an entry without ":"`);
      return { role: item.slice(0, colon), key: item.slice(colon + 1) };
    });
}

function readKeyFile(path: string): KeyEntry[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new ConfigError("MAILLAGE_API_KEYS_FILE", `must name a readable JSON file; reading "${path}" failed: ${(error as Error).message}`);
  }
  if (!Array.isArray(parsed) || parsed.some((entry) => typeof entry !== "object" || entry === null)) {
    throw new ConfigError("MAILLAGE_API_KEYS_FILE", `must hold a JSON array of { "role", "key", "name"? } objects ("${path}")`);
  }
  return parsed as KeyEntry[];
}

// Never echoes a key: messages name the entry by position (and name) only.
function toApiKeys(entries: KeyEntry[], variable: string): ApiKey[] {
  const seen = new Set<string>();
  return entries.map((entry, index) => {
    const where = `entry ${index + 1}${typeof entry.name === "string" ? ` ("${entry.name}")` : ""}`;
    const role = parseRole(entry.role);
    if (!role) throw new ConfigError(variable, `${where} has role "${String(entry.role)}"; expected one of ${GRANTABLE_ROLES.join(", ")}`);
    if (typeof entry.key !== "string" || entry.key.trim().length < MIN_KEY_LENGTH) {
      throw new ConfigError(variable, `${where} has a key shorter than ${MIN_KEY_LENGTH} characters`);
    }
    if (entry.name !== undefined && (typeof entry.name !== "string" || !entry.name.trim())) {
      throw new ConfigError(variable, `${where} has a name that is not a non-empty string`);
    }
    const hash = hashKey(entry.key.trim());
    if (seen.has(hash.toString("hex"))) throw new ConfigError(variable, `${where} repeats a key given earlier`);
    seen.add(hash.toString("hex"));
    const name = typeof entry.name === "string" ? entry.name.trim() : `${role}-key-${index + 1}`;
    return { role: role as Role, hash, name };
  });
}

function loadJwt(env: NodeJS.ProcessEnv): JwtConfig | undefined {
  const secret = env.MAILLAGE_JWT_SECRET;
  const file = env.MAILLAGE_JWT_KEYS_FILE?.trim();
  const issuer = env.MAILLAGE_JWT_ISSUER?.trim() || undefined;
  const audience = env.MAILLAGE_JWT_AUDIENCE?.trim() || undefined;
  const keys = [...(secret ? [secretKey(secret)] : []), ...(file ? readKeysFile(file) : [])];
  if (keys.length === 0) {
    for (const variable of ["MAILLAGE_JWT_ISSUER", "MAILLAGE_JWT_AUDIENCE", "MAILLAGE_JWT_MAX_LIFETIME"]) {
      if (env[variable]?.trim()) throw new ConfigError(variable, "is set but no JWT key is (MAILLAGE_JWT_SECRET or MAILLAGE_JWT_KEYS_FILE)");
    }
    return undefined;
  }
  if (env.NODE_ENV === "production") {
    // A token minted for another service of the same issuer, or by another issuer sharing a key, must not pass here.
    if (!issuer) throw new ConfigError("MAILLAGE_JWT_ISSUER", "must be set in production (NODE_ENV=production) when JWTs are accepted; got nothing");
    if (!audience) throw new ConfigError("MAILLAGE_JWT_AUDIENCE", "must be set in production (NODE_ENV=production) when JWTs are accepted; got nothing");
  }
  const maxLifetimeS = parseDurationSeconds("MAILLAGE_JWT_MAX_LIFETIME", env.MAILLAGE_JWT_MAX_LIFETIME, DEFAULT_JWT_MAX_LIFETIME_S);
  return { keys, issuer, audience, maxLifetimeS };
}
