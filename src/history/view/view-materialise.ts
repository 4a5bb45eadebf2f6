import neo4j from "neo4j-driver";
import { Executor } from "../../neo4j/executor";
import { Label } from "../../neo4j/graph-model";
import { INPUT_ROW, toInputRow } from "../../entity/input-row";
import { ENTITIES, Entity, keyOf, SPECS } from "../../import/entities";
import { DEFAULT_BATCH_SIZE, writeBatch } from "../../import/importer";
import { ResolvedRow } from "../../import/import.references";
import { VERSIONED_LABELS } from "../change-log.cypher";
import { rewriteForSlot, SlotRewriter } from "./view-rewrite";
import { ensureSlotSchema } from "./view-schema";

/** Whom a slot's writes are made for: not a change of the graph, so no Change records them (withoutHistory). */
export const VIEW_CALLER = { kind: "script" as const, id: "history-view" };

/** Nodes a clearing transaction deletes at most (a slot may hold a 100k-actor graph). */
const CLEAR_BATCH = 10_000;

const LIVE_ROWS = (entity: Entity) => `MATCH (n:${SPECS[entity].label}) RETURN ${INPUT_ROW(SPECS[entity].input, "n")} AS row`;

// Per entity changed after $seq: the `before` of its first change after $seq (null: it did not exist then;
// collected as nodes, since collect() drops nulls).
const FIRST_CHANGES_AFTER = `MATCH (c:${Label.Change}) WHERE c.seq > $seq AND c.entity = $entity
WITH c ORDER BY c.seq, c.n
WITH c.entityId AS id, head(collect(c)) AS first
RETURN id, first.before AS before`;

const MARK = `MERGE (v:${Label.HistoryView} {slot: $slot}) SET v.seq = $seq, v.complete = $complete, v.builtAt = datetime()`;

/** How long each step took, for the bench and the logs. */
export interface MaterialiseTimes {
  clearMs: number;
  readMs: number;
  writeMs: number;
  rows: number;
}

/**
 * Writes the state recorded at `seq` into the slot `rewriter` writes to: clears it, then writes each versioned
 * entity's row at `seq` — its live row if no Change after `seq` names it, else the `before` of
 * its first Change after `seq` (null: absent then) — through the importer's writeBatch (its
 * Cypher rewritten for the slot), entity by entity in import order, so every derived property
 * is what a live write makes. Live rows are read before the changes: a write committing in
 * between shows up as a change, whose `before` wins. The slot's HistoryView node says
 * complete only at the end, so a half-built slot is never trusted (a restarted server rebuilds it).
 */
export async function materialise(root: Executor, rewriter: SlotRewriter, seq: number): Promise<MaterialiseTimes> {
  const slot = rewriter.slot;
  const writer = root.forRequest(VIEW_CALLER).withoutHistory(); // a copy derived from the log: not a change
  await ensureSlotSchema(root, slot);
  const t0 = Date.now();
  await writer.write((tx) => tx.run(MARK, { slot: neo4j.int(slot), seq: neo4j.int(seq), complete: false }));
  await clearSlot(writer, slot);
  const times: MaterialiseTimes = { clearMs: Date.now() - t0, readMs: 0, writeMs: 0, rows: 0 };
  for (const entity of ENTITIES) {
    const t1 = Date.now();
    const rows = await rowsAt(root, entity, seq);
    const t2 = Date.now();
    for (let start = 0; start < rows.length; start += DEFAULT_BATCH_SIZE) {
      const batch = rows.slice(start, start + DEFAULT_BATCH_SIZE);
      await writer.write((tx) => writeBatch({ run: (cypher, params) => tx.run(rewriter.rewrite(cypher), params), history: null }, entity, batch, "SCRIPT"));
    }
    times.readMs += t2 - t1;
    times.writeMs += Date.now() - t2;
    times.rows += rows.length;
  }
  await writer.write((tx) => tx.run(MARK, { slot: neo4j.int(slot), seq: neo4j.int(seq), complete: true }));
  return times;
}

/** Deletes every node of the slot (and so its relationships), a batch per transaction. */
export async function clearSlot(writer: Executor, slot: number): Promise<void> {
  for (const label of VERSIONED_LABELS) {
    const clear = rewriteForSlot(`MATCH (n:${label}) WITH n LIMIT ${CLEAR_BATCH} DETACH DELETE n RETURN count(*) AS deleted`, slot);
    while ((await writer.write((tx) => tx.run(clear)))[0].deleted > 0);
  }
}

/** The rows of `entity` recorded at `seq`, as writeBatch takes them, by key. */
async function rowsAt(root: Executor, entity: Entity, seq: number): Promise<ResolvedRow[]> {
  const { input, links } = SPECS[entity];
  const rows = new Map<string, Record<string, unknown>>();
  await root.readEach(LIVE_ROWS(entity), {}, (row) => {
    const data = toInputRow(input, row.row);
    rows.set(keyOf(entity, data), data);
  }, { timeoutMs: 0 });
  for (const change of await root.read(FIRST_CHANGES_AFTER, { seq: neo4j.int(seq), entity: SPECS[entity].label }, { timeoutMs: 0 })) {
    if (change.before === null) rows.delete(change.id);
    else rows.set(change.id, JSON.parse(change.before));
  }
  const territoryLinks = links.filter((link) => link.target === Label.Territory);
  return [...rows.keys()].sort().map((key) => {
    const data = rows.get(key)!;
    // A recorded row names territories by id already (INPUT_ROW): nothing to resolve.
    const territoryIds = Object.fromEntries(
      territoryLinks.filter((link) => !link.when || link.when(data)).map((link) => [link.field, [data[link.field] ?? []].flat() as string[]]),
    );
    return { row: { entity, data, origin: { file: "history", pointer: `/${entity}/${key}` } }, key, input: data, territoryIds };
  });
}
