import { Executor } from "../../neo4j/executor";
import { readMigrations } from "../../neo4j/migrate";
import { VERSIONED_LABELS } from "../change-log.cypher";
import { rewriteForSlot } from "./view-rewrite";

/** `CREATE INDEX|CONSTRAINT <name> IF NOT EXISTS FOR (n:<Label>) …` (range indexes and constraints; full-text ones are left out: search reads the live graph only). */
const SCHEMA_STATEMENT = /^CREATE (?:INDEX|CONSTRAINT) (\w+) IF NOT EXISTS FOR \(n:(\w+)\)/;

/**
 * The indexes and constraints of slot `slot`: those the migrations (cypher/00*.cypher, the one
 * list) declare on versioned labels, rewritten for the slot, with the slot in their names
 * (`h1_actor_id`). Derived, not written down, so a new index in a migration reaches every slot.
 */
export function slotSchema(slot: number): string[] {
  return readMigrations()
    .flatMap((migration) => migration.statements)
    .flatMap((statement) => {
      const found = SCHEMA_STATEMENT.exec(statement);
      if (!found || !VERSIONED_LABELS.includes(found[2] as never)) return [];
      return [rewriteForSlot(statement.replace(found[1], `h${slot}_${found[1]}`), slot)];
    });
}

/** Slots whose schema this process has made sure of. */
const ready = new Set<string>();

/** Creates slot `slot`'s indexes and constraints if missing (IF NOT EXISTS: harmless again), once per process, and waits for them. */
export async function ensureSlotSchema(executor: Executor, slot: number): Promise<void> {
  const key = `${executor.database ?? ""}\u0000${slot}`;
  if (ready.has(key)) return;
  const migrating = executor.forRequest({ kind: "migration", id: `history-view-slot-${slot}` });
  for (const statement of slotSchema(slot)) await migrating.write((tx) => tx.run(statement)); // schema changes one per transaction
  await executor.read("CALL db.awaitIndexes(300)", {}, { timeoutMs: 0 });
  ready.add(key);
}
