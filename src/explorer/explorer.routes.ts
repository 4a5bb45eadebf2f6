import { Router } from "express";
import { BuiltPage, builtAssets, builtDir } from "../http/built-assets";

/** Where `scripts/build-explorer.mjs` writes the page, its bundle and its styles. */
export const EXPLORER: BuiltPage = { dist: "dist/explorer", bundle: "explorer.js", name: "The explorer" };
export const EXPLORER_DIST = EXPLORER.dist;

/**
 * The network explorer, a static page that talks only to the public `POST /graphql`:
 *
 *   GET /explore/             index.html
 *   GET /explore/explorer.js  the bundle (sigma, graphology, ForceAtlas2, the GEXF writer, the page's code)
 *   GET /explore/styles.css
 *
 * Every asset is served from here (no CDN, no external font), so it works offline. Before
 * `npm run build` has made the bundle, the page answers a JSON 503 saying so.
 *
 * Usage: `app.use("/explore", explorerRoutes())`.
 */
export function explorerRoutes(options: { dir?: string } = {}): Router {
  const router = Router();
  // The page expects relative asset URLs to resolve under /explore/.
  router.get("/", (req, res, next) => {
    if (!req.originalUrl.split("?")[0].endsWith("/")) return res.redirect(301, `${req.baseUrl}/`);
    next();
  });
  router.use(builtAssets(EXPLORER, builtDir(EXPLORER, options.dir), { index: "index.html" }));
  return router;
}
