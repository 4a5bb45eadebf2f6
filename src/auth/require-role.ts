import type { RequestHandler } from "express";
import { ErrorCode } from "../common/errors";
import { AuthConfig } from "./auth.config";
import { UnauthenticatedError } from "./auth.errors";
import { authenticate } from "./authenticate";
import { hasRole, Role, Viewer } from "./viewer";

declare module "express-serve-static-core" {
  interface Request {
    /** Set by requireRole: who made the request. */
    viewer?: Viewer;
  }
}

/**
 * Express guard for non-GraphQL routes: 401 without a valid credential, 403 when its role is
 * below `role`, in the export routes' error shape `{ error: { code, message } }`.
 * Usage: `app.use("/export", requireRole(Role.ADMIN, config.auth), exportRoutes(executor));`
 */
export function requireRole(role: Role, config: AuthConfig): RequestHandler {
  return async (req, res, next) => {
    let viewer: Viewer;
    try {
      viewer = await authenticate(req.headers, config);
    } catch (error) {
      if (!(error instanceof UnauthenticatedError)) return next(error);
      res.status(401).set("www-authenticate", 'Bearer realm="maillage", ApiKey header="X-API-Key"');
      res.json({ error: { code: ErrorCode.UNAUTHENTICATED, message: error.message } });
      return;
    }
    if (!hasRole(viewer.role, role)) {
      const code = viewer.role === Role.ANONYMOUS ? ErrorCode.UNAUTHENTICATED : ErrorCode.FORBIDDEN;
      res.status(code === ErrorCode.UNAUTHENTICATED ? 401 : 403);
      res.json({ error: { code, message: `this needs the ${role} role; you are ${viewer.role}` } });
      return;
    }
    req.viewer = viewer;
    next();
  };
}
