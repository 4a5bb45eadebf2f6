import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateDocument } from "../../src/generate/generate";
import { importFiles } from "../../src/import/importer";
import { describeRejection } from "../../src/import/rows";
import { Executor } from "../../src/neo4j/executor";
import { Label } from "../../src/neo4j/graph-model";
import { TEST_DEPARTEMENTS } from "./database";

/**
 * A generated graph that shares the test database with the fixtures, so every test proves it
 * passes whatever else the database holds (MAILLAGE_TEST_BACKGROUND_ACTORS actors; CI: 3000).
 * Its ids start with BACKGROUND_PREFIX; no test may delete or assume the absence of them.
 */
export const BACKGROUND_PREFIX = "bg-";
export const BACKGROUND_SEED = "maillage-tests";

/** Actors to generate: 0 (none) unless MAILLAGE_TEST_BACKGROUND_ACTORS says otherwise. */
export function backgroundActors(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.MAILLAGE_TEST_BACKGROUND_ACTORS?.trim();
  if (!raw || raw === "0") return 0;
  const actors = Number(raw);
  if (!Number.isInteger(actors) || actors < 2) {
    throw new Error(`MAILLAGE_TEST_BACKGROUND_ACTORS must be 0 or an integer of at least 2; got "${raw}"`);
  }
  return actors;
}

const COUNT_BACKGROUND = `MATCH (a:${Label.Actor}) WHERE a.id STARTS WITH $prefix RETURN count(a) AS actors`;

/**
 * Generates the background graph (fixed seed, TEST_DEPARTEMENTS) and imports it the way
 * `maillage import` does, unless a background of that size is already there. The database must
 * already be migrated and hold the territories and SDGs (openTestDatabase).
 */
export async function ensureBackgroundGraph(executor: Executor, actors: number, log: (message: string) => void): Promise<void> {
  const [{ actors: present }] = await executor.read(COUNT_BACKGROUND, { prefix: BACKGROUND_PREFIX });
  if (Number(present) === actors) return;
  const started = Date.now();
  const doc = generateDocument({ actors, seed: BACKGROUND_SEED, prefix: BACKGROUND_PREFIX, departements: TEST_DEPARTEMENTS });
  const dir = mkdtempSync(join(tmpdir(), "maillage-background-"));
  try {
    const file = join(dir, "background.json");
    writeFileSync(file, JSON.stringify(doc));
    const result = await importFiles(executor, [file]);
    if (result.rejected.length > 0) {
      throw new Error(`The background graph was not imported whole:\n${result.rejected.slice(0, 10).map(describeRejection).join("\n")}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  log(`Imported a background graph of ${actors} actors (ids ${BACKGROUND_PREFIX}…) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
