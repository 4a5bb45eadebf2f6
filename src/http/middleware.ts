import { randomUUID } from "node:crypto";
import { ErrorRequestHandler, RequestHandler } from "express";
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
 * Errors raised before GraphQL runs (a body too large, malformed JSON) answer in the
 * GraphQL error shape with a 4xx, never an HTML page or a 500.
 */
export function jsonErrors(): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const status = typeof error?.status === "number" && error.status >= 400 && error.status < 500 ? error.status : 500;
    const code = status === 500 ? ErrorCode.INTERNAL_SERVER_ERROR : "BAD_REQUEST";
    const message =
      error?.type === "entity.too.large"
        ? `Request body larger than ${error.limit} bytes`
        : status === 500
          ? "Internal server error"
          : "Malformed request body";
    if (status === 500) logger.error({ err: error, requestId: req.requestId }, "unexpected HTTP error");
    res.status(status).json({ errors: [{ message, extensions: { code, requestId: req.requestId } }] });
  };
}
