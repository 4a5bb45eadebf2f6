/**
 * Server memory while exporting a large scope: `npm run bench:export -- [--size 100k] [--port 17700]
 * [--before <worktree of an older commit>] [--formats json,gexf,...]`.
 *
 * For each version (this repository, and with --before an older checkout of it) and each format
 * and mode, starts a fresh server child (bench/export-memory-server.ts, on that version's compiled
 * src/), waits 1 s, downloads GET /export/<format>?mode=<mode> of the whole graph over HTTP
 * (counting bytes, keeping none), waits 2 s more, then forces a GC. The child samples its RSS and
 * heap every 100 ms: the baseline is the last sample before the request, the peak the highest
 * during it, "after" the last sample 2 s later, "after GC" once garbage is collected.
 *
 * Data: the bench graph of `--size` (bench/lib/database.ts: bench/.data/neo4j-<size>, generated and
 * imported when missing). The machine is shared: load averages and free memory are recorded
 * around every case. Writes bench/results/export-memory-<date>.json and .md.
 */
import "reflect-metadata";
import { fork } from "node:child_process";
import { execSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import { join, resolve } from "node:path";
import ts from "typescript";
import { flag } from "./lib/flags";
import { openConnection, prepareGraph, startDatabase } from "./lib/database";

const REPO = join(__dirname, "..");
const size = flag("size", "100k");
const port = Number(flag("port", "17700"));
const before = flag("before", "");
const formats = flag("formats", "json,gexf,graphml,cytoscape").split(",");
/** The server's V8 heap limit in MB (--max-old-space-size), e.g. 256 to show an export fits in it; none by default. */
const serverHeapMb = flag("server-heap", "");
/** Only these versions (before,after), e.g. to rerun one side. */
const only = flag("versions", "before,after").split(",");
const KEY = "bench-export-admin-key-0123456789";
const MB = 1024 * 1024;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = (message: string) => console.error(`[bench:export] ${message}`);

interface Version {
  name: "before" | "after";
  root: string;
  commit: string;
}

/** Compiles a version's src/ (its own bench/lib/compile.ts) and puts the server child next to it. */
function buildServer(version: Version): string {
  const compile = require(join(version.root, "bench/lib/compile"));
  compile.compileForBench();
  const out = join(compile.BUILD_DIR, "bench", "export-memory-server.js");
  const source = readFileSync(join(REPO, "bench", "export-memory-server.ts"), "utf8");
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, esModuleInterop: true },
  });
  mkdirSync(join(compile.BUILD_DIR, "bench"), { recursive: true });
  writeFileSync(out, outputText);
  return out;
}

function conditions() {
  return { loadavg: os.loadavg().map((x) => Number(x.toFixed(2))), freeMemMb: Math.round(os.freemem() / MB), at: new Date().toISOString() };
}

/** GET, reading the body as it comes and keeping only its length. */
function download(url: string): Promise<{ status: number; bytes: number; firstByteMs: number; totalMs: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    http.get(url, { headers: { "x-api-key": KEY } }, (res) => {
      let bytes = 0;
      let firstByteMs = -1;
      res.on("data", (chunk: Buffer) => {
        if (firstByteMs < 0) firstByteMs = performance.now() - started;
        bytes += chunk.length;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, bytes, firstByteMs: Math.round(firstByteMs), totalMs: Math.round(performance.now() - started) }));
      res.on("error", reject);
    }).on("error", reject);
  });
}

async function runCase(serverJs: string, uri: string, format: string, mode: string) {
  const child = fork(serverJs, [uri, KEY], {
    // As `npm start` runs the server, plus gc() for the last reading (and a heap limit when asked).
    execArgv: ["--max-semi-space-size=64", "--expose-gc", ...(serverHeapMb ? [`--max-old-space-size=${serverHeapMb}`] : [])],
    env: { ...process.env, NODE_ENV: "production", LOG_LEVEL: "silent" },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const ask = <T>(type: string): Promise<T> =>
    new Promise((resolve) => {
      const listener = (m: any) => {
        if (m?.type === type) {
          child.off("message", listener);
          resolve(m);
        }
      };
      child.on("message", listener);
      child.send({ type });
    });
  let exited: (code: number | null) => void = () => {};
  const exit = new Promise<never>((_resolve, reject) => (exited = (code) => reject(new Error(`server exited with code ${code} (out of memory?)`))));
  exit.catch(() => {});
  child.once("exit", (code) => exited(code));
  const ready: { port: number } = await Promise.race([exit, new Promise<{ port: number }>((resolve) => child.on("message", (m: any) => m?.type === "ready" && resolve(m)))]);
  try {
    await sleep(1000);
    const idle = (await ask<{ samples: [number, number, number][] }>("samples")).samples;
    const baseline = idle[idle.length - 1];
    const before = conditions();
    const result = await Promise.race([exit, download(`http://127.0.0.1:${ready.port}/export/${format}?mode=${mode}`)]).catch(
      (error: Error) => ({ status: 0, bytes: 0, firstByteMs: -1, totalMs: -1, failed: error.message }),
    );
    if ("failed" in result) return { format, mode, ...result, baselineRssMb: Math.round(baseline[1] / MB), conditionsBefore: before, conditionsAfter: conditions() };
    await sleep(2000);
    const during = (await ask<{ samples: [number, number, number][] }>("samples")).samples;
    const afterGc = await ask<{ rss: number; heapUsed: number }>("gc");
    const last = during[during.length - 1];
    const mb = (bytes: number) => Math.round(bytes / MB);
    return {
      format, mode, ...result,
      baselineRssMb: mb(baseline[1]), baselineHeapMb: mb(baseline[2]),
      peakRssMb: mb(Math.max(...during.map((s) => s[1]))), peakHeapMb: mb(Math.max(...during.map((s) => s[2]))),
      rssAfter2sMb: mb(last[1]), rssAfterGcMb: mb(afterGc.rss), heapAfterGcMb: mb(afterGc.heapUsed),
      samples: during.length, conditionsBefore: before, conditionsAfter: conditions(),
    };
  } finally {
    child.kill();
  }
}

async function main() {
  const versions: Version[] = [];
  const commitOf = (root: string) => execSync("git rev-parse --short HEAD", { cwd: root }).toString().trim();
  if (before && only.includes("before")) versions.push({ name: "before", root: resolve(before), commit: commitOf(resolve(before)) });
  if (only.includes("after")) versions.push({ name: "after", root: REPO, commit: commitOf(REPO) });
  const database = await startDatabase(size, port, log);
  const results: object[] = [];
  let data: Record<string, number> = {};
  try {
    const connection = await openConnection(database.uri);
    try {
      await prepareGraph(connection, size, log);
      const [counts] = await connection.executor.read(
        `CALL () { MATCH (a:Actor) RETURN count(a) AS actors } CALL () { MATCH (al:Alliance) RETURN count(al) AS alliances }
         CALL () { MATCH (m:Membership) RETURN count(m) AS memberships } RETURN actors, alliances, memberships`,
      );
      data = counts;
    } finally {
      await connection.close();
    }
    log(`data: ${JSON.stringify(data)}`);
    for (const version of versions) {
      const serverJs = buildServer(version);
      for (const format of formats) {
        for (const mode of format === "json" ? ["bipartite"] : ["bipartite", "projected"]) {
          const result = await runCase(serverJs, database.uri, format, mode);
          if ("failed" in result) log(`${version.name} ${format} ${mode}: failed: ${result.failed}`);
          else log(`${version.name} ${format} ${mode}: ${result.bytes} bytes in ${result.totalMs} ms, RSS ${result.baselineRssMb} → peak ${result.peakRssMb} → ${result.rssAfter2sMb} MB (${result.rssAfterGcMb} after GC)`);
          results.push({ version: version.name, commit: version.commit, ...result });
        }
      }
    }
  } finally {
    database.stop();
  }
  const date = new Date().toISOString().slice(0, 10);
  const file = join(REPO, "bench", "results", `export-memory-${date}${serverHeapMb ? `-heap-${serverHeapMb}mb` : ""}`);
  const report = {
    date: new Date().toISOString(), size, data,
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, totalMemMb: Math.round(os.totalmem() / MB), node: process.version },
    note: "Shared 2-CPU machine with other sessions running tests; each case in a fresh server process; load averages around each case under conditions*.",
    neo4jHeap: process.env.NEO4J_HEAP ?? "1g",
    serverHeapLimitMb: serverHeapMb || null,
    results,
  };
  writeFileSync(`${file}.json`, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(`${file}.md`, markdown(report));
  log(`wrote ${file}.json and .md`);
}

function markdown(report: any): string {
  const rows = report.results.map((r: any) => r.failed ? `| ${r.version} (${r.commit}) | ${r.format} | ${r.mode} | failed: ${r.failed} |||||||||` :
    `| ${r.version} (${r.commit}) | ${r.format} | ${r.mode} | ${(r.bytes / MB).toFixed(1)} | ${(r.firstByteMs / 1000).toFixed(1)} | ${(r.totalMs / 1000).toFixed(1)} | ${r.baselineRssMb} | ${r.peakRssMb} | ${r.peakRssMb - r.baselineRssMb} | ${r.rssAfter2sMb} | ${r.rssAfterGcMb} | ${r.conditionsBefore.loadavg[0]} |`);
  return [
    `# Export memory, ${report.date.slice(0, 10)} (${report.size}: ${JSON.stringify(report.data)})`,
    "",
    `Whole-graph exports over HTTP, each in a fresh server process (node ${report.machine.node}, ${report.machine.cpus} CPUs, ${report.machine.totalMemMb} MB)` +
      (report.serverHeapLimitMb ? `, the server's V8 heap limited to ${report.serverHeapLimitMb} MB.` : "."),
    "RSS sampled every 100 ms in the server. " + report.note,
    "",
    "| version | format | mode | MB sent | first byte s | total s | RSS before MB | peak RSS MB | peak − before | RSS 2 s after | RSS after GC | load (1 min) |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ...rows,
    "",
  ].join("\n");
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
