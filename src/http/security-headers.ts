import helmet from "helmet";
import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { RequestHandler, Response } from "express";
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

/** Where the IDE's page finds its style nonce (res.locals), set here, written into the page by src/ide/ide.routes.ts. */
export const STYLE_NONCE = "styleNonce";

/**
 * The GraphQL IDE's page (GET /graphql for a browser): the strict policy plus two things, on
 * that page only. Fonts from data: URLs: GraphiQL's stylesheet carries its fonts inline
 * (nothing is fetched). A per-response nonce for <style> elements: GraphiQL's dialogs (Radix,
 * react-remove-scroll) add one while open, and take the nonce from the page (get-nonce);
 * style attributes and every other inline style stay refused.
 */
const IDE_CSP = {
  ...STRICT_CSP,
  fontSrc: ["'self'", "data:"],
  styleSrc: ["'self'", (_req: IncomingMessage, res: ServerResponse) => `'nonce-${(res as Response).locals[STYLE_NONCE]}'`],
  styleSrcAttr: ["'none'"],
};

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
  return (req, res, next) => {
    if (req.path !== "/graphql" || !wantsPage(req)) return strict(req, res, next);
    res.locals[STYLE_NONCE] = randomBytes(16).toString("base64");
    ide(req, res, next);
  };
}
