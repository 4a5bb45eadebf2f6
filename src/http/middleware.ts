import { randomUUID } from "node:crypto";
import { ErrorRequestHandler, Request, RequestHandler, Response } from "express";
import { ErrorCode } from "../common/errors";
import { logger } from "../logger";

declare module "express-serve-static-core" {
  interface Request {
    /** This request's id: the client's `x-request-id` when it is a sane token, else a new UUID. */
    requestId: string;
  }
}

const SANE_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Gives each request an id, echoed in the `x-request-id` response header. */
export function requestId(): RequestHandler {
  return (req, res, next) => {
    const given = req.get("x-request-id");
    req.requestId = given && SANE_REQUEST_ID.test(given) ? given : randomUUID();
    res.setHeader("x-request-id", req.requestId);
    next();
  };
}

/**
 * Every HTTP error outside GraphQL answers in the GraphQL error shape:
 * `{ errors: [{ message, extensions: { code, requestId } }] }`. The message is ours, never a library's.
 */
export function sendHttpError(req: Request, res: Response, status: number, code: string, message: string): void {
  if (res.headersSent) return;
  res.status(status).json({ errors: [{ message, extensions: { code, requestId: req.requestId } }] });
}

/** What a client is told for each 4xx a library raises before our code runs. */
const CLIENT_ERRORS: Record<number, { code: string; message: string }> = {
  400: { code: "BAD_REQUEST", message: "Malformed request" },
  403: { code: ErrorCode.FORBIDDEN, message: "Forbidden path" },
  404: { code: ErrorCode.NOT_FOUND, message: "No such path" },
  413: { code: "BAD_REQUEST", message: "Request body too large" },
  415: { code: "BAD_REQUEST", message: "Unsupported content encoding or charset" },
};

/**
 * Errors raised before GraphQL runs (a body too large, malformed JSON, a path the static files
 * refuse) answer in the shape of sendHttpError with a 4xx, never an HTML page or a 500; the
 * library's own message (which may name a file) is not passed on.
 */
export function jsonErrors(): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const status = typeof error?.status === "number" && error.status >= 400 && error.status < 500 ? error.status : 500;
    if (status === 500) {
      logger.error({ err: error, requestId: req.requestId }, "unexpected HTTP error");
      return sendHttpError(req, res, 500, ErrorCode.INTERNAL_SERVER_ERROR, "Internal server error");
    }
    const known = CLIENT_ERRORS[status] ?? CLIENT_ERRORS[400];
    const message =
      error?.type === "entity.too.large"
        ? `Request body larger than ${error.limit} bytes`
        : error?.type === "entity.parse.failed"
          ? "Malformed request body"
          : known.message;
    sendHttpError(req, res, status, known.code, message);
  };
}

/** Last in the chain: a path no route serves is a JSON 404. */
export function notFound(): RequestHandler {
  // The path is not echoed: a message quotes only what the server chose.
  return (req, res) => sendHttpError(req, res, 404, ErrorCode.NOT_FOUND, `Nothing is served at this path (method ${req.method})`);
}

/**
 * For routes that only read (health, metrics, explorer, exports): any other method is a JSON 405
 * with `Allow`. Usage: `app.use(["/healthz", "/explore"], onlyMethods("GET", "HEAD"))`.
 */
export function onlyMethods(...methods: string[]): RequestHandler {
  const allow = methods.join(", ");
  return (req, res, next) => {
    if (methods.includes(req.method)) return next();
    res.set("allow", allow);
    sendHttpError(req, res, 405, "BAD_REQUEST", `${req.method} is not supported here; use ${allow}`);
  };
}
