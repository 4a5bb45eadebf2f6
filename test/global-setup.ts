import { loadConfig } from "../src/config";
import { ensureEmbeddedDatabase, isListening, loopbackBoltAddress } from "../src/neo4j/embedded";

/**
 * `npm test` on a fresh machine: when nothing answers at NEO4J_URI on this machine, start
 * the embedded Neo4j, and remember to stop it afterwards (see global-teardown.ts).
 */
export default async function globalSetup(): Promise<void> {
  const { neo4jUri } = loadConfig();
  const address = loopbackBoltAddress(neo4jUri);
  const wasRunning = address ? await isListening(address.host, address.port) : true;
  await ensureEmbeddedDatabase(neo4jUri, (message) => console.log(`\n${message}`));
  process.env.MAILLAGE_TEST_STARTED_DB = wasRunning ? "" : String(address!.port);
}
