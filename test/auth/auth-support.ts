import { GraphQLSchema } from "graphql";
import { Connection } from "../../src/neo4j/connect";
import { createApollo } from "../../src/server";
import { createContext } from "../../src/graphql/context";
import { AuthConfig, loadAuthConfig } from "../../src/auth/auth.config";
import { Role, Viewer } from "../../src/auth/viewer";

/** Every node these tests create has an id starting with this. */
export const PREFIX = "auth-";

export const KEYS = {
  reader: "reader-key-0123456789abcdef",
  editor: "editor-key-0123456789abcdef",
  admin: "admin-key-0123456789abcdef",
};
export const JWT_SECRET = "a-test-secret-of-at-least-32-characters!";

/** The settings the HTTP tests pass to createServer (never through process.env, so nothing leaks). */
export function testAuthConfig(overrides: NodeJS.ProcessEnv = {}): AuthConfig {
  return loadAuthConfig({
    MAILLAGE_API_KEYS: `reader:${KEYS.reader},editor:${KEYS.editor},admin:${KEYS.admin}`,
    MAILLAGE_JWT_SECRET: JWT_SECRET,
    ...overrides,
  });
}

export const VIEWERS: Record<"none" | "reader" | "editor" | "admin", Viewer> = {
  none: { role: Role.ANONYMOUS, subject: null, caller: null },
  reader: { role: Role.READER, subject: "test-reader", caller: { kind: "jwt", id: "test-reader" } },
  editor: { role: Role.EDITOR, subject: "test-editor", caller: { kind: "jwt", id: "test-editor" } },
  admin: { role: Role.ADMIN, subject: "test-admin", caller: { kind: "jwt", id: "test-admin" } },
};

/** Runs operations in-process (Apollo without HTTP) as a given viewer. */
export async function viewerClient(connection: Connection, schema: GraphQLSchema) {
  const apollo = createApollo(schema);
  await apollo.start();
  return {
    async run(viewer: Viewer, query: string, variables: Record<string, unknown> = {}) {
      const contextValue = createContext(connection.executor, { viewer });
      const response = await apollo.executeOperation({ query, variables }, { contextValue });
      if (response.body.kind !== "single") throw new Error("expected a single result");
      const { data, errors } = response.body.singleResult;
      return { data: data as any, errors: errors as any[] | undefined };
    },
    stop: () => apollo.stop(),
  };
}

/** Deletes every node, whatever its label, whose id starts with PREFIX. */
export async function deleteAuthNodes(connection: Connection): Promise<void> {
  await connection.executor.write((tx) => tx.run("MATCH (n) WHERE n.id STARTS WITH $prefix DETACH DELETE n", { prefix: PREFIX }));
}
