import { GraphQLSchema } from "graphql";
import { createSchema } from "../../src/graphql/schema";
import { Connection } from "../../src/neo4j/connect";
import { createServer, MaillageServer, ServerOptions } from "../../src/server";
import { openTestDatabase } from "./database";

export interface HttpServers {
  /** The test database, open from beforeAll to afterAll. */
  connection(): Connection;
  /** Starts a server on a free loopback port with these options; answers its base URL. Stopped after all tests. */
  start(options?: ServerOptions): Promise<string>;
}

/**
 * For a test file that starts real HTTP servers over the test database: opens it and builds
 * the schema once (beforeAll), stops every server started and closes it (afterAll); `cleanUp`
 * runs once the database is open and again before it closes (a file's own test data).
 *
 * Usage: `const servers = useHttpServers(); const base = await servers.start({ production: true });`
 */
export function useHttpServers(cleanUp?: (connection: Connection) => Promise<void>): HttpServers {
  let connection: Connection | undefined;
  let schema: GraphQLSchema;
  const started: MaillageServer[] = [];
  beforeAll(async () => {
    connection = await openTestDatabase();
    schema = await createSchema();
    await cleanUp?.(connection);
  });
  afterAll(async () => {
    for (const server of started) {
      await server.stop();
      server.httpServer.close();
    }
    if (connection) await cleanUp?.(connection);
    await connection?.close();
  });
  return {
    connection: () => connection!,
    async start(options = {}) {
      const server = await createServer(connection!.executor, { schema, ...options });
      started.push(server);
      return `http://127.0.0.1:${await server.listen(0)}`;
    },
  };
}
