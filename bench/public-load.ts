/**
 * Public load: 20 anonymous clients (autocannon, one connection each, told apart by
 * X-Forwarded-For behind a trusted proxy hop) send the most expensive requests the default
 * limits allow (bench/public-load-requests.ts) for a while, against a server started as
 * `npm start` would be in production with the default quotas. Meanwhile GET /healthz is timed
 * every 100 ms on a fresh connection (from a process of its own: bench/public-load-healthz.ts),
 * the server's RSS is read from /proc, and its event loop delay and CPU time are recorded inside
 * it (bench/public-load-probe.ts).
 * Targets (issue 13): /healthz p100 ≤ 200 ms, RSS ≤ 1 GB.
 * Writes bench/results/public-load-<date>.json and .md.
 *
 * Usage: npm run bench:public -- [--uri bolt://127.0.0.1:17712 | --size 10k --port 7701] [--clients 20] [--duration 30] [--server source|dist]
 *   --uri   a Neo4j already running with data (the test database will do)
 *   --size  else the bench graph of that size (bench/.data/neo4j-<size>, imported by `npm run bench` once), on --port
 */
import "reflect-metadata";
import { ChildProcess, spawn } from "node:child_process";
import { readFileSync, mkdirSync, writeFileSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { flag } from "./lib/flags";
import { BENCH_DIR, openConnection, startDatabase } from "./lib/database";
import { pickTargets, requestKinds } from "./public-load-requests";

const ROOT = join(BENCH_DIR, "..");
const HEALTHZ_TARGET_MS = 200;
const RSS_TARGET_BYTES = 1024 ** 3;
const SAMPLE_EVERY_MS = 100;
/** How long /healthz is timed on the idle server before the load (the control). */
const CONTROL_MS = 5_000;
const log = (message: string) => console.log(`public-load: ${message}`);

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
    probe.on("error", reject);
  });
}

/** The server as `npm start` runs it in production (default quotas and limits), trusting one proxy hop. */
function startServer(uri: string, port: number, from: string, probeFile: string): ChildProcess {
  // ts-node first (it compiles the probe, and src/main.ts unless the server runs from dist/).
  const entry = from === "dist" ? join(ROOT, "dist", "src", "main.js") : join(ROOT, "src", "main.ts");
  return spawn(process.execPath, ["--max-semi-space-size=64", "-r", "ts-node/register/transpile-only", "-r", join(BENCH_DIR, "public-load-probe.ts"), entry], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: "production", NEO4J_URI: uri, PORT: String(port), MAILLAGE_AUTOSTART_DB: "false", MAILLAGE_TRUST_PROXY: "true", LOG_LEVEL: "warn", PUBLIC_LOAD_PROBE_FILE: probeFile },
    stdio: ["ignore", "inherit", "inherit"],
  });
}

/** One GET /healthz on a connection of its own: its latency in ms (the timeout when none came). */
function timeHealthz(port: number, timeoutMs = 5_000): Promise<number> {
  const started = process.hrtime.bigint();
  const elapsed = () => Number(process.hrtime.bigint() - started) / 1e6;
  return new Promise((resolve) => {
    const request = http.get({ host: "127.0.0.1", port, path: "/healthz", agent: false, timeout: timeoutMs }, (response) => {
      response.resume();
      response.on("end", () => resolve(response.statusCode === 200 ? elapsed() : timeoutMs));
    });
    request.on("timeout", () => request.destroy());
    request.on("error", () => resolve(Math.max(elapsed(), timeoutMs)));
  });
}

/** Times /healthz every SAMPLE_EVERY_MS from a process of its own (bench/public-load-healthz.ts) until stopped. */
function sampleHealthz(port: number): { stop(): Promise<number[]> } {
  const child = spawn(process.execPath, ["-r", "ts-node/register/transpile-only", join(BENCH_DIR, "public-load-healthz.ts"), String(port), String(SAMPLE_EVERY_MS)], { stdio: ["pipe", "pipe", "inherit"] });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  const exited = new Promise((resolve) => child.once("exit", resolve));
  return {
    async stop() {
      child.stdin!.end();
      await exited;
      return JSON.parse(output);
    },
  };
}

function latencyStats(latencies: number[]) {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { samples: sorted.length, p50Ms: round(percentile(sorted, 50)), p99Ms: round(percentile(sorted, 99)), p100Ms: round(sorted[sorted.length - 1] ?? 0) };
}

async function waitForServer(port: number, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    if ((await timeHealthz(port, 1_000)) < 1_000) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error("the server did not answer /healthz within 2 minutes");
}

/** VmRSS and VmHWM (peak) of a process, in bytes (Linux). */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? 0) * 1024;
  return { rss: kb("VmRSS"), peak: kb("VmHWM") };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
const round = (x: number) => Math.round(x * 10) / 10;

async function main(): Promise<void> {
  const clients = Number(flag("clients", "20"));
  const duration = Number(flag("duration", "30"));
  const from = flag("server", "source");
  const given = flag("uri", "");
  const size = flag("size", "10k");
  const database = given ? null : await startDatabase(size, Number(flag("port", "7701")), log);
  const uri = given || database!.uri;

  const connection = await openConnection(uri);
  const targets = await pickTargets(connection.executor);
  const [{ actors }] = await connection.executor.read("MATCH (a:Actor) RETURN count(a) AS actors", {});
  await connection.close();
  const kinds = requestKinds(targets);

  const port = await freePort();
  log(`starting the server (${from}) on ${port} over ${uri} (${actors} actors)`);
  const probeFile = join(os.tmpdir(), `public-load-probe-${process.pid}.json`);
  const server = startServer(uri, port, from, probeFile);
  let outcome: Record<string, unknown> | undefined;
  try {
    await waitForServer(port, server);
    const baseline = memoryOf(server.pid!);
    server.kill("SIGUSR2"); // the probe starts measuring

    // A control: /healthz on the idle server, so a starved machine shows as such.
    const idle = sampleHealthz(port);
    await new Promise((resolve) => setTimeout(resolve, CONTROL_MS));
    const idleLatencies = await idle.stop();
    // /healthz every 100 ms during the load, from a process of its own; RSS from here.
    const sampler = sampleHealthz(port);
    let rssMax = baseline.rss;
    const rssSampler = setInterval(() => (rssMax = Math.max(rssMax, memoryOf(server.pid!).rss)), SAMPLE_EVERY_MS);

    // Answers per kind: HTTP status, and the first error code of a 200 or 4xx.
    const answers: Record<string, Record<string, number>> = Object.fromEntries(kinds.map((k) => [k.name, {}]));
    let counter = 0;
    let clientIndex = 0;
    log(`${clients} anonymous clients for ${duration} s`);
    const result = await autocannon({
      url: `http://127.0.0.1:${port}`,
      connections: clients,
      duration,
      setupClient: (client) => client.setHeaders({ "content-type": "application/json", "x-forwarded-for": `10.1.0.${++clientIndex}` }),
      requests: kinds.map((kind) => ({
        method: "POST" as const,
        path: "/graphql",
        setupRequest: (request: any) => ({ ...request, body: kind.body(counter++) }),
        onResponse: (status: number, body: string) => {
          let code = "";
          try {
            code = JSON.parse(body).errors?.[0]?.extensions?.code ?? "";
          } catch {
            code = "unparsed";
          }
          const key = code ? `${status} ${code}` : String(status);
          answers[kind.name][key] = (answers[kind.name][key] ?? 0) + 1;
        },
      })),
    });
    clearInterval(rssSampler);
    const memory = memoryOf(server.pid!);
    const healthz = latencyStats(await sampler.stop());
    const healthzIdle = latencyStats(idleLatencies);
    const rss = { baselineMb: round(baseline.rss / 2 ** 20), maxSampledMb: round(rssMax / 2 ** 20), peakMb: round(Math.max(memory.peak, rssMax) / 2 ** 20), endMb: round(memory.rss / 2 ** 20) };
    outcome = {
      date: new Date().toISOString(),
      conditions: {
        cpus: os.cpus().length,
        loadAverageAtEnd: os.loadavg().map(round),
        node: process.version,
        server: from === "dist" ? "dist/src/main.js" : "src/main.ts through ts-node (transpile-only): its RSS includes the TypeScript compiler",
        database: given ? `${uri} (given)` : `bench graph ${size}`,
        actors,
        note: flag("note", "shared 2-CPU machine, other sessions working: latencies are noisy; rerun on a quiet machine"),
      },
      load: { clients, durationS: duration, requests: result.requests.total, throughputPerS: round(result.requests.average), statusCodes: result.statusCodeStats, errors: result.errors, timeouts: result.timeouts },
      answers,
      healthz,
      healthzIdleControl: healthzIdle,
      rss,
      server: undefined as unknown, // filled in once the server has exited (its event loop delay and CPU time)
      targets: { healthzP100Ms: HEALTHZ_TARGET_MS, healthzMet: healthz.p100Ms <= HEALTHZ_TARGET_MS, rssMb: RSS_TARGET_BYTES / 2 ** 20, rssMet: rss.peakMb * 2 ** 20 <= RSS_TARGET_BYTES },
    };
  } finally {
    const exited = server.exitCode !== null ? Promise.resolve() : new Promise((resolve) => server.once("exit", resolve));
    server.kill("SIGTERM");
    await exited;
    database?.stop();
  }
  try {
    outcome!.server = JSON.parse(readFileSync(probeFile, "utf8"));
  } catch {
    outcome!.server = "the probe wrote nothing (the server did not exit cleanly)";
  }
  const day = new Date().toISOString().slice(0, 10);
  const dir = join(BENCH_DIR, "results");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `public-load-${day}.json`), JSON.stringify(outcome, null, 2) + "\n");
  writeFileSync(join(dir, `public-load-${day}.md`), summary(outcome!));
  log(`wrote bench/results/public-load-${day}.json and .md`);
  console.log(summary(outcome!));
}

function summary(o: any): string {
  const rows = Object.entries(o.answers as Record<string, Record<string, number>>).map(
    ([kind, counts]) => `| ${kind} | ${Object.entries(counts).map(([k, n]) => `${k}: ${n}`).join(", ")} |`,
  );
  return [
    `# Public load, ${o.date.slice(0, 10)}`,
    "",
    `${o.load.clients} anonymous clients for ${o.load.durationS} s against the production defaults (quotas, limits); ${o.conditions.actors} actors; ${o.conditions.cpus} CPUs, Node ${o.conditions.node}. ${o.conditions.note}.`,
    "",
    `| target | measured | met |`,
    `| --- | --- | --- |`,
    `| /healthz p100 ≤ ${o.targets.healthzP100Ms} ms | p50 ${o.healthz.p50Ms} ms, p99 ${o.healthz.p99Ms} ms, p100 ${o.healthz.p100Ms} ms (${o.healthz.samples} samples) | ${o.targets.healthzMet ? "yes" : "no"} |`,
    `| (control: /healthz on the idle server just before) | p50 ${o.healthzIdleControl.p50Ms} ms, p99 ${o.healthzIdleControl.p99Ms} ms, p100 ${o.healthzIdleControl.p100Ms} ms (${o.healthzIdleControl.samples} samples) | |`,
    `| RSS ≤ ${o.targets.rssMb} MB | ${o.rss.baselineMb} MB at start, peak ${o.rss.peakMb} MB, ${o.rss.endMb} MB at end | ${o.targets.rssMet ? "yes" : "no"} |`,
    "",
    `Inside the server: event loop delay p50 ${o.server?.eventLoopDelayMs?.p50} ms, p99 ${o.server?.eventLoopDelayMs?.p99} ms, max ${o.server?.eventLoopDelayMs?.max} ms; ${o.server?.cpuSeconds} s of CPU in ${o.server?.wallSeconds} s (the analytics worker thread included).`,
    "",
    `${o.load.requests} requests (${o.load.throughputPerS}/s), errors ${o.load.errors}, timeouts ${o.load.timeouts}. Answers by request (HTTP status and error code):`,
    "",
    `| request | answers |`,
    `| --- | --- |`,
    ...rows,
    "",
    `Server: ${o.conditions.server}. Load average at the end: ${o.conditions.loadAverageAtEnd.join(", ")}.`,
    "",
  ].join("\n");
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
