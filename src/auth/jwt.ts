import { errors, jwtVerify } from "jose";
import type { JwtConfig } from "./auth.config";
import { UnauthenticatedError } from "./auth.errors";
import { highestRole, parseRole, Viewer } from "./viewer";

/** Clock skew tolerated on `exp` and `nbf`, in seconds. */
const CLOCK_TOLERANCE_S = 5;

/**
 * The viewer a bearer token stands for, verified with jose: a JWT signed HS256 with the
 * configured secret (only HS256 is accepted, so no `none` and no algorithm confusion), with
 * `exp` and `sub`, `nbf` reached, the configured `iss`/`aud`, and a known role in `role`
 * (string) or `roles` (array; the highest known one counts). Anything else is
 * UNAUTHENTICATED, never a silent downgrade to anonymous.
 *
 * jose 5 rather than 6: version 6 ships only ES modules, which Jest's CommonJS runtime
 * cannot load; 5 ships both and is still maintained.
 */
export async function verifyJwt(token: string, config: JwtConfig, now: number = Date.now()): Promise<Viewer> {
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(token, config.secret, {
      algorithms: ["HS256"],
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
  if (typeof payload.sub !== "string" || !payload.sub) {
    throw new UnauthenticatedError(`the bearer token's "sub" claim is missing or not acceptable`);
  }
  const claimed = Array.isArray(payload.roles) ? payload.roles : [payload.role];
  const roles = claimed.map(parseRole).filter((role) => role !== undefined);
  if (roles.length === 0) throw new UnauthenticatedError("the bearer token carries no known role (reader, editor or admin)");
  return { role: highestRole(roles), subject: payload.sub };
}
