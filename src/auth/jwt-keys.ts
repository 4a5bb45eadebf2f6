import { createPublicKey, KeyObject } from "node:crypto";
import { readFileSync } from "node:fs";
import { ConfigError } from "../common/config-parse";

/** The algorithms a verification key may have: HMAC with a shared secret, or a public key (PEM, SPKI). */
export const JWT_ALGORITHMS = ["HS256", "HS384", "HS512", "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA"] as const;
export type JwtAlgorithm = (typeof JWT_ALGORITHMS)[number];

/** One key tokens may be verified with: always with its own algorithm, whatever a token's header claims. */
export interface JwtKey {
  /** Tokens name it in their `kid` header; undefined only for MAILLAGE_JWT_SECRET. */
  kid: string | undefined;
  alg: JwtAlgorithm;
  key: Uint8Array | KeyObject;
}

// The key type (and EC curve) each asymmetric family needs, so a PEM of the wrong kind stops the start, not a request.
const KEY_TYPES: Record<string, { types: string[]; curve?: Record<string, string> }> = {
  RS: { types: ["rsa"] },
  PS: { types: ["rsa", "rsa-pss"] },
  ES: { types: ["ec"], curve: { ES256: "prime256v1", ES384: "secp384r1", ES512: "secp521r1" } },
  Ed: { types: ["ed25519", "ed448"] },
};

/** MAILLAGE_JWT_SECRET as one HS256 key without kid. */
export function secretKey(secret: string): JwtKey {
  checkSecret("MAILLAGE_JWT_SECRET", "", secret, "HS256");
  return { kid: undefined, alg: "HS256", key: new TextEncoder().encode(secret) };
}

/**
 * MAILLAGE_JWT_KEYS_FILE: a JSON array of `{ "kid", "alg", "secret" }` (HS*) or
 * `{ "kid", "alg", "publicKey": "-----BEGIN PUBLIC KEY-----…" }` (RS*, PS*, ES*, EdDSA).
 * Never echoes a secret: messages name the entry by position and kid.
 */
export function readKeysFile(path: string): JwtKey[] {
  const variable = "MAILLAGE_JWT_KEYS_FILE";
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new ConfigError(variable, `must name a readable JSON file; reading "${path}" failed: ${(error as Error).message}`);
  }
  if (!Array.isArray(parsed) || parsed.length === 0 || parsed.some((entry) => typeof entry !== "object" || entry === null)) {
    throw new ConfigError(variable, `must hold a non-empty JSON array of { "kid", "alg", "secret" | "publicKey" } objects ("${path}")`);
  }
  const seen = new Set<string>();
  return parsed.map((entry: Record<string, unknown>, index) => {
    const where = `entry ${index + 1}`;
    if (typeof entry.kid !== "string" || !entry.kid.trim()) throw new ConfigError(variable, `${where} needs a "kid" (a non-empty string)`);
    const kid = entry.kid.trim();
    if (seen.has(kid)) throw new ConfigError(variable, `${where} repeats the kid "${kid}"`);
    seen.add(kid);
    const alg = entry.alg as JwtAlgorithm;
    if (!JWT_ALGORITHMS.includes(alg)) throw new ConfigError(variable, `${where} ("${kid}") has alg "${String(entry.alg)}"; expected one of ${JWT_ALGORITHMS.join(", ")}`);
    if (alg.startsWith("HS")) {
      if (entry.publicKey !== undefined) throw new ConfigError(variable, `${where} ("${kid}") is ${alg}: give "secret", not "publicKey"`);
      checkSecret(variable, `${where} ("${kid}") `, entry.secret, alg);
      return { kid, alg, key: new TextEncoder().encode(entry.secret as string) };
    }
    if (entry.secret !== undefined) throw new ConfigError(variable, `${where} ("${kid}") is ${alg}: give "publicKey" (PEM), not "secret"`);
    return { kid, alg, key: publicKey(variable, `${where} ("${kid}")`, entry.publicKey, alg) };
  });
}

// An HMAC secret at least as long as the hash (RFC 7518 §3.2): 32 characters for HS256, 48 for HS384, 64 for HS512.
function checkSecret(variable: string, where: string, secret: unknown, alg: JwtAlgorithm): void {
  const min = Number(alg.slice(2)) / 8;
  if (typeof secret !== "string" || secret.length < min) {
    throw new ConfigError(variable, `${where}must be a secret of at least ${min} characters for ${alg}; got ${typeof secret === "string" ? `${secret.length}` : "none"}`);
  }
}

function publicKey(variable: string, where: string, pem: unknown, alg: JwtAlgorithm): KeyObject {
  if (typeof pem !== "string" || !pem.includes("-----BEGIN PUBLIC KEY-----")) {
    // A private key has no business on the API server: only the issuer signs.
    throw new ConfigError(variable, `${where} needs "publicKey": a PEM "-----BEGIN PUBLIC KEY-----" (SPKI) block`);
  }
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch (error) {
    throw new ConfigError(variable, `${where} has a publicKey that is not a valid PEM public key (${(error as Error).message})`);
  }
  const expected = KEY_TYPES[alg.slice(0, 2)];
  const curve = key.asymmetricKeyDetails?.namedCurve;
  if (!expected.types.includes(key.asymmetricKeyType ?? "") || (expected.curve && curve !== expected.curve[alg])) {
    const found = `${key.asymmetricKeyType}${curve ? ` (${curve})` : ""}`;
    throw new ConfigError(variable, `${where} is ${alg} but its publicKey is a ${found} key; expected ${expected.types.join(" or ")}${expected.curve ? ` (${expected.curve[alg]})` : ""}`);
  }
  return key;
}
