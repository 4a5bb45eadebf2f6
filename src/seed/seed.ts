import { Executor } from "../neo4j/executor";
import { Label } from "../neo4j/graph-model";
import { logger } from "../logger";
import { readGeography } from "./geography";
import { seedSdgs } from "./sdg.seed";
import { seedTerritories } from "./territory.seed";
import { GraphDocument, loadDocument } from "./document";
import demoGraph from "./demo-graph.json";

/** The demo graph: organisations and initiatives named in Le RAMEAU's 2022 article, each fact citing it. */
export const DEMO_GRAPH = demoGraph as GraphDocument;

/**
 * Loads the reference data (all French territories, the SDGs) and the demo graph.
 * Idempotent: every write MERGEs on ids. Prints progress, since the geography is ~39,000 rows.
 */
export async function seed(executor: Executor, options: { demo?: boolean } = {}): Promise<void> {
  const started = Date.now();
  const rows = readGeography();
  let lastLogged = 0;
  await seedTerritories(executor, rows, (phase, done, total) => {
    if (done === total || Date.now() - lastLogged > 2000) {
      lastLogged = Date.now();
      logger.info({ phase, done, total }, `seed: ${phase} ${done}/${total}`);
    }
  });
  await seedSdgs(executor);
  if (options.demo ?? true) {
    const counts = await loadDocument(executor.forRequest({ kind: "seed", id: "demo-graph" }), DEMO_GRAPH);
    logger.info(counts, "seed: demo graph loaded");
  }
  logger.info({ ms: Date.now() - started, territories: rows.length }, "seed: done");
}

// Whether the database holds no territory yet (an empty database gets seeded at start).
const HAS_TERRITORIES = `MATCH (t:${Label.Territory}) RETURN count(t) > 0 AS seeded`;

export async function isSeeded(executor: Executor): Promise<boolean> {
  const [row] = await executor.read(HAS_TERRITORIES);
  return row.seeded;
}
