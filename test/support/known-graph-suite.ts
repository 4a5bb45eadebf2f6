import { Connection } from "../../src/neo4j/connect";
import { loadDocument } from "../../src/seed/document";
import { deleteByPrefix, GraphQLClient, openTestDatabase } from "./database";
import { knownGraph } from "./known-graph";

export interface KnownGraphSuite {
  connection: Connection;
  client: GraphQLClient;
}

/**
 * For a test file that reads the known graph: loads `knownGraph(prefix)` before its tests
 * (clearing leftovers of an earlier run first) and removes it after.
 * Usage: `const suite = useKnownGraph("trav-");` then `suite.client.data(…)` in tests.
 */
export function useKnownGraph(prefix: string): KnownGraphSuite {
  const suite = {} as KnownGraphSuite;
  beforeAll(async () => {
    suite.connection = await openTestDatabase();
    await deleteByPrefix(suite.connection, prefix);
    await loadDocument(suite.connection.executor, knownGraph(prefix));
    suite.client = await GraphQLClient.create(suite.connection);
  });
  afterAll(async () => {
    await deleteByPrefix(suite.connection, prefix);
    await suite.client.stop();
    await suite.connection.close();
  });
  return suite;
}
