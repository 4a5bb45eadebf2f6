import { existsSync } from "node:fs";
import { join } from "node:path";
import express, { Router } from "express";
import { ErrorCode } from "../common/errors";
import { PROJECT_ROOT } from "../common/paths";
import { sendHttpError } from "../http/middleware";

/** Where `scripts/build-explorer.mjs` writes the page, its bundle and its styles. */
export const EXPLORER_DIST = "dist/explorer";

/**
 * The network explorer, a static page that talks only to the public `POST /graphql`:
 *
 *   GET /explore/             index.html
 *   GET /explore/explorer.js  the bundle (sigma, graphology, ForceAtlas2, graphology-gexf, the page's code)
 *   GET /explore/styles.css
 *
 * Every asset is served from here (no CDN, no external font), so it works offline. Before
 * `npm run build` has made the bundle, the page answers a JSON 503 saying so.
 *
 * Usage: `app.use("/explore", explorerRoutes())`.
 */
export function explorerRoutes(options: { dir?: string } = {}): Router {
  const dir = options.dir ?? join(PROJECT_ROOT, EXPLORER_DIST);
  const router = Router();
  router.use((req, res, next) => {
    if (existsSync(join(dir, "explorer.js"))) return next();
    // The folder is named relative to the project: no absolute path reaches a client.
    sendHttpError(req, res, 503, ErrorCode.SERVICE_UNAVAILABLE, `The explorer is not built: run \`npm run build\` (it writes ${EXPLORER_DIST}/)`);
  });
  // The page expects relative asset URLs to resolve under /explore/.
  router.get("/", (req, res, next) => {
    if (!req.originalUrl.split("?")[0].endsWith("/")) return res.redirect(301, `${req.baseUrl}/`);
    next();
  });
  router.use(express.static(dir, { index: "index.html" }));
  return router;
}
