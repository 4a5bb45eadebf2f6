/**
 * `npm run bench:profile -- [--size 10k] [--port 17700]`: PROFILE db hits of every Cypher query
 * Maillage runs for each workload (recorded from its executor while the GraphQL operation
 * runs), and of the floor's single query. Writes bench/results/profile-<size>.json so a
 * regression in a query plan shows in review. Starts and stops its own Neo4j like bench/run.ts.
 */
import "reflect-metadata";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Driver } from "neo4j-driver";
import { BENCH_DIR, openConnection, prepareGraph, SIZES, startDatabase } from "./lib/database";
import { buildWorkloads, chooseParams } from "./lib/workloads";
import { Executor, Params, Row, TxOptions } from "../src/neo4j/executor";
import { createSchema } from "../src/graphql/schema";
import { createApollo } from "../src/server";
import { createContext } from "../src/graphql/context";
import { flag } from "./lib/flags";

const log = (m: string) => console.error(`[profile] ${m}`);

/** An executor that remembers every read it runs (cypher and parameters). */
class RecordingExecutor extends Executor {
  constructor(driver: Driver, database: string | undefined, readonly recorded: { cypher: string; params: Params }[] = []) {
    super(driver, database);
  }
  override forRequest(): Executor {
    return new RecordingExecutor(this.driver, this.database, this.recorded);
  }
  override async read(cypher: string, params: Params = {}, options: TxOptions = {}): Promise<Row[]> {
    this.recorded.push({ cypher, params });
    return super.read(cypher, params, options);
  }
}

function sumHits(plan: any): number {
  return (plan?.dbHits ?? 0) + (plan?.children ?? []).reduce((s: number, c: any) => s + sumHits(c), 0);
}

async function profile(driver: Driver, cypher: string, params: Params) {
  const session = driver.session({ defaultAccessMode: "READ" });
  try {
    const result = await session.run(`PROFILE ${cypher}`, params);
    const plan = result.summary.profile as any;
    // A just-started JVM runs a query several times slower until its JIT has seen it: 10 runs
    // unmeasured, then the median of 30.
    for (let i = 0; i < 10; i++) await session.executeRead((tx) => tx.run(cypher, params));
    const times: number[] = [];
    for (let i = 0; i < 30; i++) {
      const t = performance.now();
      await session.executeRead((tx) => tx.run(cypher, params));
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    return { dbHits: sumHits(plan), rows: result.records.length, medianMs: Math.round(times[15] * 10) / 10 };
  } finally {
    await session.close();
  }
}

async function main() {
  const size = flag("size", "10k");
  if (!SIZES[size]) throw new Error(`--size must be one of ${Object.keys(SIZES).join(", ")}`);
  const db = await startDatabase(size, Number(flag("port", "17700")), log);
  try {
    const connection = await openConnection(db.uri);
    try {
      const { generatedFiles } = await prepareGraph(connection, size, log);
      const params = await chooseParams(generatedFiles, connection.executor);
      const workloads = buildWorkloads(params);
      const recorder = new RecordingExecutor(connection.driver, connection.executor.database);
      const apollo = createApollo(await createSchema());
      await apollo.start();
      const out: any = { date: new Date().toISOString(), size, params, workloads: {} };
      for (const w of workloads) {
        recorder.recorded.length = 0;
        const contextValue = createContext(recorder);
        const response = await apollo.executeOperation({ query: w.maillage.query, variables: w.maillage.variables }, { contextValue });
        if (response.body.kind === "single" && response.body.singleResult.errors) throw new Error(`${w.name}: ${JSON.stringify(response.body.singleResult.errors)}`);
        const queries = [];
        for (const { cypher, params: p } of [...recorder.recorded]) {
          const { dbHits, rows, medianMs } = await profile(connection.driver, cypher, p);
          queries.push({ dbHits, rows, medianMs, cypher: cypher.split("\n")[0].slice(0, 120) + (cypher.includes("\n") ? " …" : "") });
        }
        const floor = await profile(connection.driver, w.floor.cypher, w.floor.params);
        const total = queries.reduce((s, q) => s + q.dbHits, 0);
        const main = queries.reduce((a, b) => (b.dbHits > a.dbHits ? b : a), queries[0]);
        out.workloads[w.name] = { maillage: { totalDbHits: total, totalMedianMs: Math.round(queries.reduce((s, q) => s + q.medianMs, 0) * 10) / 10, mainQueryDbHits: main?.dbHits ?? 0, roundTrips: queries.length, queries }, floorDbHits: floor.dbHits, floorMedianMs: floor.medianMs, maillageOverFloor: floor.dbHits ? Math.round((total / floor.dbHits) * 100) / 100 : null };
        log(`${w.name}: Maillage ${total} db hits in ${queries.length} queries (main ${main?.dbHits}), ${out.workloads[w.name].maillage.totalMedianMs} ms; floor ${floor.dbHits}, ${floor.medianMs} ms`);
      }
      await apollo.stop();
      mkdirSync(join(BENCH_DIR, "results"), { recursive: true });
      const file = join(BENCH_DIR, "results", `profile-${size}.json`);
      writeFileSync(file, JSON.stringify(out, null, 2) + "\n");
      log(`wrote ${file}`);
    } finally {
      await connection.close();
    }
  } finally {
    db.stop();
  }
}

main().catch((error) => { console.error(error); process.exitCode = 1; });
