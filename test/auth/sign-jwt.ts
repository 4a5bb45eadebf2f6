import { createHmac } from "node:crypto";
import { JWT_SECRET } from "./auth-support";

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

/**
 * An HS256 JWT for tests: `claims` as given, plus `sub` "user-42" and `exp` in an hour unless
 * set (pass `undefined` to leave one out). `secret` may be any bytes (a PEM, to try algorithm confusion).
 * Usage: `signJwt({ role: "editor" })`, `signJwt({ role: "admin", exp: past }, "other secret")`.
 */
export function signJwt(claims: Record<string, unknown>, secret: string | Buffer = JWT_SECRET, header: Record<string, unknown> = { alg: "HS256", typ: "JWT" }): string {
  const payload = { sub: "user-42", exp: Math.floor(Date.now() / 1000) + 3600, ...claims };
  for (const key of Object.keys(payload) as (keyof typeof payload)[]) if (payload[key] === undefined) delete payload[key];
  const signingInput = `${encode(header)}.${encode(payload)}`;
  const digest = { HS256: "sha256", HS384: "sha384", HS512: "sha512" }[header.alg as string] ?? "sha256";
  return `${signingInput}.${createHmac(digest, secret).update(signingInput).digest("base64url")}`;
}
