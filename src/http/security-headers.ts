import helmet from "helmet";
import type { RequestHandler } from "express";
import { wantsPage } from "./built-assets";

/**
 * The Content-Security-Policy of every response: only this server's own scripts, styles and
 * API (the explorer at /explore needs nothing else), images also from data:/blob: (the PNG
 * export and the page's empty icon), no plugins, no framing. The GraphQL IDE runs under it too.
 */
const STRICT_CSP = {
  defaultSrc: ["'self'"],
  baseUri: ["'none'"],
  connectSrc: ["'self'"],
  fontSrc: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  imgSrc: ["'self'", "data:", "blob:"],
  objectSrc: ["'none'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'"],
  // No upgrade-insecure-requests: a development server on plain http must keep working.
};

/**
 * The GraphQL IDE's page (GET /graphql for a browser): the strict policy, plus fonts from data:
 * URLs, which is how GraphiQL's stylesheet carries its fonts (bundled, so nothing is fetched).
 */
const IDE_CSP = { ...STRICT_CSP, fontSrc: ["'self'", "data:"] };

/**
 * helmet's headers on every response (HSTS, nosniff, frame and referrer policies, COOP/CORP…)
 * with our strict CSP; the IDE's at GET /graphql when a browser asks for the page and the IDE is on.
 * Usage: `app.use(securityHeaders({ ide: config.http.graphqlIde }))` first in the chain.
 */
export function securityHeaders(options: { ide: boolean }): RequestHandler {
  // X-Frame-Options says what frame-ancestors 'none' says, for browsers without CSP 2.
  const strict = helmet({ contentSecurityPolicy: { useDefaults: false, directives: STRICT_CSP }, frameguard: { action: "deny" } });
  if (!options.ide) return strict;
  const ide = helmet({ contentSecurityPolicy: { useDefaults: false, directives: IDE_CSP }, frameguard: { action: "deny" } });
  return (req, res, next) => (req.path === "/graphql" && wantsPage(req) ? ide : strict)(req, res, next);
}
