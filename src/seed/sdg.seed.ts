import { Executor } from "../neo4j/executor";
import { Label, Rel } from "../neo4j/graph-model";
import { SDG17_TARGETS, SDGS } from "./sdg-data";

// Creates or updates the 17 goals and the targets of SDG 17.
const MERGE_SDGS = `UNWIND $sdgs AS g
MERGE (s:${Label.SDG} {number: toInteger(g.number)})
SET s.number = toInteger(g.number), s.titleFr = g.titleFr, s.titleEn = g.titleEn
WITH collect(s) AS _
UNWIND $targets AS t
MATCH (goal:${Label.SDG} {number: toInteger(t.goal)})
MERGE (x:${Label.SDGTarget} {code: t.code})
SET x.titleFr = t.titleFr, x.titleEn = t.titleEn, x.order = toInteger(t.order)
MERGE (x)-[:${Rel.TARGET_OF}]->(goal)`;

/** Loads the SDGs and SDG 17's targets (idempotent). */
export async function seedSdgs(executor: Executor): Promise<void> {
  const targets = SDG17_TARGETS.map((t, order) => ({ ...t, goal: 17, order }));
  await executor.forRequest({ kind: "seed", id: "sdgs" }).write((tx) => tx.run(MERGE_SDGS, { sdgs: SDGS, targets }));
}
