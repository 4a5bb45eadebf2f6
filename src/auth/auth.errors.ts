import { GraphQLError } from "graphql";
import { ErrorCode } from "../common/errors";

// Apollo answers with extensions.http.status (and headers) and strips them before clients see the error.
const CHALLENGE = new Map([["www-authenticate", 'Bearer realm="maillage", ApiKey header="X-API-Key"']]);

/** No credential where one is needed, or a credential that does not verify: HTTP 401. */
export class UnauthenticatedError extends GraphQLError {
  constructor(reason: string) {
    super(`Unauthenticated: ${reason}`, {
      extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401, headers: CHALLENGE } },
    });
  }
}

/** A valid credential whose role is not enough: HTTP 403. */
export class ForbiddenError extends GraphQLError {
  constructor(required: string, actual: string) {
    super(`Forbidden: this needs the ${required} role; you are ${actual}`, {
      extensions: { code: ErrorCode.FORBIDDEN, required, http: { status: 403 } },
    });
  }
}
