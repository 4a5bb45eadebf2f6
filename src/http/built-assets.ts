import { existsSync } from "node:fs";
import { join } from "node:path";
import express, { Request, RequestHandler, Router } from "express";
import { ErrorCode } from "../common/errors";
import { PROJECT_ROOT } from "../common/paths";
import { sendHttpError } from "./middleware";

/** A browser page that scripts/build-explorer.mjs writes under dist/: where, and the bundle that proves it is built. */
export interface BuiltPage {
  /** Its folder relative to the project, as `npm run build` writes it (e.g. dist/explorer). */
  dist: string;
  /** The file whose presence means the build ran. */
  bundle: string;
  /** What the 503 calls it ("The explorer is not built…"). */
  name: string;
}

/** The folder a page is served from: `dir` in tests, else the project's dist folder. */
export function builtDir(page: BuiltPage, dir?: string): string {
  return dir ?? join(PROJECT_ROOT, page.dist);
}

/**
 * Answers a JSON 503 saying what to run while the page's bundle is not built; else passes on.
 * The folder is named relative to the project: no absolute path reaches a client.
 */
export function requireBuilt(page: BuiltPage, dir: string): RequestHandler {
  return (req, res, next) => {
    if (existsSync(join(dir, page.bundle))) return next();
    sendHttpError(req, res, 503, ErrorCode.SERVICE_UNAVAILABLE, `${page.name} is not built: run \`npm run build\` (it writes ${page.dist}/)`);
  };
}

/**
 * A built page's files, every one from this server (no CDN, no external font: it works offline),
 * after the 503 check. Usage: `router.use(builtAssets(EXPLORER, dir, { index: "index.html" }))`.
 */
export function builtAssets(page: BuiltPage, dir: string, options: { index: string | false }): Router {
  return Router().use(requireBuilt(page, dir), express.static(dir, { index: options.index }));
}

/** A browser's navigation (its Accept prefers text/html), not a GraphQL client (which asks for JSON, or anything). */
export function wantsPage(req: Request): boolean {
  return (req.method === "GET" || req.method === "HEAD") && req.accepts(["application/graphql-response+json", "application/json", "text/html"]) === "text/html";
}
