import "reflect-metadata";
import { loadConfig } from "../src/config";
import { ensureEmbeddedDatabase, isListening, loopbackBoltAddress } from "../src/neo4j/embedded";
import { backgroundActors, ensureBackgroundGraph } from "./support/background";
import { openTestDatabase } from "./support/database";
import { testDatabase, useTestDatabase } from "./support/test-database";

/**
 * `npm test` runs against a database of its own (see support/test-database.ts): when nothing
 * answers at its address on this machine, start the embedded Neo4j there, on its own data
 * folder, and remember to stop it afterwards (see global-teardown.ts). With
 * MAILLAGE_TEST_BACKGROUND_ACTORS set, make sure it also holds a generated graph of that many
 * actors (support/background.ts), which every test must ignore.
 */
export default async function globalSetup(): Promise<void> {
  const served = loadConfig(process.env);
  const target = testDatabase(process.env);
  if (sameServer(served.neo4jUri, target.uri) && served.neo4jDatabase === target.database) {
    throw new Error(
      `The tests would write into the database the API serves (${target.uri}). ` +
        `Point MAILLAGE_TEST_NEO4J_URI (or MAILLAGE_TEST_BOLT_PORT) at another server, or leave both unset to use the embedded one on 7688.`,
    );
  }
  const address = loopbackBoltAddress(target.uri);
  const wasRunning = address ? await isListening(address.host, address.port) : true;
  await ensureEmbeddedDatabase(target.uri, (message) => console.log(`\n${message}`), target.dataDir);
  process.env.MAILLAGE_TEST_STARTED_DB = wasRunning ? "" : JSON.stringify({ port: address!.port, dataDir: target.dataDir });

  const actors = backgroundActors(process.env);
  if (actors > 0) {
    const env = { ...process.env };
    useTestDatabase(env);
    const connection = await openTestDatabase(env);
    try {
      await ensureBackgroundGraph(connection.executor, actors, (message) => console.log(`\n${message}`));
    } finally {
      await connection.close();
    }
  }
}

function sameServer(a: string, b: string): boolean {
  const normalise = (uri: string) => uri.replace(/^(bolt|neo4j)(\+s|\+ssc)?:\/\//, "").replace("localhost", "127.0.0.1").replace(/\/$/, "");
  return normalise(a) === normalise(b);
}
