/**
 * `npm run bench:history -- [--writes 10000] [--port 17723] [--label text]`
 *
 * What the change log costs writes and storage. On a Neo4j of its own (bench/.data/neo4j-history,
 * started here if none answers on --port; bench rows deleted first), makes `writes` single-entity
 * mutations through the one write path (the actor repository: writeOne and deleteLogged, as the
 * API's mutations do), a fixed mix — half creates, 40% renames, 10% deletes — twice: once with the
 * change log (the normal executor) and once without it (executor.withoutHistory(), a control that
 * no other code path uses). For each: wall time, writes/s, Change nodes added, and the store's bytes
 * added, measured with Neo4j stopped cleanly (data/databases/neo4j: node, property and string stores;
 * not the transaction logs, whose files Neo4j preallocates at 256 MB and prunes). Appends to
 * bench/results/history-<date>.json.
 */
import "reflect-metadata";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { openConnection, prepareBase, startDatabase } from "./lib/database";
import { ActorRepository } from "../src/actor/actor.repository";
import { ActorKind } from "../src/common/enums";
import { Executor } from "../src/neo4j/executor";
import { flag } from "./lib/flags";
import { appendResult } from "./lib/results";

const writes = Number(flag("writes", "10000"));
const port = Number(flag("port", "17723"));
const label = flag("label", "");
const log = (m: string) => console.error(`[bench:history ${new Date().toISOString().slice(11, 19)}] ${m}`);
const CALLER = { kind: "script" as const, id: "bench:history" };
const COMMUNES = ["94028", "94081", "75056", "69123", "94046"];

/** Bytes of every file under `dir`. */
function bytesUnder(dir: string): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { withFileTypes: true }).reduce((sum, entry) => {
    const path = join(dir, entry.name);
    return sum + (entry.isDirectory() ? bytesUnder(path) : statSync(path).size);
  }, 0);
}

/** The store's size on disk once Neo4j has stopped cleanly (its last checkpoint: Community has no db.checkpoint()). */
function storeBytes(dataDir: string) {
  return { store: bytesUnder(join(dataDir, "data", "databases", "neo4j")) };
}

const countChanges = async (executor: Executor) => (await executor.read("MATCH (c:Change) RETURN count(c) AS n"))[0].n as number;

/** The mix: write i creates (even i), renames an earlier actor (i % 10 in 1, 3, 5, 7) or deletes one (i % 10 = 9). */
async function workload(executor: Executor, prefix: string): Promise<{ ms: number; creates: number; updates: number; deletes: number }> {
  const actors = new ActorRepository(executor);
  const alive: string[] = [];
  const counts = { creates: 0, updates: 0, deletes: 0 };
  const started = Date.now();
  for (let i = 0; i < writes; i++) {
    if (i % 2 === 0 || alive.length === 0) {
      const id = `${prefix}${i}`;
      await actors.upsert({ id, name: `Association ${prefix}${i}`, kind: ActorKind.ASSOCIATION, basedIn: COMMUNES[i % COMMUNES.length], description: `Une association de quartier, numéro ${i}, qui co-construit avec sa commune.` } as any);
      alive.push(id);
      counts.creates++;
    } else if (i % 10 === 9) {
      await actors.delete(alive.splice(i % alive.length, 1)[0]);
      counts.deletes++;
    } else {
      await actors.update(alive[i % alive.length], { name: `Association renommée ${i}` } as any);
      counts.updates++;
    }
    if ((i + 1) % 1000 === 0) log(`${prefix}: ${i + 1}/${writes} writes`);
  }
  return { ms: Date.now() - started, ...counts };
}

/** Neo4j on --port, and a connection to it; `restart` stops both, measures the store, and opens them again. */
async function open() {
  const db = await startDatabase("history", port, log);
  return { db, connection: await openConnection(db.uri) };
}

async function main() {
  let { db, connection } = await open();
  const measure = async () => {
    const changes = await countChanges(connection.executor);
    await connection.close();
    db.stop();
    const bytes = storeBytes(db.dataDir);
    ({ db, connection } = await open());
    return { ...bytes, changes };
  };
  try {
    await prepareBase(connection, log);
    const cleaner = connection.executor.forRequest(CALLER);
    await cleaner.write((tx) => tx.run("MATCH (a:Actor) WHERE a.id STARTS WITH 'bh-' DETACH DELETE a"));
    await cleaner.write((tx) => tx.run("MATCH (c:Change) WHERE c.entityId STARTS WITH 'bh-' DELETE c"));
    const runs = [];
    for (const [name, logged, prefix] of [
      ["without the change log (control)", false, "bh-off-"],
      ["with the change log", true, "bh-on-"],
    ] as const) {
      const before = await measure();
      const writer = connection.executor.forRequest(CALLER);
      const result = await workload(logged ? writer : writer.withoutHistory(), prefix);
      const after = await measure();
      const run = {
        name,
        writes,
        ...result,
        writesPerSecond: Math.round(writes / (result.ms / 1000)),
        changesAdded: after.changes - before.changes,
        storeBytesAdded: after.store - before.store,
      };
      log(JSON.stringify(run));
      runs.push(run);
    }
    const [off, on] = runs;
    const summary = {
      per10kWrites: {
        changes: Math.round((on.changesAdded / writes) * 10_000),
        storeBytesOfHistory: Math.round(((on.storeBytesAdded - off.storeBytesAdded) / writes) * 10_000),
        storeBytesWithHistory: Math.round((on.storeBytesAdded / writes) * 10_000),
      },
      writeSlowdown: Number((off.writesPerSecond / on.writesPerSecond).toFixed(2)),
    };
    const file = appendResult("history", { label, runs, summary });
    log(`summary ${JSON.stringify(summary)} → ${file}`);
  } finally {
    await connection.close();
    db.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
