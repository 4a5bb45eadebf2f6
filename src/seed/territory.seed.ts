import { Executor } from "../neo4j/executor";
import { Label, Rel } from "../neo4j/graph-model";
import { nameKey } from "../common/text";
import { TerritoryRow } from "./geography";

// Creates or updates a batch of territories (no links yet).
const MERGE_TERRITORIES = `UNWIND $rows AS row
MERGE (t:${Label.Territory} {id: row.id})
SET t.code = row.code, t.level = row.level, t.name = row.name, t.nameKey = row.nameKey, t.siren = row.siren,
    t.population = coalesce(toInteger(row.population), t.population)`; // a partial load (tests) knows no regional totals

// Links a batch of territories to their parents and EPCI; the first parent is the primary one.
const LINK_TERRITORIES = `UNWIND $rows AS row
MATCH (t:${Label.Territory} {id: row.id})
CALL (t, row) {
  UNWIND range(0, size(row.parentIds) - 1) AS k
  MATCH (p:${Label.Territory} {id: row.parentIds[k]})
  MERGE (t)-[r:${Rel.PART_OF}]->(p)
  SET r.primary = (k = 0)
}
CALL (t, row) {
  MATCH (e:${Label.Territory} {id: row.epciId})
  MERGE (t)-[:${Rel.IN_EPCI}]->(e)
}`;

export const TERRITORY_BATCH_SIZE = 5000;

/**
 * Loads territories in batches, each batch one transaction (MERGE, so re-running is
 * harmless), then links them. `onProgress` hears how many rows each phase has done.
 */
export async function seedTerritories(
  executor: Executor,
  rows: TerritoryRow[],
  onProgress: (phase: string, done: number, total: number) => void = () => {},
): Promise<void> {
  const seeding = executor.forRequest({ kind: "seed", id: "territories" });
  for (const [phase, cypher] of [["territories", MERGE_TERRITORIES], ["links", LINK_TERRITORIES]] as const) {
    for (let start = 0; start < rows.length; start += TERRITORY_BATCH_SIZE) {
      const batch = rows.slice(start, start + TERRITORY_BATCH_SIZE).map((row) => ({ ...row, nameKey: nameKey(row.name) }));
      await seeding.write((tx) => tx.run(cypher, { rows: batch }));
      onProgress(phase, Math.min(start + TERRITORY_BATCH_SIZE, rows.length), rows.length);
    }
  }
}
