/**
 * Network analytics bench (`npm run bench:analytics -- --size 100k --port 17719`):
 *  1. per scope (France, and regions by territory filter): the SCOPED_NETWORK fetch (ms, actors,
 *     ties), building the compact graph, and each metric computed alone (ms; PageRank's
 *     iterations; the sample of betweenness/closeness and its standard error);
 *  2. the server does not stall: a Maillage server (child process, compiled as in production)
 *     answers a cold networkAnalytics over France (degree, PageRank, communities) while this
 *     process probes /healthz and a light read every 25 ms; their latencies are recorded.
 * Writes bench/results/analytics-<date>-<size>.json. Uses a bench Neo4j on --port (started if needed).
 */
import "reflect-metadata";
import { fork } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { join } from "node:path";
import { openConnection, prepareGraph, SIZES, startDatabase } from "./lib/database";
import { compiled, compileForBench } from "./lib/compile";
import { SCOPED_NETWORK } from "../src/analytics/analytics.cypher";
import { scopeShape } from "../src/alliance/alliance-filter";
import { buildScopeGraph, ScopeAnalysis, ScopeGraph } from "../src/analytics/analytics.graph";
import { AnalyticsRepository, clearAnalyticsCache } from "../src/analytics/analytics.repository";
import { allianceFilterParams } from "../src/alliance/alliance-filter";
import { computeMetrics, MetricName, MetricsTask } from "../src/analytics/analytics.metrics";
import { CENTRALITY_BUDGET, MAX_ANALYTICS_ACTORS } from "../src/analytics/analytics.budget";
import { flag } from "./lib/flags";

const size = flag("size", "100k");
const port = Number(flag("port", "17719"));
if (!SIZES[size]) throw new Error(`--size must be one of ${Object.keys(SIZES).join(", ")}; got ${size}`);
const log = (m: string) => console.error(`[bench:analytics ${new Date().toISOString().slice(11, 19)}] ${m}`);
const now = () => Number(process.hrtime.bigint()) / 1e6;
const round = (x: number) => Math.round(x * 10) / 10;

/** Scopes measured: all of France, and France's associations and companies only (actorKinds). */
const SCOPES: { name: string; actorKinds: string[] | null }[] = [
  { name: "France, associations and companies", actorKinds: ["ASSOCIATION", "COMPANY"] },
  { name: "France", actorKinds: null },
];
const METRICS: MetricName[][] = [["components"], ["pageRank"], ["communities"], ["nameRank"], ["averagePath"], ["betweenness"], ["closeness"]];
const inline = async (task: MetricsTask) => computeMetrics(task);

/** Each metric computed alone on `graph` (inline: the worker runs the same code). */
async function measureMetrics(label: string, graph: ScopeGraph) {
  const metrics: Record<string, unknown> = {};
  for (const names of METRICS) {
    const t = now();
    const analysis = await new ScopeAnalysis(graph, inline).compute(names);
    const ms = now() - t;
    const name = names[0];
    const detail =
      name === "pageRank" ? (({ iterations, residual, converged }) => ({ iterations, residual, converged }))(analysis.metric("pageRank"))
      : name === "betweenness" || name === "closeness" ? analysis.metric(name).sample
      : name === "communities" ? { count: analysis.metric("communities").list.length, modularity: analysis.metric("communities").modularity }
      : name === "components" ? { count: analysis.metric("components").count }
      : name === "nameRank" ? {}
      : analysis.metric("averagePath");
    metrics[name] = { ms: round(ms), ...detail };
    log(`${label}: ${name} ${round(ms)} ms ${JSON.stringify(detail)}`);
  }
  return metrics;
}

/** Two disjoint copies of `graph`: a scope twice as large with the same structure, for computing only. */
function doubled(graph: ScopeGraph): ScopeGraph {
  const n = graph.order;
  const ties: [number, number, number][] = [];
  for (let v = 0; v < n; v++) graph.neighbors(v).forEach((w, j) => v < w && ties.push([v, w, graph.compact.weights[graph.compact.offsets[v] + j]], [v + n, w + n, graph.compact.weights[graph.compact.offsets[v] + j]]));
  const copy = (suffix: string) => graph.actors.map((a) => ({ ...a, id: a.id + suffix }));
  return buildScopeGraph({ actors: [...copy(""), ...copy("-2")], ties });
}

async function measureScopes(connection: Awaited<ReturnType<typeof openConnection>>) {
  const results = [];
  let largest: ScopeGraph | null = null;
  for (const scope of SCOPES) {
    const analyticsScope = { filter: allianceFilterParams(null, null), at: null, actorKinds: scope.actorKinds };
    const params = { ...analyticsScope, maxActors: MAX_ANALYTICS_ACTORS };
    const cypher = SCOPED_NETWORK(scopeShape(analyticsScope.filter, null), scope.actorKinds !== null);
    await connection.executor.read(cypher, params); // warm: plan and page cache
    let t = now();
    const rows = await connection.executor.read(cypher, params);
    const fetchMs = now() - t;
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    t = now();
    clearAnalyticsCache();
    const analysis = await new AnalyticsRepository(connection.executor, CENTRALITY_BUDGET, inline).analyse(analyticsScope as any);
    const fetchAndBuildMs = now() - t;
    loop.disable();
    const graph = analysis.graph;
    const entry = {
      scope: scope.name, actors: graph.order, ties: graph.size, rows: rows.length,
      fetchMs: round(fetchMs), fetchAndBuildMs: round(fetchAndBuildMs), eventLoopDelayMaxMsDuringFetchAndBuild: round(loop.max / 1e6),
      metrics: await measureMetrics(scope.name, graph),
    };
    log(`${scope.name}: ${graph.order} actors, ${graph.size} ties; fetch ${entry.fetchMs} ms, fetch+build ${entry.fetchAndBuildMs} ms, event loop max delay ${entry.eventLoopDelayMaxMsDuringFetchAndBuild} ms`);
    results.push(entry);
    if (!largest || graph.order > largest.order) largest = graph;
  }
  const twice = doubled(largest!);
  const label = `two copies of France (synthetic, ${twice.order} actors; compute only)`;
  results.push({ scope: label, actors: twice.order, ties: twice.size, metrics: await measureMetrics(label, twice) });
  return results;
}

const HEAVY = `query { networkAnalytics { actorCount tieCount communityCount modularity pageRankConvergence { iterations converged }
  actors(first: 10, orderBy: PAGERANK) { edges { node { actor { id } degree pageRank community } } } } }`;
/** The same scope again (its network cached): only the worker computes, Neo4j is idle. */
const WARM = `query { networkAnalytics { centralitySample { sources exact betweennessStandardError closenessStandardError } } }`;
const LIGHT = `query { actor(id: "gen-actor-1") { id name } }`;

/** Latencies of /healthz and a light read, probed every 25 ms while one cold networkAnalytics over France runs. */
async function measureStall(uri: string) {
  compileForBench();
  const child = fork(compiled("bench/servers/server.ts"), ["maillage", uri], {
    execArgv: ["--max-semi-space-size=64"], // as `npm start` and the Dockerfile run the server
    env: { ...process.env, NODE_ENV: "production", LOG_LEVEL: "silent", BENCH_FLOOR_QUERIES: "{}" },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const serverPort: number = await new Promise((resolve) => child.on("message", (m: any) => m.type === "ready" && resolve(m.port)));
  const base = `http://127.0.0.1:${serverPort}`;
  const post = (query: string) => fetch(`${base}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query }) });
  await (await post(LIGHT)).json(); // warm the light read
  const probes: { healthz: number[]; light: number[] } = { healthz: [], light: [] };
  let running = true;
  const probe = async () => {
    while (running) {
      let t = now();
      await (await fetch(`${base}/healthz`)).text();
      probes.healthz.push(now() - t);
      t = now();
      await (await post(LIGHT)).json();
      probes.light.push(now() - t);
      await new Promise((r) => setTimeout(r, 25));
    }
  };
  const stat = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return { count: s.length, p50: round(s[Math.floor(s.length / 2)]), p99: round(s[Math.min(s.length - 1, Math.floor(s.length * 0.99))]), max: round(s[s.length - 1]) };
  };
  const phase = async (name: string, query: string) => {
    probes.healthz = [];
    probes.light = [];
    running = true;
    const t0 = now();
    const heavy = post(query).then((r) => r.json());
    const prober = probe();
    const answer: any = await heavy;
    const analyticsMs = now() - t0;
    running = false;
    await prober;
    if (answer.errors) throw new Error(`networkAnalytics failed: ${JSON.stringify(answer.errors)}`);
    const result = { phase: name, query: query.replace(/\s+/g, " "), analyticsMs: round(analyticsMs), answer: answer.data, healthz: stat(probes.healthz), lightRead: stat(probes.light) };
    log(`stall (${name}): analytics ${round(analyticsMs)} ms; healthz ${JSON.stringify(result.healthz)}; light read ${JSON.stringify(result.lightRead)}`);
    return result;
  };
  try {
    const cold = await phase("cold: fetch from Neo4j, then degree, PageRank and communities in the worker", HEAVY);
    delete (cold.answer as any).networkAnalytics.actors;
    const warm = await phase("warm: network cached, sampled betweenness and closeness in the worker", WARM);
    return [cold, warm];
  } finally {
    child.kill();
  }
}

(async () => {
  const db = await startDatabase(size, port, log);
  const connection = await openConnection(db.uri);
  try {
    await prepareGraph(connection, size, log);
    const scopes = await measureScopes(connection);
    const stall = await measureStall(db.uri);
    const date = new Date().toISOString().slice(0, 10);
    const out = join(__dirname, "results", `analytics-${date}-${size}.json`);
    mkdirSync(join(__dirname, "results"), { recursive: true });
    const conditions = { cpus: cpus().length, node: process.version, note: "shared 2-CPU machine; other helpers ran tests and benches at the same time", budget: CENTRALITY_BUDGET };
    writeFileSync(out, JSON.stringify({ size, conditions, scopes, stall }, null, 2) + "\n");
    log(`wrote ${out}`);
  } finally {
    await connection.close();
    db.stop();
  }
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
