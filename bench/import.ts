/**
 * `npm run bench:import -- [--size 100k] [--port 17722] [--batch-size 500] [--label text]`
 *
 * The import's speed through Bolt: generates the document of `size` actors (cached in
 * bench/.data), empties the database of generated rows (migrations, territories and SDGs stay),
 * imports the document (run 1: everything created), then imports it again (run 2: everything
 * unchanged, the idempotence check). Records rows, seconds and rows/s overall, per phase
 * (reading, validation, identifier and reference checks, writes) and per entity, appended to
 * bench/results/import-<date>.json. Uses Neo4j on --port (started here if none answers,
 * data bench/.data/neo4j-import) and stops only a Neo4j it started.
 */
import "reflect-metadata";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import os from "node:os";
import { generatedDocument, openConnection, prepareBase, SIZES, startDatabase } from "./lib/database";
import { Connection } from "../src/neo4j/connect";
import { Label } from "../src/neo4j/graph-model";
import { ENTITIES } from "../src/import/entities";
import { DEFAULT_BATCH_SIZE, importRows, ImportResult, readInputFile } from "../src/import/importer";
import { ImportRow } from "../src/import/rows";
import { flag } from "./lib/flags";
import { appendResult } from "./lib/results";

const size = flag("size", "100k");
const port = Number(flag("port", "17722"));
const batchSize = Number(flag("batch-size", String(DEFAULT_BATCH_SIZE)));
const label = flag("label", "");
if (!SIZES[size]) { console.error(`--size must be one of ${Object.keys(SIZES).join(", ")}`); process.exit(2); }
const log = (m: string) => console.error(`[bench:import ${new Date().toISOString().slice(11, 19)}] ${m}`);

const GENERATED_LABELS = [Label.MaturityAssessment, Label.Outcome, Label.Membership, Label.Alliance, Label.Actor, Label.Source];

/** Deletes every generated node (ids "gen-…"), in auto-commit transactions of 10k nodes. */
async function deleteGenerated(connection: Connection): Promise<void> {
  const session = connection.driver.session();
  try {
    for (const l of GENERATED_LABELS) {
      await session.run(`MATCH (n:${l}) WHERE n.id STARTS WITH 'gen-' CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS`);
    }
  } finally {
    await session.close();
  }
}

const perSecond = (rows: number, ms: number) => Math.round(rows / Math.max(ms / 1000, 0.001));

/**
 * CPU time (ms) used so far by this process and by the Neo4j JVM (its pid file in `dataDir`):
 * on a machine shared with other work, CPU time per row says more than wall time.
 */
function cpuMs(dataDir: string): { node: number; neo4j: number | null } {
  const { user, system } = process.cpuUsage();
  let neo4j: number | null = null;
  try {
    const pid = readFileSync(join(dataDir, "neo4j.pid"), "utf8").trim();
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    neo4j = ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in clock ticks of 10 ms
  } catch {
    // not Linux, or not our Neo4j: wall time only
  }
  return { node: (user + system) / 1000, neo4j };
}

/** One import run as the results file records it. */
function summarise(result: ImportResult, rows: ImportRow[], readMs: number) {
  const rowsOf = Object.fromEntries(ENTITIES.map((e) => [e, rows.filter((r) => r.entity === e).length]));
  const { validation, uniqueIdentifiers, references, writes } = result.phaseMs;
  const writeMs = Object.values(writes).reduce((a, b) => a + b, 0);
  return {
    rows: result.rowsRead,
    rejected: result.rowsRejected,
    seconds: result.ms / 1000,
    rowsPerSecond: perSecond(result.rowsRead, result.ms),
    phases: {
      read: { ms: readMs },
      validation: { ms: validation, rowsPerSecond: perSecond(result.rowsRead, validation) },
      uniqueIdentifiers: { ms: uniqueIdentifiers },
      references: { ms: references, rowsPerSecond: perSecond(result.rowsRead, references) },
      writes: { ms: writeMs, rowsPerSecond: perSecond(result.rowsRead, writeMs) },
    },
    entities: Object.fromEntries(
      ENTITIES.map((e) => [e, { rows: rowsOf[e], writeMs: writes[e], writeRowsPerSecond: perSecond(rowsOf[e], writes[e]), ...result.imported[e] }]),
    ),
  };
}

async function run(connection: Connection, dataDir: string, rows: ImportRow[], readMs: number, name: string) {
  let lastLine = 0;
  const cpuBefore = cpuMs(dataDir);
  const started = Date.now();
  const result = await importRows(connection.executor, rows, {
    batchSize,
    onProgress: (done, total) => {
      if (Date.now() - lastLine < 2000 && done !== total) return;
      lastLine = Date.now();
      log(`${name}: written ${done}/${total} (${perSecond(done, Date.now() - started)} rows/s since start)`);
    },
  });
  const cpuAfter = cpuMs(dataDir);
  const cpu = {
    nodeMs: Math.round(cpuAfter.node - cpuBefore.node),
    neo4jMs: cpuAfter.neo4j === null || cpuBefore.neo4j === null ? null : Math.round(cpuAfter.neo4j - cpuBefore.neo4j),
  };
  const summary = { ...summarise(result, rows, readMs), cpu };
  log(`${name}: ${summary.rows} rows in ${summary.seconds.toFixed(1)} s = ${summary.rowsPerSecond} rows/s ` +
    `(validation ${summary.phases.validation.ms} ms, unique ${summary.phases.uniqueIdentifiers.ms} ms, ` +
    `references ${summary.phases.references.ms} ms, writes ${summary.phases.writes.ms} ms); ` +
    `CPU: node ${cpu.nodeMs} ms, neo4j ${cpu.neo4jMs ?? "?"} ms, load average ${os.loadavg()[0].toFixed(1)}`);
  for (const [entity, e] of Object.entries(summary.entities)) {
    log(`  ${entity}: ${e.rows} rows, write ${e.writeMs} ms (${e.writeRowsPerSecond}/s): ${e.created} created, ${e.updated} updated, ${e.unchanged} unchanged`);
  }
  return summary;
}

async function main(): Promise<void> {
  const db = await startDatabase("import", port, log);
  const connection = await openConnection(db.uri);
  try {
    await prepareBase(connection, log);
    const files = generatedDocument(size, log);
    log("Emptying the database of generated rows…");
    await deleteGenerated(connection);

    const readStarted = Date.now();
    const rows = files.flatMap((file) => readInputFile(file).rows);
    const readMs = Date.now() - readStarted;
    log(`Read ${rows.length} rows from ${files.join(", ")} in ${readMs} ms; batch size ${batchSize}`);

    const first = await run(connection, db.dataDir, rows, readMs, "run 1 (empty database)");
    const second = await run(connection, db.dataDir, rows, readMs, "run 2 (same rows again)");
    const unchanged = Object.values(second.entities).every((e) => e.created === 0 && e.updated === 0);
    log(unchanged ? "Run 2 changed nothing (idempotent)" : "Run 2 CHANGED rows: the import is not idempotent");

    const file = appendResult("import", { label, size, batchSize, idempotent: unchanged, runs: { empty: first, again: second } });
    log(`Wrote ${file}`);
    if (!unchanged) process.exitCode = 1;
  } finally {
    await connection.close();
    db.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
