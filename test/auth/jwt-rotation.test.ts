import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SignJWT } from "jose";
import { loadAuthConfig } from "../../src/auth/auth.config";
import { authenticate } from "../../src/auth/authenticate";
import { Role } from "../../src/auth/viewer";
import { JWT_SECRET } from "./auth-support";
import { signJwt } from "./sign-jwt";

/** Defect 5: tokens that live too long, production settings, and verification keys that rotate. */
const NOW_S = Math.floor(Date.now() / 1000);
const HOUR = 3600;
const OLD_SECRET = "the-old-hs256-secret-0123456789abcdef";
const NEW_SECRET = "the-new-hs256-secret-0123456789abcdef";
const rsa = generateKeyPairSync("rsa", { modulusLength: 2048 });
const ec = generateKeyPairSync("ec", { namedCurve: "P-256" });
const ed = generateKeyPairSync("ed25519");
const pem = (pair: { publicKey: { export(o: object): string | Buffer } }) => pair.publicKey.export({ type: "spki", format: "pem" }).toString();

const dir = mkdtempSync(join(tmpdir(), "maillage-jwt-"));
let files = 0;
function keysFile(entries: unknown): string {
  const file = join(dir, `keys-${++files}.json`);
  writeFileSync(file, JSON.stringify(entries));
  return file;
}

async function outcome(token: string, env: NodeJS.ProcessEnv) {
  try {
    return await authenticate({ authorization: `Bearer ${token}` }, loadAuthConfig(env));
  } catch (error: any) {
    return { code: error.extensions?.code, message: error.message as string };
  }
}

describe("maximum token lifetime", () => {
  const env = { MAILLAGE_JWT_SECRET: JWT_SECRET };

  it("refuses a token issued for 100 years, saying so", async () => {
    const token = signJwt({ role: "admin", iat: NOW_S, exp: NOW_S + 100 * 365 * 24 * HOUR });
    expect(await outcome(token, env)).toEqual({
      code: "UNAUTHENTICATED",
      message: `Unauthenticated: the bearer token lives ${100 * 365 * 24 * HOUR} s; this server accepts tokens living at most 86400 s (exp − iat)`,
    });
  });

  it("accepts a day by default, and the configured maximum", async () => {
    expect(await outcome(signJwt({ role: "reader", iat: NOW_S, exp: NOW_S + 24 * HOUR }), env)).toMatchObject({ role: Role.READER });
    const twelveHours = { ...env, MAILLAGE_JWT_MAX_LIFETIME: "12h" };
    expect(await outcome(signJwt({ role: "reader", iat: NOW_S, exp: NOW_S + 12 * HOUR }), twelveHours)).toMatchObject({ role: Role.READER });
    expect(await outcome(signJwt({ role: "reader", iat: NOW_S, exp: NOW_S + 13 * HOUR }), twelveHours)).toMatchObject({ code: "UNAUTHENTICATED", message: expect.stringContaining("at most 43200 s") });
  });

  it("measures exp − iat even when most of it is spent, and exp − now without iat", async () => {
    // Issued 30 days ago for 31 days: one day left, but a 31-day token all the same.
    expect(await outcome(signJwt({ role: "reader", iat: NOW_S - 30 * 24 * HOUR, exp: NOW_S + 24 * HOUR }), env)).toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await outcome(signJwt({ role: "reader", exp: NOW_S + 23 * HOUR }), env)).toMatchObject({ role: Role.READER });
    expect(await outcome(signJwt({ role: "reader", exp: NOW_S + 25 * HOUR }), env)).toMatchObject({ code: "UNAUTHENTICATED", message: expect.stringContaining("lives") });
  });

  it("cannot be shortened by an iat in the future", async () => {
    const farExp = NOW_S + 100 * 365 * 24 * HOUR;
    expect(await outcome(signJwt({ role: "admin", iat: farExp - HOUR, exp: farExp }), env)).toMatchObject({ code: "UNAUTHENTICATED", message: expect.stringContaining("lives") });
  });
});

describe("production settings", () => {
  const production = { NODE_ENV: "production", MAILLAGE_JWT_SECRET: JWT_SECRET };

  it.each([
    [{ ...production }, /^Invalid configuration: MAILLAGE_JWT_ISSUER must be set in production/],
    [{ ...production, MAILLAGE_JWT_ISSUER: "https://id.example" }, /^Invalid configuration: MAILLAGE_JWT_AUDIENCE must be set in production/],
    [{ ...production, MAILLAGE_JWT_ISSUER: "https://id.example", MAILLAGE_JWT_AUDIENCE: "maillage", MAILLAGE_JWT_MAX_LIFETIME: "forever" }, /MAILLAGE_JWT_MAX_LIFETIME must be a duration .*; got "forever"/],
    [{ MAILLAGE_JWT_MAX_LIFETIME: "12h" }, /MAILLAGE_JWT_MAX_LIFETIME is set but no JWT key is/],
  ])("refuses %j at start", (env, message) => {
    expect(() => loadAuthConfig(env)).toThrow(message);
  });

  it("starts with issuer and audience, and then requires both in every token", async () => {
    const env = { ...production, MAILLAGE_JWT_ISSUER: "https://id.example", MAILLAGE_JWT_AUDIENCE: "maillage" };
    expect(loadAuthConfig(env).jwt).toMatchObject({ issuer: "https://id.example", audience: "maillage", maxLifetimeS: 86400 });
    expect(await outcome(signJwt({ role: "reader", iss: "https://id.example", aud: "maillage" }), env)).toMatchObject({ role: Role.READER });
    expect(await outcome(signJwt({ role: "reader", aud: "maillage" }), env)).toMatchObject({ code: "UNAUTHENTICATED", message: expect.stringContaining('"iss"') });
    expect(await outcome(signJwt({ role: "reader", iss: "https://id.example" }), env)).toMatchObject({ code: "UNAUTHENTICATED", message: expect.stringContaining('"aud"') });
  });

  it("needs neither JWT setting when JWTs are off", () => {
    expect(loadAuthConfig({ NODE_ENV: "production" }).jwt).toBeUndefined();
  });
});

describe("several verification keys", () => {
  const oldKey = { kid: "2026-old", alg: "HS256", secret: OLD_SECRET };
  const newKey = { kid: "2026-new", alg: "HS256", secret: NEW_SECRET };
  const hs = (secret: string, kid?: string) => signJwt({ role: "editor" }, secret, { alg: "HS256", typ: "JWT", ...(kid && { kid }) });

  it("rotate without downtime: old and new both accepted, then the old one refused once removed", async () => {
    const both = { MAILLAGE_JWT_KEYS_FILE: keysFile([oldKey, newKey]) };
    expect(await outcome(hs(OLD_SECRET, "2026-old"), both)).toMatchObject({ role: Role.EDITOR });
    expect(await outcome(hs(NEW_SECRET, "2026-new"), both)).toMatchObject({ role: Role.EDITOR });
    const newOnly = { MAILLAGE_JWT_KEYS_FILE: keysFile([newKey]) };
    expect(await outcome(hs(NEW_SECRET, "2026-new"), newOnly)).toMatchObject({ role: Role.EDITOR });
    expect(await outcome(hs(OLD_SECRET, "2026-old"), newOnly)).toMatchObject({ code: "UNAUTHENTICATED", message: expect.stringContaining("key id (kid) is not one this server accepts") });
  });

  it("check a token against the key its kid names, not another", async () => {
    const both = { MAILLAGE_JWT_KEYS_FILE: keysFile([oldKey, newKey]) };
    expect(await outcome(hs(NEW_SECRET, "2026-old"), both)).toMatchObject({ code: "UNAUTHENTICATED", message: expect.stringContaining("not a valid token") });
    expect(await outcome(hs(NEW_SECRET, "unknown"), both)).toMatchObject({ code: "UNAUTHENTICATED", message: expect.stringContaining("kid") });
  });

  it("try a token without kid only when exactly one key has its algorithm", async () => {
    expect(await outcome(hs(NEW_SECRET), { MAILLAGE_JWT_KEYS_FILE: keysFile([newKey]) })).toMatchObject({ role: Role.EDITOR });
    expect(await outcome(hs(NEW_SECRET), { MAILLAGE_JWT_KEYS_FILE: keysFile([oldKey, newKey]) })).toMatchObject({ code: "UNAUTHENTICATED", message: expect.stringContaining("must name its key") });
    // MAILLAGE_JWT_SECRET is one HS256 key without kid, alongside a file's keys.
    const secretAndRsa = { MAILLAGE_JWT_SECRET: JWT_SECRET, MAILLAGE_JWT_KEYS_FILE: keysFile([{ kid: "rsa-1", alg: "RS256", publicKey: pem(rsa) }]) };
    expect(await outcome(hs(JWT_SECRET), secretAndRsa)).toMatchObject({ role: Role.EDITOR });
  });

  it.each([
    ["RS256", rsa, generateKeyPairSync("rsa", { modulusLength: 2048 })],
    ["ES256", ec, generateKeyPairSync("ec", { namedCurve: "P-256" })],
    ["EdDSA", ed, generateKeyPairSync("ed25519")],
  ] as const)("accept %s tokens signed by the private half of a configured public key, and no other", async (alg, pair, stranger) => {
    const env = { MAILLAGE_JWT_KEYS_FILE: keysFile([{ kid: `${alg}-1`, alg, publicKey: pem(pair) }]) };
    const token = await new SignJWT({ role: "admin" }).setProtectedHeader({ alg, kid: `${alg}-1` }).setSubject("svc-7").setIssuedAt().setExpirationTime("1h").sign(pair.privateKey);
    expect(await outcome(token, env)).toEqual({ role: Role.ADMIN, subject: "svc-7", caller: { kind: "jwt", id: "svc-7" } });
    const forged = await new SignJWT({ role: "admin" }).setProtectedHeader({ alg, kid: `${alg}-1` }).setSubject("svc-7").setExpirationTime("1h").sign(stranger.privateKey);
    expect(await outcome(forged, env)).toMatchObject({ code: "UNAUTHENTICATED", message: expect.stringContaining("not a valid token") });
  });

  it("never let a token choose the algorithm: HS256 signed with the RSA public key is refused", async () => {
    const env = { MAILLAGE_JWT_KEYS_FILE: keysFile([{ kid: "rsa-1", alg: "RS256", publicKey: pem(rsa) }]) };
    const confused = signJwt({ role: "admin" }, pem(rsa), { alg: "HS256", typ: "JWT", kid: "rsa-1" });
    expect(await outcome(confused, env)).toMatchObject({ code: "UNAUTHENTICATED", message: expect.stringContaining("not a valid token") });
    const unsigned = `${Buffer.from('{"alg":"none","kid":"rsa-1"}').toString("base64url")}.${Buffer.from(`{"role":"admin","sub":"x","exp":${NOW_S + HOUR}}`).toString("base64url")}.`;
    expect(await outcome(unsigned, env)).toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it.each([
    [[{ alg: "HS256", secret: NEW_SECRET }], /entry 1 needs a "kid"/],
    [[oldKey, { ...newKey, kid: "2026-old" }], /entry 2 repeats the kid "2026-old"/],
    [[{ kid: "k", alg: "none", secret: NEW_SECRET }], /entry 1 \("k"\) has alg "none"; expected one of HS256/],
    [[{ kid: "k", alg: "HS512", secret: NEW_SECRET }], /entry 1 \("k"\) must be a secret of at least 64 characters for HS512; got 37/],
    [[{ kid: "k", alg: "RS256", secret: NEW_SECRET }], /entry 1 \("k"\) is RS256: give "publicKey" \(PEM\), not "secret"/],
    [[{ kid: "k", alg: "RS256", publicKey: pem(ec) }], /entry 1 \("k"\) is RS256 but its publicKey is a ec \(prime256v1\) key; expected rsa/],
    [[{ kid: "k", alg: "ES384", publicKey: pem(ec) }], /is ES384 but its publicKey is a ec \(prime256v1\) key; expected ec \(secp384r1\)/],
    [[{ kid: "k", alg: "RS256", publicKey: rsa.privateKey.export({ type: "pkcs8", format: "pem" }).toString() }], /needs "publicKey": a PEM "-----BEGIN PUBLIC KEY-----"/],
    [[], /must hold a non-empty JSON array/],
  ])("refuse a keys file %j at start, without echoing a secret", (entries, message) => {
    expect(() => loadAuthConfig({ MAILLAGE_JWT_KEYS_FILE: keysFile(entries) })).toThrow(message);
    expect(() => loadAuthConfig({ MAILLAGE_JWT_KEYS_FILE: keysFile(entries) })).toThrow(/^(?!.*(the-new-hs256|PRIVATE KEY-----\n[A-Za-z0-9]))/s);
  });
});
