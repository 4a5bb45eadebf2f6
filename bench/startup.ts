/**
 * How fast the entry points start on an unchanged checkout (issue 14: `maillage stats` < 2 s,
 * `npm start` serving < 5 s): `maillage stats` through the bin (bin/maillage.js), `npx maillage
 * stats`, `npm run cli -- stats`, and `npm start` until /healthz answers. Wall times and CPU
 * seconds (user + system, the command's whole process tree; Linux /proc), median of --runs, with
 * the load average before and after: on a shared machine the CPU seconds are the steadier number.
 * Needs a migrated, seeded Neo4j on --bolt-port (only read; `npm start` then applies nothing).
 * Writes bench/results/startup-<date>.json.
 *
 * Usage: npm run bench:startup -- --bolt-port 17712 --runs 5
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
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

/** CPU seconds (user + system) of the processes in group `pgid`, their reaped children included (Linux /proc). */
function groupCpuSeconds(pgid: number): number {
  let ticks = 0;
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    let fields: string[];
    try {
      fields = readFileSync(`/proc/${pid}/stat`, "utf8").replace(/^.*\) /, "").split(" ");
    } catch {
      continue; // exited meanwhile
    }
    // after "pid (comm) ": state ppid pgrp … utime(12) stime(13) cutime(14) cstime(15), 1-based from state
    if (Number(fields[2]) === pgid) ticks += [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0);
  }
  return ticks / 100; // USER_HZ
}

/** Wall milliseconds and CPU seconds a command takes to exit 0 (CPU of its whole tree, through bash's `times`). */
function timeCommand(command: string, args: string[]): { ms: number; cpuS: number } {
  const start = process.hrtime.bigint();
  const quoted = [command, ...args].map((arg) => `'${arg}'`).join(" ");
  const run = spawnSync("bash", ["-c", `${quoted} >/dev/null && times`], { cwd: REPO, env, encoding: "utf8" });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (run.status !== 0) throw new Error(`${command} ${args.join(" ")} exited ${run.status}: ${run.stderr}`);
  // `times` prints the shell's then its children's user and system time: "0m0.001s 0m0.000s\n0m0.450s 0m0.080s"
  const seconds = [...run.stdout.split("\n")[1].matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
  return { ms, cpuS: seconds.reduce((a, b) => a + b, 0) };
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Wall milliseconds and CPU seconds from `npm start` to the first 200 of /healthz; then the server is stopped. */
async function timeNpmStart(): Promise<{ ms: number; cpuS: number }> {
  const port = await freePort();
  const start = process.hrtime.bigint();
  const child = spawn("npm", ["start"], { cwd: REPO, env: { ...env, PORT: String(port) }, stdio: "ignore", detached: true });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`npm start exited ${child.exitCode}`);
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false);
      if (ok) return { ms: Number(process.hrtime.bigint() - start) / 1e6, cpuS: groupCpuSeconds(child.pid!) };
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
  const summary = (name: string, samples: { ms: number; cpuS: number }[]) => {
    const result = {
      name,
      medianMs: round(median(samples.map((s) => s.ms))),
      medianCpuS: Math.round(median(samples.map((s) => s.cpuS)) * 100) / 100,
      runsMs: samples.map((s) => round(s.ms)),
      runsCpuS: samples.map((s) => Math.round(s.cpuS * 100) / 100),
    };
    console.log(`${name}: median ${result.medianMs} ms wall, ${result.medianCpuS} s CPU (${result.runsMs.join(", ")} ms)`);
    return result;
  };
  const measure = (name: string, command: string, args: string[]) => summary(name, Array.from({ length: runs }, () => timeCommand(command, args)));
  const results = [
    measure("maillage stats (node bin/maillage.js stats)", process.execPath, ["bin/maillage.js", "stats"]),
    measure("npx maillage stats", "npx", ["maillage", "stats"]),
    measure("npm run cli -- stats", "npm", ["run", "--silent", "cli", "--", "stats"]),
    measure("npm run build (nothing changed)", "npm", ["run", "--silent", "build"]),
  ];
  const starts: { ms: number; cpuS: number }[] = [];
  for (let i = 0; i < runs; i++) starts.push(await timeNpmStart());
  results.push(summary("npm start until /healthz answers 200", starts));

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
