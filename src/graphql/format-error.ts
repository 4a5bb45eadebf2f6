import { GraphQLError, GraphQLFormattedError } from "graphql";
import { unwrapResolverError } from "@apollo/server/errors";
import { ArgumentValidationError } from "type-graphql";
import type { ValidationError } from "class-validator";
import { ErrorCode, isCodedError } from "../common/errors";
import { TOKEN_LIMIT_MESSAGE } from "./limits";

/** Codes Apollo itself gives to bad documents and variables: they are the client's fault and safe to show. */
const APOLLO_CLIENT_CODES = new Set([
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_USER_INPUT",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "OPERATION_RESOLUTION_FAILURE",
  "BAD_REQUEST",
]);

/** Flattens class-validator errors into `{ field, reason }`, with paths such as `input.indicator.unit`. */
export function flattenValidationErrors(errors: ValidationError[], prefix: string): { field: string; reason: string }[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((reason) => ({ field, reason }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

/**
 * Mutations take their data in an argument named `input` (a class named …Input or …Patch);
 * other arguments are top-level. This puts the argument name in front of the field path.
 */
function argumentPrefix(error: ValidationError | undefined): string {
  const className = error?.target?.constructor?.name ?? "";
  return /(Input|Patch)$/.test(className) ? "input" : "";
}

/**
 * Shapes every error a client sees. Validation errors name each bad field; coded errors
 * pass as they are; anything else is masked as INTERNAL_SERVER_ERROR (logged by requestLogPlugin), so no
 * Cypher, driver message or stack trace reaches a client. Never throws.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  try {
    // Apollo wraps validation-rule errors (ours: QUERY_TOO_COMPLEX) in its own; look inside.
    const unwrapped = unwrapResolverError(error);
    const original = unwrapped instanceof GraphQLError && isCodedError(unwrapped.originalError) ? unwrapped.originalError : unwrapped;
    if (original instanceof ArgumentValidationError) {
      const fields = flattenValidationErrors(original.extensions.validationErrors, argumentPrefix(original.extensions.validationErrors[0]));
      const message = fields.map((f) => `${f.field}: ${f.reason}`).join("; ");
      return {
        message: `Invalid input: ${message}`,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: ErrorCode.BAD_USER_INPUT, field: fields[0]?.field, fields },
      };
    }
    if (isCodedError(original)) {
      const { http: _http, ...extensions } = original.extensions as Record<string, unknown>;
      return { ...formatted, extensions };
    }
    const code = formatted.extensions?.code as string | undefined;
    if (code === "GRAPHQL_PARSE_FAILED" && TOKEN_LIMIT_MESSAGE.test(formatted.message)) {
      // graphql-js stops parsing at parseOptions.maxTokens; say so with our limit code.
      return { message: formatted.message.replace(/^Syntax Error: /, ""), extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, limit: "maxTokens" } };
    }
    if (code && APOLLO_CLIENT_CODES.has(code)) {
      const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
      // Variable coercion names the field in its message (…invalid value "GREAT" at "input.level"…).
      const field = code === "BAD_USER_INPUT" ? /at "([\w.[\]]+)"/.exec(formatted.message)?.[1] : undefined;
      return { ...formatted, extensions: field ? { ...extensions, field } : extensions };
    }
    // Logged with its request id by requestLogPlugin; the client sees only the code.
    return {
      message: "Internal server error",
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  } catch {
    return { message: "Internal server error", extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
  }
}
