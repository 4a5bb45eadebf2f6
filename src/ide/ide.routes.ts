import { readFileSync } from "node:fs";
import { join } from "node:path";
import { RequestHandler, Router } from "express";
import { ErrorCode } from "../common/errors";
import { BuiltPage, builtAssets, builtDir, requireBuilt, wantsPage } from "../http/built-assets";
import { sendHttpError } from "../http/middleware";
import { STYLE_NONCE } from "../http/security-headers";

/** Where `scripts/build-explorer.mjs` writes the IDE (ide/ bundled with GraphiQL and React). */
export const IDE: BuiltPage = { dist: "dist/ide", bundle: "ide.js", name: "The GraphQL IDE" };

/**
 * The GraphQL IDE (GraphiQL), served by this server only, so it works offline:
 *
 *   GET /graphql              from a browser: the IDE, the README's examples preloaded
 *   GET /graphql?query=…      from a browser: the IDE with that query (and variables, operationName) open;
 *                             any other client's GET runs the query (Apollo, after this handler)
 *   GET /ide/ide.js, ide.css  its bundle
 *
 * With the IDE off (MAILLAGE_GRAPHQL_IDE=false, the production default), a browser's GET
 * /graphql without a query is a JSON 404 saying how to turn it on; with a query, it runs.
 *
 * Usage: `app.get("/graphql", idePage(enabled))` before Apollo; `app.use("/ide", ideAssets())`.
 */
export function idePage(enabled: boolean, options: { dir?: string } = {}): RequestHandler {
  const dir = builtDir(IDE, options.dir);
  const built = requireBuilt(IDE, dir);
  return (req, res, next) => {
    // The same GET URL answers the page or the API's JSON by Accept: caches must keep both apart.
    if (req.method === "GET" || req.method === "HEAD") res.vary("Accept");
    if (!wantsPage(req)) return next();
    if (!enabled) {
      if (req.query.query !== undefined || req.query.extensions !== undefined) return next();
      return sendHttpError(req, res, 404, ErrorCode.NOT_FOUND, "The GraphQL IDE is off on this server (MAILLAGE_GRAPHQL_IDE=true turns it on); send queries to /graphql with a GraphQL client");
    }
    // The page carries this response's style nonce (src/http/security-headers.ts): never cached.
    built(req, res, () => {
      const nonce = String(res.locals[STYLE_NONCE] ?? "");
      const html = readFileSync(join(dir, "index.html"), "utf8").replace("{{STYLE_NONCE}}", nonce);
      res.set("cache-control", "no-store").type("html").send(html);
    });
  };
}

/** The IDE's bundle and styles (the page itself is served at /graphql, so /ide/ has no index). */
export function ideAssets(options: { dir?: string } = {}): Router {
  return builtAssets(IDE, builtDir(IDE, options.dir), { index: false });
}
