/**
 * `npm run bench:cpu -- [--size 10k] [--port 17700] [--only W1-hub,W4] [--requests 300] [--profile DIR]`
 *
 * Node CPU per request, which a shared 2-CPU machine measures far more steadily than req/s:
 * the Maillage server and a `fetch` client in one process against a bench database already
 * running on --port (`npm run bench` leaves its data in bench/.data), each workload asked
 * --requests times in a row; the first quarter warms up, the rest is measured with
 * `process.cpuUsage`. Beside it, the floor's statement through the same executor (no HTTP, no
 * GraphQL) and `{ __typename }` (W0: the fixed cost of a request, client included).
 * `--profile DIR` writes a V8 CPU profile of each measured window (open it in Chrome DevTools).
 * Prints a table and writes bench/results/cpu-<size>-<date>.json.
 */
import "reflect-metadata";
import inspector from "node:inspector";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadConfig } from "../src/config";
import { connect } from "../src/neo4j/connect";
import { createSchema } from "../src/graphql/schema";
import { createServer } from "../src/server";
import { NO_AUTH } from "../src/auth/auth.config";
import { BENCH_DIR } from "./lib/database";
import { buildWorkloads } from "./lib/workloads";
import { flag } from "./lib/flags";

const size = flag("size", "10k");
const port = Number(flag("port", "17700"));
const requests = Number(flag("requests", "300"));
const profileDir = flag("profile", "");

/** The parameters (hub, median…) of the latest side-by-side run at this size. */
function latestParams() {
  const runs = readdirSync(join(BENCH_DIR, "results")).filter((f) => new RegExp(`^\\d{4}-\\d{2}-\\d{2}-${size}\\.json$`).test(f)).sort();
  if (!runs.length) throw new Error(`no bench/results/<date>-${size}.json: run \`npm run bench -- --size ${size}\` once first`);
  return JSON.parse(readFileSync(join(BENCH_DIR, "results", runs[runs.length - 1]), "utf8")).params;
}

const profiler = new inspector.Session();
profiler.connect();
const post = (method: string) => new Promise<any>((resolve, reject) => profiler.post(method, (e, r) => (e ? reject(e) : resolve(r))));
const cpuMs = (from: NodeJS.CpuUsage, count: number) => {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1000 / count;
};

(async () => {
  const connection = await connect(loadConfig({ ...process.env, NEO4J_URI: `bolt://127.0.0.1:${port}`, LOG_LEVEL: "silent" }));
  const server = await createServer(connection.executor, { schema: await createSchema(), auth: NO_AUTH });
  const url = `http://127.0.0.1:${await server.listen(0)}/graphql`;
  const w0 = { name: "W0", maillage: { query: "query W0 { __typename }", variables: {} }, floor: { cypher: "RETURN 1 AS one", params: {} } };
  const all = [w0, ...buildWorkloads(latestParams())];
  const only = flag("only", all.map((w) => w.name).join(",")).split(",");
  const warm = Math.floor(requests / 4);
  const measured = requests - warm;
  const rows = [];
  for (const w of all.filter((x) => only.includes(x.name))) {
    const body = JSON.stringify({ query: w.maillage.query, variables: w.maillage.variables });
    let from = process.cpuUsage();
    let bytes = 0;
    for (let i = 0; i < requests; i++) {
      if (i === warm) {
        if (profileDir) await post("Profiler.enable").then(() => post("Profiler.start"));
        from = process.cpuUsage();
      }
      const answer = await (await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body })).text();
      if (i === 0 && answer.includes('"errors"')) throw new Error(`${w.name} answered errors: ${answer.slice(0, 300)}`);
      bytes = answer.length;
    }
    const maillage = cpuMs(from, measured);
    if (profileDir) {
      mkdirSync(profileDir, { recursive: true });
      writeFileSync(join(profileDir, `${w.name}.cpuprofile`), JSON.stringify((await post("Profiler.stop")).profile));
    }
    from = process.cpuUsage();
    for (let i = 0; i < measured; i++) await connection.executor.read(w.floor.cypher, w.floor.params as Record<string, unknown>);
    rows.push({ workload: w.name, maillageCpuMs: +maillage.toFixed(2), floorStatementCpuMs: +cpuMs(from, measured).toFixed(2), answerBytes: bytes });
  }
  console.table(rows);
  const file = join(BENCH_DIR, "results", `cpu-${size}-${new Date().toISOString().slice(0, 10)}.json`);
  writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), size, requests, measured, rows }, null, 2) + "\n");
  console.log(`wrote ${file}`);
  await server.stop();
  await connection.close();
  process.exit(0);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
