import type { Request, RequestHandler } from "express";
import { AuthConfig } from "../auth/auth.config";
import { authenticate } from "../auth/authenticate";
import { UnauthenticatedError } from "../auth/auth.errors";
import { ANONYMOUS, Viewer } from "../auth/viewer";
import { TooManyRequestsError } from "../common/errors";
import { QuotaClient, quotaClient } from "./quota-client";
import { Quotas } from "./quotas";

/**
 * Authenticates a request and counts it against its client's quota (none when `quotas` is null).
 * A credential that does not verify is counted against the IP, as anonymous, before its 401:
 * guessing keys is not free. Throws UnauthenticatedError (401) or TooManyRequestsError (429).
 * Usage: `createContext(executor, { ...(await admitRequest(req, auth, quotas)) })`.
 */
export async function admitRequest(req: Request, auth: AuthConfig, quotas: Quotas | null): Promise<{ viewer: Viewer; client: QuotaClient }> {
  let viewer: Viewer;
  try {
    viewer = await authenticate(req.headers, auth);
  } catch (error) {
    await quotas?.admitRequest(quotaClient(ANONYMOUS, req.ip));
    throw error;
  }
  const client = quotaClient(viewer, req.ip);
  await quotas?.admitRequest(client);
  return { viewer, client };
}

/**
 * Express guard counting non-GraphQL requests (/export) against the same quotas, answering 429
 * with Retry-After in the export routes' error shape `{ error: { code, message, retryAfterSeconds } }`.
 * Authentication errors pass on: the route's own guard (requireRole) answers them.
 * Usage: `app.use("/export", quotaGuard(quotas, auth), requireRole(Role.ADMIN, auth), exportRoutes(executor))`.
 */
export function quotaGuard(quotas: Quotas, auth: AuthConfig): RequestHandler {
  return async (req, res, next) => {
    try {
      await admitRequest(req, auth, quotas);
    } catch (error) {
      if (error instanceof UnauthenticatedError) return next(); // the route's guard answers it
      if (!(error instanceof TooManyRequestsError)) return next(error);
      const { code, retryAfterSeconds } = error.extensions as { code: string; retryAfterSeconds: number };
      res.status(429).set("retry-after", String(retryAfterSeconds)).json({ error: { code, message: error.message, retryAfterSeconds } });
      return;
    }
    next();
  };
}
