import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { loadConfig } from "../src/config";
import { ensureEmbeddedDatabase, isListening, loopbackBoltAddress } from "../src/neo4j/embedded";
import { backgroundActors } from "./support/background";
import { testDatabase } from "./support/test-database";

/**
 * `npm test` runs against a database of its own (see support/test-database.ts): when nothing
 * answers at its address on this machine, start the embedded Neo4j there, on its own data
 * folder, and remember to stop it afterwards (see global-teardown.ts). Then make sure it also
 * holds the generated background graph every test must ignore (support/background.ts; none when
 * MAILLAGE_TEST_BACKGROUND_ACTORS=0).
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

  if (backgroundActors(process.env) > 0) importBackground();
}

// In a child process, so that Jest's own process never loads the GraphQL classes (see background-import.ts).
function importBackground(): void {
  const script = join(__dirname, "support", "background-import.ts");
  const run = spawnSync(process.execPath, ["-r", "ts-node/register/transpile-only", script], { stdio: "inherit", env: process.env });
  if (run.status !== 0) throw new Error(`Importing the background graph failed (${script} exited with ${run.status ?? run.signal}; see above)`);
}

function sameServer(a: string, b: string): boolean {
  const normalise = (uri: string) => uri.replace(/^(bolt|neo4j)(\+s|\+ssc)?:\/\//, "").replace("localhost", "127.0.0.1").replace(/\/$/, "");
  return normalise(a) === normalise(b);
}
