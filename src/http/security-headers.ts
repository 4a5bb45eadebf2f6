import helmet from "helmet";
import type { RequestHandler } from "express";

/**
 * The Content-Security-Policy of every response: only this server's own scripts, styles and
 * API (the explorer at /explore needs nothing else), images also from data:/blob: (the PNG
 * export and the page's empty icon), no plugins, no framing.
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

// Where Apollo's development landing page (Sandbox) loads from; taken from @apollo/server's landing page plugin.
const APOLLO_CDN = [
  "https://apollo-server-landing-page.cdn.apollographql.com",
  "https://embeddable-sandbox.cdn.apollographql.com",
  "https://embeddable-explorer.cdn.apollographql.com",
];

/**
 * Development only, GET /graphql: Apollo's landing page runs inline scripts with a nonce it
 * makes itself and loads Sandbox from Apollo's CDN (its own <meta> CSP narrows this further).
 * A later issue replaces that page with one served from here.
 */
const SANDBOX_CSP = {
  ...STRICT_CSP,
  scriptSrc: ["'self'", "'unsafe-inline'", ...APOLLO_CDN],
  styleSrc: ["'self'", "'unsafe-inline'", ...APOLLO_CDN, "https://fonts.googleapis.com"],
  fontSrc: ["'self'", "https://fonts.gstatic.com"],
  imgSrc: [...STRICT_CSP.imgSrc, "https://apollo-server-landing-page.cdn.apollographql.com"],
  manifestSrc: ["https://apollo-server-landing-page.cdn.apollographql.com"],
  frameSrc: ["https://sandbox.embed.apollographql.com", "https://explorer.embed.apollographql.com"],
};

/**
 * helmet's headers on every response (HSTS, nosniff, frame and referrer policies, COOP/CORP…)
 * with our CSP; in development, the relaxed one on GET /graphql (the Sandbox landing page).
 * Usage: `app.use(securityHeaders({ production }))` first in the chain.
 */
export function securityHeaders(options: { production: boolean }): RequestHandler {
  // X-Frame-Options says what frame-ancestors 'none' says, for browsers without CSP 2.
  const strict = helmet({ contentSecurityPolicy: { useDefaults: false, directives: STRICT_CSP }, frameguard: { action: "deny" } });
  if (options.production) return strict;
  const sandbox = helmet({ contentSecurityPolicy: { useDefaults: false, directives: SANDBOX_CSP }, frameguard: { action: "deny" } });
  return (req, res, next) => (req.method === "GET" && req.path === "/graphql" ? sandbox : strict)(req, res, next);
}
