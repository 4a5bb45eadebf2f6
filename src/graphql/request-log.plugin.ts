import { ApolloServerPlugin } from "@apollo/server";
import { unwrapResolverError } from "@apollo/server/errors";
import { isCodedError } from "../common/errors";
import { logger } from "../logger";
import { Context } from "./context";

/**
 * Logs every error of a request with its request id (expected ones at info, the rest at
 * error with the original, which clients never see), and gives clients that id in each
 * error's `extensions.requestId` and the `x-request-id` header, so a report can be traced.
 */
export function requestLogPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue }) {
      return {
        async didEncounterErrors({ errors }) {
          // A child logger per request costs even when nothing is logged: made only on errors.
          const log = logger.child({ requestId: contextValue.requestId });
          for (const error of errors) {
            const original = unwrapResolverError(error);
            if (isCodedError(original) || error.extensions?.code !== undefined) {
              log.info({ code: error.extensions?.code ?? (original as { extensions?: { code?: unknown } }).extensions?.code, path: error.path }, error.message);
            } else {
              log.error({ err: original, path: error.path }, "unexpected error in GraphQL request");
            }
          }
        },
        async willSendResponse({ response }) {
          response.http.headers.set("x-request-id", contextValue.requestId);
          if (response.body.kind !== "single") return;
          for (const error of response.body.singleResult.errors ?? []) {
            (error as { extensions?: Record<string, unknown> }).extensions = { ...error.extensions, requestId: contextValue.requestId };
          }
        },
      };
    },
  };
}

/** In production, "Did you mean …?" hints would map the schema for a prober: drop them. */
export function hideSuggestionsPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors) error.message = error.message.replace(/ ?Did you mean .+\?$/, "");
        },
      };
    },
  };
}
