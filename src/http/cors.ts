import cors from "cors";
import type { RequestHandler } from "express";

/**
 * CORS for /graphql and /export from MAILLAGE_CORS_ORIGINS: `*` answers any origin; a list
 * answers its origins only (echoed, with `Vary: Origin`); an empty list answers none, so only
 * pages of the same origin can read the answers. Usage: `app.use("/graphql", corsAllowlist(config.http.corsOrigins), …)`.
 */
export function corsAllowlist(origins: "*" | readonly string[]): RequestHandler {
  if (origins === "*") return cors();
  return cors({ origin: origins.length ? [...origins] : false });
}
