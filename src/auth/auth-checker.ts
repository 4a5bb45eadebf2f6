import type { AuthChecker } from "type-graphql";
import type { Context } from "../graphql/context";
import { ForbiddenError, UnauthenticatedError } from "./auth.errors";
import { hasRole, Role } from "./viewer";

/**
 * type-graphql's check for `@Authorized(Role.EDITOR)` fields: the viewer's role must include
 * the lowest role listed (`@Authorized()` alone means READER). Throws coded errors rather than
 * returning false, so clients get UNAUTHENTICATED (401) when anonymous and FORBIDDEN (403) otherwise.
 */
export const authChecker: AuthChecker<Context, Role> = ({ context }, roles) => {
  const required = roles.length ? lowest(roles) : Role.READER;
  const { viewer } = context;
  if (hasRole(viewer.role, required)) return true;
  if (viewer.role === Role.ANONYMOUS) throw new UnauthenticatedError(`this needs the ${required} role; send X-API-Key or Authorization: Bearer`);
  throw new ForbiddenError(required, viewer.role);
};

function lowest(roles: Role[]): Role {
  return roles.reduce((low, role) => (hasRole(low, role) ? role : low));
}
