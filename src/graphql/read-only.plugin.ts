import { ApolloServerPlugin } from "@apollo/server";
import { ReadOnlyError } from "../common/errors";

/**
 * Read-only mode (a public mirror): refuses every mutation once the operation is known and
 * before any resolver runs, for every credential including admin. Reads are untouched.
 * Usage: `plugins: readOnly ? [readOnlyPlugin()] : []`.
 */
export function readOnlyPlugin<T extends object>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation }) {
          if (operation?.operation === "mutation") throw new ReadOnlyError();
        },
      };
    },
  };
}
