import { join } from "node:path";
import { PROJECT_ROOT } from "../../src/common/paths";

/**
 * Where `npm test` keeps its data: a Neo4j of its own, never the one `npm start` serves.
 * By default the embedded launcher on 127.0.0.1:7688 with its store in .neo4j-test-data/
 * (npm start uses 7687 and .neo4j-data/). MAILLAGE_TEST_NEO4J_URI points the tests at another
 * server, e.g. a throw-away one in CI; it must not be the NEO4J_URI the API serves.
 */
export interface TestDatabase {
  uri: string;
  /** Where the embedded launcher keeps the test store, when the tests start it themselves. */
  dataDir: string;
  database: string | undefined;
}

export const DEFAULT_TEST_BOLT_PORT = 7688;

export function testDatabase(env: NodeJS.ProcessEnv = process.env): TestDatabase {
  const port = env.MAILLAGE_TEST_BOLT_PORT?.trim() || String(DEFAULT_TEST_BOLT_PORT);
  return {
    uri: env.MAILLAGE_TEST_NEO4J_URI?.trim() || `bolt://127.0.0.1:${port}`,
    dataDir: env.MAILLAGE_TEST_NEO4J_DATA_DIR?.trim() || join(PROJECT_ROOT, ".neo4j-test-data"),
    database: env.MAILLAGE_TEST_NEO4J_DATABASE?.trim() || undefined,
  };
}

/**
 * Points this process's configuration at the test database: every `loadConfig()` in a test,
 * and every child process a test spawns with `process.env`, then talks to it.
 */
export function useTestDatabase(env: NodeJS.ProcessEnv = process.env): TestDatabase {
  const target = testDatabase(env);
  env.NEO4J_URI = target.uri;
  const port = /:(\d+)(?:\/|$)/.exec(target.uri)?.[1];
  if (port) env.NEO4J_BOLT_PORT = port;
  if (target.database) env.NEO4J_DATABASE = target.database;
  else delete env.NEO4J_DATABASE;
  env.NEO4J_DATA_DIR = target.dataDir;
  return target;
}
