import { createHmac } from "node:crypto";
import { JWT_SECRET } from "./auth-support";

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

/**
 * An HS256 JWT for tests: `claims` as given, plus `sub` "user-42" and `exp` in an hour unless
 * set (pass `undefined` to leave one out).
 * Usage: `signJwt({ role: "editor" })`, `signJwt({ role: "admin", exp: past }, "other secret")`.
 */
export function signJwt(claims: Record<string, unknown>, secret = JWT_SECRET, header: Record<string, unknown> = { alg: "HS256", typ: "JWT" }): string {
  const payload = { sub: "user-42", exp: Math.floor(Date.now() / 1000) + 3600, ...claims };
  for (const key of Object.keys(payload) as (keyof typeof payload)[]) if (payload[key] === undefined) delete payload[key];
  const signingInput = `${encode(header)}.${encode(payload)}`;
  return `${signingInput}.${createHmac("sha256", secret).update(signingInput).digest("base64url")}`;
}
