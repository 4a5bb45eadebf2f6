import { decodeProtectedHeader, errors, jwtVerify, ProtectedHeaderParameters } from "jose";
import type { JwtConfig } from "./auth.config";
import { UnauthenticatedError } from "./auth.errors";
import type { JwtKey } from "./jwt-keys";
import { highestRole, parseRole, Viewer } from "./viewer";

/** Clock skew tolerated on `exp`, `nbf` and the maximum lifetime, in seconds. */
const CLOCK_TOLERANCE_S = 5;

/**
 * The viewer a bearer token stands for, verified with jose: signed by one of the configured
 * keys, picked by the token's `kid` header (without `kid`, by its `alg` when exactly one key
 * has it) and always checked with that key's own algorithm, so no `none` and no algorithm
 * confusion; with `exp` and `sub`, `nbf` reached, the configured `iss`/`aud`, a lifetime
 * within the maximum (see lifetimeOf), and a known role in `role` (string) or `roles`
 * (array; the highest known one counts). Anything else is UNAUTHENTICATED, never a silent
 * downgrade to anonymous.
 *
 * jose 5 rather than 6: version 6 ships only ES modules, which Jest's CommonJS runtime
 * cannot load; 5 ships both and is still maintained.
 */
export async function verifyJwt(token: string, config: JwtConfig, now: number = Date.now()): Promise<Viewer> {
  const key = keyFor(token, config.keys);
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(token, key.key, {
      algorithms: [key.alg],
      issuer: config.issuer,
      audience: config.audience,
      clockTolerance: CLOCK_TOLERANCE_S,
      currentDate: new Date(now),
      requiredClaims: ["exp", "sub"],
    }));
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw new UnauthenticatedError("the bearer token has expired");
    if (error instanceof errors.JWTClaimValidationFailed) {
      throw new UnauthenticatedError(`the bearer token's "${error.claim}" claim is missing or not acceptable`);
    }
    throw new UnauthenticatedError("the bearer token is not a valid token for this server");
  }
  const lifetime = lifetimeOf(payload as { exp: number; iat?: unknown }, now);
  if (lifetime > config.maxLifetimeS + CLOCK_TOLERANCE_S) {
    throw new UnauthenticatedError(`the bearer token lives ${lifetime} s; this server accepts tokens living at most ${config.maxLifetimeS} s (exp − iat)`);
  }
  if (typeof payload.sub !== "string" || !payload.sub) {
    throw new UnauthenticatedError(`the bearer token's "sub" claim is missing or not acceptable`);
  }
  const claimed = Array.isArray(payload.roles) ? payload.roles : [payload.role];
  const roles = claimed.map(parseRole).filter((role) => role !== undefined);
  if (roles.length === 0) throw new UnauthenticatedError("the bearer token carries no known role (reader, editor or admin)");
  return { role: highestRole(roles), subject: payload.sub, caller: { kind: "jwt", id: payload.sub } };
}

/**
 * How long a token was issued for, in seconds: exp − iat; without iat, what is left of it
 * (exp − now). An iat later than now counts as now, so a token cannot shorten its lifetime
 * by claiming to be issued in the future.
 */
function lifetimeOf(payload: { exp: number; iat?: unknown }, now: number): number {
  const nowS = Math.floor(now / 1000);
  const issued = typeof payload.iat === "number" ? Math.min(payload.iat, nowS) : nowS;
  return payload.exp - issued;
}

/** The key a token names by `kid`, or the only key of its `alg` when it names none. */
function keyFor(token: string, keys: JwtKey[]): JwtKey {
  let header: ProtectedHeaderParameters;
  try {
    header = decodeProtectedHeader(token);
  } catch {
    throw new UnauthenticatedError("the bearer token is not a valid token for this server");
  }
  if (typeof header.kid === "string") {
    const key = keys.find((candidate) => candidate.kid === header.kid);
    if (!key) throw new UnauthenticatedError("the bearer token's key id (kid) is not one this server accepts; the key may have been retired");
    return key;
  }
  const ofAlg = keys.filter((candidate) => candidate.alg === header.alg);
  // Trying several keys would let a kid-less token pick the one it likes; with one there is no choice to make.
  if (ofAlg.length !== 1) {
    throw new UnauthenticatedError(ofAlg.length === 0 ? "the bearer token is not a valid token for this server" : "the bearer token must name its key (kid header): this server has several");
  }
  return ofAlg[0];
}
