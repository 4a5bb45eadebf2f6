/**
 * How fast the entry points start on an unchanged checkout (issue 14: `maillage stats` < 2 s,
 * `npm start` serving < 5 s): `maillage stats` through the bin (bin/maillage.js), `npx maillage
 * stats`, `npm run cli -- stats`, and `npm start` until /healthz answers. Wall times, median of
 * --runs, with the load average before and after (the machine is shared: read them together).
 * Needs a migrated, seeded Neo4j on --bolt-port (only read; `npm start` then applies nothing).
 * Writes bench/results/startup-<date>.json.
 *
 * Usage: npm run bench:startup -- --bolt-port 17712 --runs 5
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { loadavg, cpus } from "node:os";
import { join } from "node:path";
import { BENCH_DIR } from "./lib/database";
import { flag } from "./lib/flags";

const REPO = join(BENCH_DIR, "..");
const boltPort = flag("bolt-port", "7687");
const runs = Number(flag("runs", "5"));
const env = { ...process.env, NEO4J_URI: `bolt://127.0.0.1:${boltPort}`, NEO4J_BOLT_PORT: boltPort, MAILLAGE_AUTOSTART_DB: "false", LOG_LEVEL: "info", MAILLAGE_LOG_FORMAT: "json" };

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const round = (ms: number) => Math.round(ms);

/** Milliseconds a command takes to exit 0. */
function timeCommand(command: string, args: string[]): number {
  const start = process.hrtime.bigint();
  const run = spawnSync(command, args, { cwd: REPO, env, stdio: ["ignore", "ignore", "pipe"] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (run.status !== 0) throw new Error(`${command} ${args.join(" ")} exited ${run.status}: ${run.stderr}`);
  return ms;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Milliseconds from `npm start` to the first 200 of /healthz; then the server is stopped. */
async function timeNpmStart(): Promise<number> {
  const port = await freePort();
  const start = process.hrtime.bigint();
  const child = spawn("npm", ["start"], { cwd: REPO, env: { ...env, PORT: String(port) }, stdio: "ignore", detached: true });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`npm start exited ${child.exitCode}`);
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false);
      if (ok) return Number(process.hrtime.bigint() - start) / 1e6;
      if (Number(process.hrtime.bigint() - start) > 120e9) throw new Error("npm start did not serve within 120 s");
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  } finally {
    process.kill(-child.pid!, "SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
  }
}

async function main(): Promise<void> {
  // Up to date first: what is measured is an unchanged checkout.
  spawnSync("npm", ["run", "--silent", "build"], { cwd: REPO, stdio: "inherit" });
  const loadBefore = loadavg();
  const measure = (name: string, command: string, args: string[]) => {
    const times = Array.from({ length: runs }, () => timeCommand(command, args));
    console.log(`${name}: median ${round(median(times))} ms (${times.map(round).join(", ")})`);
    return { name, medianMs: round(median(times)), runsMs: times.map(round) };
  };
  const results = [
    measure("maillage stats (node bin/maillage.js stats)", process.execPath, ["bin/maillage.js", "stats"]),
    measure("npx maillage stats", "npx", ["maillage", "stats"]),
    measure("npm run cli -- stats", "npm", ["run", "--silent", "cli", "--", "stats"]),
    measure("npm run build (nothing changed)", "npm", ["run", "--silent", "build"]),
  ];
  const starts: number[] = [];
  for (let i = 0; i < runs; i++) starts.push(await timeNpmStart());
  console.log(`npm start → /healthz 200: median ${round(median(starts))} ms (${starts.map(round).join(", ")})`);
  results.push({ name: "npm start until /healthz answers 200", medianMs: round(median(starts)), runsMs: starts.map(round) });

  const record = {
    date: new Date().toISOString(),
    conditions: { cpus: cpus().length, loadAverageBefore: loadBefore, loadAverageAfter: loadavg(), node: process.version, boltPort, runs },
    results,
  };
  mkdirSync(join(BENCH_DIR, "results"), { recursive: true });
  const file = join(BENCH_DIR, "results", `startup-${record.date.slice(0, 10)}.json`);
  writeFileSync(file, JSON.stringify(record, null, 2) + "\n");
  console.log(`wrote ${file}`);
}

void main();
