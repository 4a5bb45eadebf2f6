// Imports the background graph (background.ts) into the test database. global-setup.ts runs it
// in a child process: Jest's own process must not load the GraphQL classes, whose decorator
// metadata would then leak into every test file and be registered twice.
import "reflect-metadata";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig } from "../../src/config";
import { connect } from "../../src/neo4j/connect";
import { Executor } from "../../src/neo4j/executor";
import { Label } from "../../src/neo4j/graph-model";
import { BACKGROUND_PREFIX, BACKGROUND_SEED, backgroundActors } from "./background";
import { useTestDatabase } from "./test-database";

// The generator, the importer and the test schema load only when there is something to import:
// most runs find the background already there and stop after one count.

/** The background graph's import document: the same for the same number of actors. */
export async function backgroundDocument(actors: number) {
  const [{ generateDocument }, { TEST_DEPARTEMENTS }] = await Promise.all([import("../../src/generate/generate"), import("./database")]);
  return generateDocument({ actors, seed: BACKGROUND_SEED, prefix: BACKGROUND_PREFIX, departements: TEST_DEPARTEMENTS });
}

const COUNT_BACKGROUND = `MATCH (a:${Label.Actor}) WHERE a.id STARTS WITH $prefix RETURN count(a) AS actors`;

/**
 * Unless a background of that size is already there: migrates, seeds the test territories and
 * SDGs, generates the background graph and imports it the way `maillage import` does (a JSON
 * file through importFiles).
 */
export async function ensureBackgroundGraph(executor: Executor, actors: number, log: (message: string) => void): Promise<void> {
  const [{ actors: present }] = await executor.read(COUNT_BACKGROUND, { prefix: BACKGROUND_PREFIX });
  if (Number(present) === actors) return;
  const started = Date.now();
  const [{ prepareTestDatabase }, { importFiles }, { describeRejection }] = await Promise.all([
    import("./database"), import("../../src/import/importer"), import("../../src/import/rows"),
  ]);
  await prepareTestDatabase(executor);
  const dir = mkdtempSync(join(tmpdir(), "maillage-background-"));
  try {
    const file = join(dir, "background.json");
    writeFileSync(file, JSON.stringify(await backgroundDocument(actors)));
    const result = await importFiles(executor, [file]);
    if (result.rejected.length > 0) {
      throw new Error(`The background graph was not imported whole:\n${result.rejected.slice(0, 10).map(describeRejection).join("\n")}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  log(`Imported a background graph of ${actors} actors (ids ${BACKGROUND_PREFIX}…) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

async function main(): Promise<void> {
  useTestDatabase();
  const connection = await connect(loadConfig());
  try {
    await ensureBackgroundGraph(connection.executor, backgroundActors(), (message) => console.log(`\n${message}`));
  } finally {
    await connection.close();
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
