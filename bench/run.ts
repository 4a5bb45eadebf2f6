/**
 * `npm run bench -- [--size 10k|100k|1M] [--duration 10] [--connections 10] [--port 17700]`
 *
 * Side by side on one database: (a) Maillage, (b) @neo4j/graphql 7 with mirrored type
 * definitions, (c) the floor — hand-written Cypher behind a bare HTTP endpoint. Starts its own
 * Neo4j (port --port, data bench/.data/neo4j-<size>), loads the graph (generated file cached in
 * bench/.data), checks the three give the same answers, then loads each with autocannon.
 * Writes bench/results/<date>-<size>.json and the table in bench/README.md. Stops everything it started.
 */
import "reflect-metadata";
import { fork, ChildProcess } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import autocannon from "autocannon";
import neo4j, { Driver } from "neo4j-driver";
import { BENCH_DIR, openConnection, prepareGraph, SIZES, startDatabase } from "./lib/database";
import { buildWorkloads, chooseParams, Server, Workload } from "./lib/workloads";
import { compiled, compileForBench } from "./lib/compile";
import { flag } from "./lib/flags";

const SERVERS: Server[] = ["maillage", "neo4jGraphql", "floor"];

const size = flag("size", "10k");
const duration = Number(flag("duration", "10"));
const connections = Number(flag("connections", "10"));
const port = Number(flag("port", "17700"));
const warmup = Number(flag("warmup", "3"));
const only = flag("only", "");
if (!SIZES[size]) { console.error(`--size must be one of ${Object.keys(SIZES).join(", ")}`); process.exit(2); }
if (!(duration >= 1 && duration <= 120) || !(connections >= 1 && connections <= 100)) { console.error("--duration 1–120, --connections 1–100"); process.exit(2); }
const log = (m: string) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${m}`);

interface Child { kind: Server; process: ChildProcess; port: number; schemaMs: number; serverStartMs: number; importsMs: number; forkToReadyMs: number }
interface Stats { rss: number; peakRss: number; heapUsed: number; requests: number; roundTrips: number; sessions: number }

/** A larger young generation (fewer scavenges under load): how Maillage runs in production. */
export const NODE_FLAGS = "--max-semi-space-size=64";

function startServer(kind: Server, uri: string, floorQueries: Record<string, string>): Promise<Child> {
  const t = Date.now();
  const child = fork(compiled("bench/servers/server.ts"), [kind, uri], {
    // The Node flag `npm start` and the Dockerfile run Maillage with, given to all three servers alike.
    execArgv: [NODE_FLAGS],
    env: { ...process.env, NODE_ENV: "production", LOG_LEVEL: "silent", BENCH_FLOOR_QUERIES: JSON.stringify(floorQueries) },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`${kind} server exited (${code}) before it was ready`)));
    child.on("message", (m: any) => { if (m.type === "ready") resolve({ kind, process: child, port: m.port, schemaMs: m.schemaMs, serverStartMs: m.serverStartMs, importsMs: m.importsMs, forkToReadyMs: Date.now() - t }); });
  });
}

function stats(child: Child): Promise<Stats> {
  return new Promise((resolve) => {
    const listener = (m: any) => { if (m.type === "stats") { child.process.off("message", listener); resolve(m); } };
    child.process.on("message", listener);
    child.process.send({ type: "stats" });
  });
}

function request(child: Child, w: Workload): { url: string; body: string } {
  const base = `http://127.0.0.1:${child.port}`;
  if (child.kind === "floor") return { url: `${base}/floor/${w.name}`, body: JSON.stringify(w.floor.params) };
  const op = child.kind === "maillage" ? w.maillage : w.neo4jGraphql;
  return { url: `${base}/graphql`, body: JSON.stringify({ query: op.query, variables: op.variables }) };
}

async function once(child: Child, w: Workload) {
  const { url, body } = request(child, w);
  const before = await stats(child);
  const t = process.hrtime.bigint();
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body });
  const json: any = await res.json();
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  const after = await stats(child);
  const header = res.headers.get("x-cypher-round-trips");
  const roundTrips = header !== null ? Number(header) : after.sessions - before.sessions;
  if (!res.ok || json.errors) return { ok: false as const, error: JSON.stringify(json.errors ?? json).slice(0, 500), roundTrips, sessions: after.sessions - before.sessions, ms, bytes: 0 };
  const bytes = JSON.stringify(json).length; // what the client receives: shapes differ, so do sizes
  return { ok: true as const, answer: child.kind === "floor" ? json : json.data, roundTrips, sessions: after.sessions - before.sessions, ms, bytes };
}

async function load(child: Child, w: Workload, seconds: number) {
  const { url, body } = request(child, w);
  const result = await autocannon({ url, method: "POST", connections, duration: seconds, headers: { "content-type": "application/json" }, body });
  return result;
}

/**
 * Waits until Neo4j runs no transaction but this check's own, so one server's leftovers (queries
 * still running after autocannon stopped: @neo4j/graphql's W3 at 100k takes seconds each) are
 * not billed to the next measurement. Gives up after 5 minutes, saying so.
 */
async function untilNeo4jIsQuiet(driver: Driver): Promise<void> {
  const started = Date.now();
  for (;;) {
    const session = driver.session();
    try {
      const result = await session.run("SHOW TRANSACTIONS YIELD transactionId RETURN count(*) AS running");
      if (result.records[0].get("running").toNumber() <= 1) break;
    } finally {
      await session.close();
    }
    if (Date.now() - started > 300_000) { log("Neo4j still busy after 5 min: measuring anyway"); return; }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const waited = Date.now() - started;
  if (waited > 1000) log(`  (waited ${(waited / 1000).toFixed(1)} s for Neo4j to finish earlier queries)`);
}

let watcher: Driver | undefined;

async function main() {
  const db = await startDatabase(size, port, log);
  const children: Child[] = [];
  const stopAll = () => { for (const c of children) c.process.kill("SIGTERM"); db.stop(); };
  process.once("SIGINT", () => { stopAll(); process.exit(130); });
  try {
    const connection = await openConnection(db.uri);
    let prepared: Awaited<ReturnType<typeof prepareGraph>>;
    let params: Awaited<ReturnType<typeof chooseParams>>;
    try {
      prepared = await prepareGraph(connection, size, log);
      params = await chooseParams(prepared.generatedFiles, connection.executor);
    } finally {
      await connection.close();
    }
    log(`params ${JSON.stringify(params)}`);
    watcher = neo4j.driver(db.uri, neo4j.auth.basic(process.env.NEO4J_USER ?? "neo4j", process.env.NEO4J_PASSWORD ?? "password"));
    const workloads = buildWorkloads(params).filter((w) => !only || only.split(",").includes(w.name));
    const floorQueries = Object.fromEntries(workloads.map((w) => [w.name, w.floor.cypher]));
    log(`transpiled src/ and bench/ for the servers in ${compileForBench()} ms`);
    for (const kind of SERVERS) children.push(await startServer(kind, db.uri, floorQueries));
    const byKind = Object.fromEntries(children.map((c) => [c.kind, c])) as Record<Server, Child>;
    log(`servers up: ${children.map((c) => `${c.kind} :${c.port} (schema ${c.schemaMs.toFixed(0)} ms, start ${c.serverStartMs.toFixed(0)} ms)`).join(", ")}`);

    // 1. Same data? Each server answers each workload once, on plans and pages as cold as they
    // come (the "first request" column), before anything warms them.
    const results: any[] = [];
    for (const w of workloads) {
      const entry: any = { name: w.name, description: w.description, equivalence: w.equivalence, servers: {} };
      const answers: Partial<Record<Server, unknown>> = {};
      for (const kind of SERVERS) {
        await untilNeo4jIsQuiet(watcher!);
        const r = await once(byKind[kind], w);
        entry.servers[kind] = { roundTrips: r.roundTrips, driverSessions: r.sessions, singleRequestMs: Math.round(r.ms * 10) / 10, responseBytes: r.bytes };
        if (!r.ok) { entry.servers[kind].error = r.error; continue; }
        try { answers[kind] = w.normalise[kind](r.answer); } catch (error) { entry.servers[kind].error = `normalise: ${error}`; }
      }
      const reference = JSON.stringify(answers.floor);
      entry.sameData = {} as Record<string, boolean>;
      for (const kind of ["maillage", "neo4jGraphql"] as Server[]) {
        entry.sameData[kind] = answers[kind] !== undefined && JSON.stringify(answers[kind]) === reference;
        if (!entry.sameData[kind] && answers[kind] !== undefined) entry.servers[kind].mismatch = describeMismatch(answers[kind], answers.floor);
      }
      entry.answerSize = JSON.stringify(answers.floor ?? null).length;
      log(`${w.name}: same data maillage=${entry.sameData.maillage} neo4jGraphql=${entry.sameData.neo4jGraphql}; round trips ${SERVERS.map((k) => `${k}=${entry.servers[k].roundTrips}`).join(" ")}`);
      results.push(entry);
    }

    // 2. Warm-up: every workload on every server, so the JVM's JIT, Neo4j's page cache and every
    // plan are warm before any measurement; otherwise whichever runs first on a fresh database
    // (Maillage, W1) pays for all of it.
    log(`warming up: ${warmup} s per workload per server`);
    for (const entry of results) {
      const w = workloads.find((x) => x.name === entry.name)!;
      for (const kind of SERVERS) {
        if (entry.servers[kind].error) continue;
        await untilNeo4jIsQuiet(watcher!);
        await load(byKind[kind], w, warmup);
      }
    }

    // 3. Load.
    for (const entry of results) {
      const w = workloads.find((x) => x.name === entry.name)!;
      for (const kind of SERVERS) {
        const child = byKind[kind];
        if (entry.servers[kind].error) continue;
        await untilNeo4jIsQuiet(watcher!);
        await load(child, w, 1); // settles the connections
        const before = await stats(child);
        const r = await load(child, w, duration);
        const after = await stats(child);
        const served = after.requests - before.requests;
        Object.assign(entry.servers[kind], {
          reqPerSec: r.requests.average,
          p50Ms: r.latency.p50,
          p99Ms: r.latency.p99,
          meanMs: r.latency.average,
          requests: r.requests.total,
          errors: r.errors + r.timeouts + r.non2xx,
          peakRssMb: Math.round(after.peakRss / 1e5) / 10,
          rssMb: Math.round(after.rss / 1e5) / 10,
          // none served in the window (each took longer than --duration): keep the single request's count
          roundTripsPerRequest: served === 0 ? entry.servers[kind].roundTrips : kind === "maillage" ? (after.roundTrips - before.roundTrips) / served : (after.sessions - before.sessions) / served,
        });
        log(`  ${w.name} ${kind}: ${r.requests.average.toFixed(0)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, peak RSS ${entry.servers[kind].peakRssMb} MB`);
      }
    }

    const maillage = byKind.maillage;
    const report = {
      date: new Date().toISOString(),
      size,
      actors: SIZES[size],
      machine: { cpus: require("node:os").cpus().length, node: process.version },
      settings: { connections, durationSeconds: duration, warmupSeconds: warmup, nodeFlags: NODE_FLAGS },
      params,
      loadMs: prepared.loadMs,
      maillageStart: { schemaBuildMs: Math.round(maillage.schemaMs), serverStartMs: Math.round(maillage.serverStartMs), schemaPlusServerMs: Math.round(maillage.schemaMs + maillage.serverStartMs), processForkToReadyMs: maillage.forkToReadyMs },
      neo4jGraphqlStart: { schemaBuildMs: Math.round(byKind.neo4jGraphql.schemaMs), serverStartMs: Math.round(byKind.neo4jGraphql.serverStartMs), processForkToReadyMs: byKind.neo4jGraphql.forkToReadyMs },
      workloads: results,
    };
    mkdirSync(join(BENCH_DIR, "results"), { recursive: true });
    const file = join(BENCH_DIR, "results", `${report.date.slice(0, 10)}-${size}.json`);
    writeFileSync(file, JSON.stringify(report, null, 2) + "\n");
    log(`wrote ${file}`);
    updateReadme(report);
    console.log(table(report));
  } finally {
    await watcher?.close();
    stopAll();
  }
}

function describeMismatch(got: unknown, want: unknown): string {
  const g = JSON.stringify(got), w = JSON.stringify(want);
  let i = 0;
  while (i < g.length && g[i] === w[i]) i++;
  return `differs from the floor at char ${i}: got …${g.slice(Math.max(0, i - 60), i + 120)}… want …${w.slice(Math.max(0, i - 60), i + 120)}… (lengths ${g.length}/${w.length})`;
}

const ratio = (a?: number, b?: number) => (a && b ? (a / b).toFixed(2) : "–");

export function table(report: any): string {
  const lines = [
    `| workload | same data (M / N) | Maillage req/s | @neo4j/graphql req/s | req/s M/N | p99 M / N (ms) | p99 M/N | p50 M / floor (ms) | p50 M/floor | round trips M / N | peak RSS M / N / floor (MB) | first request M / N / floor (ms) |`,
    `|---|---|---|---|---|---|---|---|---|---|---|---|`,
  ];
  const rps = (x: any) => (x.reqPerSec === undefined ? "error" : x.requests === 0 ? `0 (none done in ${report.settings.durationSeconds} s)` : x.reqPerSec.toFixed(0));
  const lat = (x: any, key: "p50Ms" | "p99Ms") => (x.requests === 0 ? "–" : x[key] ?? "–");
  const r = (a: any, b: any, key: string) => (a.requests === 0 || b.requests === 0 ? "–" : ratio(a[key], b[key]));
  for (const w of report.workloads) {
    const m = w.servers.maillage, n = w.servers.neo4jGraphql, f = w.servers.floor;
    const nTrips = n.roundTripsPerRequest !== undefined ? Math.round(n.roundTripsPerRequest * 10) / 10 : n.roundTrips;
    lines.push(`| ${w.name} | ${w.sameData.maillage ? "yes" : "**no**"} / ${w.sameData.neo4jGraphql ? "yes" : "**no**"} | ${rps(m)} | ${rps(n)} | ${r(m, n, "reqPerSec")} | ${lat(m, "p99Ms")} / ${lat(n, "p99Ms")} | ${r(m, n, "p99Ms")} | ${lat(m, "p50Ms")} / ${lat(f, "p50Ms")} | ${r(m, f, "p50Ms")} | ${m.roundTrips} / ${nTrips} | ${m.peakRssMb ?? "–"} / ${n.peakRssMb ?? "–"} / ${f.peakRssMb ?? "–"} | ${Math.round(m.singleRequestMs)} / ${Math.round(n.singleRequestMs)} / ${Math.round(f.singleRequestMs)} |`);
  }
  lines.push("", `${report.actors} actors, ${report.settings.connections} connections, ${report.settings.durationSeconds} s per workload per server (after ${report.settings.warmupSeconds ?? 1} s of warm-up for every workload on every server, and 1 s settling), ${report.machine.cpus} CPUs shared by Neo4j, the servers and autocannon; ${report.date.slice(0, 10)}.`);
  lines.push(`Maillage schema build ${report.maillageStart.schemaBuildMs} ms + server start ${report.maillageStart.serverStartMs} ms = ${report.maillageStart.schemaPlusServerMs} ms (target < 2000 ms); @neo4j/graphql schema build ${report.neo4jGraphqlStart.schemaBuildMs} ms.`);
  return lines.join("\n");
}

function updateReadme(report: any) {
  const path = join(BENCH_DIR, "README.md");
  const begin = `<!-- bench:${report.size}:begin -->`, end = `<!-- bench:${report.size}:end -->`;
  const block = `${begin}\n### ${report.size} (\`bench/results/${report.date.slice(0, 10)}-${report.size}.json\`)\n\n${table(report)}\n${end}`;
  let text = readFileSync(path, "utf8");
  const i = text.indexOf(begin), j = text.indexOf(end);
  if (i >= 0 && j > i) text = text.slice(0, i) + block + text.slice(j + end.length);
  else if (text.includes("<!-- bench:results -->")) text = text.replace("<!-- bench:results -->", `<!-- bench:results -->\n\n${block}`);
  else text += `\n${block}\n`;
  writeFileSync(path, text);
}

const renderIndex = process.argv.indexOf("--render");
if (require.main === module && renderIndex >= 0) {
  // Re-renders the README table from a results file: ts-node bench/run.ts --render bench/results/<file>.json
  const report = JSON.parse(readFileSync(process.argv[renderIndex + 1], "utf8"));
  updateReadme(report);
  console.log(table(report));
} else if (require.main === module) main().catch((error) => { console.error(error); process.exitCode = 1; });
