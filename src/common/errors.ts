import { GraphQLError } from "graphql";

/**
 * The public error codes. Anything thrown that is not one of these classes reaches
 * clients as INTERNAL_SERVER_ERROR with its message masked (see graphql/format-error.ts).
 */
export enum ErrorCode {
  BAD_USER_INPUT = "BAD_USER_INPUT",
  NOT_FOUND = "NOT_FOUND",
  UNAUTHENTICATED = "UNAUTHENTICATED",
  FORBIDDEN = "FORBIDDEN",
  QUERY_TOO_COMPLEX = "QUERY_TOO_COMPLEX",
  SERVICE_UNAVAILABLE = "SERVICE_UNAVAILABLE",
  TOO_MANY_REQUESTS = "TOO_MANY_REQUESTS",
  INTERNAL_SERVER_ERROR = "INTERNAL_SERVER_ERROR",
}

/** Bad input: names the offending field (`input.siren`) so clients can point at it. */
export class BadUserInputError extends GraphQLError {
  constructor(field: string, reason: string) {
    super(`${field}: ${reason}`, { extensions: { code: ErrorCode.BAD_USER_INPUT, field } });
  }
}

/** A reference naming several things: BAD_USER_INPUT with `extensions.candidates` (`{ id, name }`), so a client can offer them. */
export class AmbiguousReferenceError extends BadUserInputError {
  constructor(field: string, reason: string, readonly candidates: { id: string; name: string }[]) {
    super(field, reason);
    Object.assign(this.extensions, { candidates });
  }
}

export class NotFoundError extends GraphQLError {
  /** `mergedInto`: the id is that of an actor merged into this one (mergeActors), which the message names. */
  constructor(what: string, id: string | number, mergedInto?: string) {
    const merged = mergedInto === undefined ? "" : `: it was merged into "${mergedInto}"; use that id`;
    super(`${what} "${id}" does not exist${merged}`, { extensions: { code: ErrorCode.NOT_FOUND, id, ...(mergedInto !== undefined && { mergedInto }) } });
  }
}

/** HTTP 503; with `retryAfterSeconds`, also `Retry-After` and `extensions.retryAfterSeconds` (as TooManyRequestsError). */
export class ServiceUnavailableError extends GraphQLError {
  constructor(reason = "the graph database is unreachable; retry shortly", retryAfterSeconds?: number) {
    const retry = retryAfterSeconds === undefined ? undefined : Math.max(1, Math.ceil(retryAfterSeconds));
    super(`Service unavailable: ${reason}`, {
      extensions: {
        code: ErrorCode.SERVICE_UNAVAILABLE,
        ...(retry !== undefined && { retryAfterSeconds: retry }),
        http: { status: 503, ...(retry !== undefined && { headers: new Map([["retry-after", String(retry)]]) }) },
      },
    });
  }
}

/**
 * A quota or a concurrency cap refused the request: HTTP 429 with `Retry-After` (whole
 * seconds, at least 1), the same number in `extensions.retryAfterSeconds`, and what was
 * exhausted in `extensions.limit`.
 */
export class TooManyRequestsError extends GraphQLError {
  constructor(limit: string, reason: string, retryAfterSeconds: number) {
    const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
    super(`Too many requests: ${reason}; retry in ${seconds} s`, {
      extensions: {
        code: ErrorCode.TOO_MANY_REQUESTS,
        limit,
        retryAfterSeconds: seconds,
        http: { status: 429, headers: new Map([["retry-after", String(seconds)]]) },
      },
    });
  }
}

/** A query over a limit: HTTP 400, code QUERY_TOO_COMPLEX, the limit and the value found. */
export class QueryTooComplexError extends GraphQLError {
  constructor(limit: string, message: string) {
    super(message, { extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, limit, http: { status: 400 } } });
  }
}

export function isCodedError(error: unknown): error is GraphQLError {
  return (
    error instanceof GraphQLError &&
    Object.values(ErrorCode).includes(error.extensions?.code as ErrorCode)
  );
}

/**
 * MAILLAGE_READ_ONLY is on: every mutation is refused before it runs, whoever asks.
 * HTTP 403, code FORBIDDEN (clients already handle it) with `extensions.reason` READ_ONLY.
 */
export class ReadOnlyError extends GraphQLError {
  constructor() {
    super("This server is read-only: mutations are refused (MAILLAGE_READ_ONLY)", {
      extensions: { code: ErrorCode.FORBIDDEN, reason: "READ_ONLY", http: { status: 403 } },
    });
  }
}
