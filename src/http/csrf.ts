import type { RequestHandler } from "express";
import { sendHttpError } from "./middleware";

const MEDIA_TYPE = /^[a-z0-9!#$&^_.+-]{1,64}\/[a-z0-9!#$&^_.+-]{1,64}$/;

/**
 * The CSRF rule of /graphql, in place of Apollo's csrfPrevention (which also refused every
 * plain GET, so standard clients and shared links failed):
 *
 * - GET (and HEAD) run queries only: Apollo refuses a mutation over GET (405), and a query
 *   changes nothing. Credentials are headers (X-API-Key, Authorization), never cookies, so a
 *   GET another site makes a browser send runs as an anonymous client.
 * - POST must be `Content-Type: application/json`. A page of another site can send that only
 *   after a CORS preflight, which MAILLAGE_CORS_ORIGINS answers; the bodies it can send without
 *   one (forms, text/plain, no type) are refused here with a JSON 415, before the body is read:
 *   nothing runs, nothing is written.
 *
 * Usage: `app.all("/graphql", …, jsonPostsOnly(), express.json(), …)`.
 */
export function jsonPostsOnly(): RequestHandler {
  return (req, res, next) => {
    const type = (req.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
    if (req.method !== "POST" || type === "application/json") return next();
    // The type is quoted only when it is one (a header is the client's text).
    const found = type === "" ? "none" : MEDIA_TYPE.test(type) ? `"${type}"` : "an unreadable type";
    res.set("accept-post", "application/json");
    sendHttpError(
      req,
      res,
      415,
      "BAD_REQUEST",
      `POST /graphql takes Content-Type: application/json; got ${found}. Forms and text/plain are refused: another site could send them without a CORS preflight.`,
    );
  };
}
