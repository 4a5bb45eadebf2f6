import { Connection } from "../../src/neo4j/connect";
import { loadDocument } from "../../src/seed/document";
import { bumpGraphGeneration } from "../../src/analytics/generation";
import { AnalyticsRepository, clearAnalyticsCache } from "../../src/analytics/analytics.repository";
import { ANALYTICS_FIELD_COST, ANALYTICS_SEED, CENTRALITY_BUDGET, PAGERANK, seededRandom } from "../../src/analytics/analytics.budget";
import { buildScopeGraph, ScopeAnalysis, ScopedNetwork } from "../../src/analytics/analytics.graph";
import { computeMetrics, MetricsTask } from "../../src/analytics/analytics.metrics";
import { closeAnalyticsPool, runMetricsTask } from "../../src/analytics/analytics.pool";
import { DEFAULT_LIMITS } from "../../src/graphql/limits";
import { createServer, MaillageServer } from "../../src/server";
import { deleteByPrefix, GraphQLClient, openTestDatabase } from "../support/database";
import { memberIds, testGraph } from "./analytics-graphs";

const P = "anw-";
let connection: Connection;
let client: GraphQLClient;

// 120 actors in 150 alliances of 2–3 members drawn with a seeded generator: irregular, connected enough.
const random = seededRandom(42);
const names = Array.from({ length: 120 }, (_, i) => `g${i}`);
const generated = testGraph(
  `${P}gen-`,
  names,
  Array.from({ length: 150 }, (_, i) => ({ members: [...new Set([names[i % 120], ...[0, 1].slice(0, 1 + (i % 2)).map(() => names[Math.floor(random() * 120)])])] })),
);
const star = testGraph(`${P}star-`, ["centre", "l1", "l2", "l3", "l4"], ["l1", "l2", "l3", "l4"].map((l) => ({ members: ["centre", l] })));
const scope = (doc: Parameters<typeof memberIds>[0]) => ({ filter: { memberIds: memberIds(doc) }, at: null, actorKinds: null });

beforeAll(async () => {
  connection = await openTestDatabase();
  await deleteByPrefix(connection, P);
  for (const doc of [generated, star]) await loadDocument(connection.executor, doc);
  bumpGraphGeneration();
  client = await GraphQLClient.create(connection);
});

afterAll(async () => {
  await deleteByPrefix(connection, P);
  bumpGraphGeneration();
  await client.stop();
  await connection.close();
  await closeAnalyticsPool();
});

describe("sampled betweenness and closeness", () => {
  const sampledBudget = { ...CENTRALITY_BUDGET, exactCentralityActors: 50, sampleSources: 30 };

  it("estimates each actor within a few standard errors of the exact value, and states sources and error", async () => {
    const analyse = (budget = CENTRALITY_BUDGET) => new AnalyticsRepository(connection.executor, budget).analyse(scope(generated) as any);
    const exact = await (await analyse()).compute(["betweenness", "closeness"]);
    const sampled = await (await analyse(sampledBudget)).compute(["betweenness", "closeness"]);
    expect(exact.actorCount).toBe(120);
    expect(sampled.sampled).toBe(true);
    for (const metric of ["betweenness", "closeness"] as const) {
      const { values, sample } = sampled.metric(metric);
      expect(exact.metric(metric).sample).toEqual({ sources: 120, exact: true, standardError: 0 });
      expect(sample.exact).toBe(false);
      expect(sample.sources).toBeLessThan(120);
      expect(sample.standardError).toBeGreaterThan(0);
      const truth = exact.metric(metric).values;
      const misses = Array.from(values).filter((value, node) => Math.abs(value - truth[node]) > 4 * sample.standardError);
      expect({ metric, misses }).toEqual({ metric, misses: [] });
    }
  });

  it("repeats the same estimate (seeded sources)", async () => {
    const run = async () => {
      clearAnalyticsCache();
      return (await new AnalyticsRepository(connection.executor, sampledBudget).analyse(scope(generated) as any).then((a) => a.compute(["betweenness"]))).metric("betweenness");
    };
    expect(await run()).toEqual(await run());
  });
});

describe("centralitySample and pageRankConvergence", () => {
  it("says the star's centralities are exact and its PageRank converged", async () => {
    const data = await client.data(
      `query ($filter: AllianceFilter) { networkAnalytics(filter: $filter) {
        centralitySample { exact sources seed betweennessStandardError closenessStandardError }
        pageRankConvergence { damping tolerance iterations maxIterations residual converged } } }`,
      { filter: scope(star).filter },
    );
    expect(data.networkAnalytics.centralitySample).toEqual({ exact: true, sources: 5, seed: ANALYTICS_SEED, betweennessStandardError: 0, closenessStandardError: 0 });
    const convergence = data.networkAnalytics.pageRankConvergence;
    expect(convergence).toMatchObject({ damping: 0.85, tolerance: PAGERANK.tolerance, maxIterations: PAGERANK.maxIterations, converged: true });
    expect(convergence.residual).toBeLessThan(PAGERANK.tolerance);
    expect(convergence.iterations).toBeGreaterThan(0);
  });
});

describe("query cost of analytics", () => {
  const filter = scope(star).filter;
  const cases = [
    { field: "networkAnalytics(filter: $filter) { actorCount }", declared: "$filter: AllianceFilter", variables: { filter } },
    { field: "recommendPartners(actor: $p, filter: $filter, first: 1) { score }", declared: "$filter: AllianceFilter, $p: ID!", variables: { filter, p: `${P}star-l1` } },
  ];
  const aliased = ({ field, declared }: (typeof cases)[number], n: number) => `query (${declared}) { ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(" ")} }`;
  const allowed = Math.min(DEFAULT_LIMITS.maxAnalyticsFields, Math.floor(DEFAULT_LIMITS.maxCost / (ANALYTICS_FIELD_COST + 1)));

  it(`costs ${ANALYTICS_FIELD_COST} a field and allows ${DEFAULT_LIMITS.maxAnalyticsFields} per operation, whatever the aliases: 30 are refused, and one more than allowed`, async () => {
    expect(allowed).toBe(2);
    for (const test of cases) {
      for (const n of [30, allowed + 1]) {
        const refused = await client.run(aliased(test, n), test.variables);
        expect(refused.errors?.[0]).toMatchObject({ extensions: { code: "QUERY_TOO_COMPLEX", limit: "maxAnalyticsFields" } });
        expect(refused.errors?.[0].message).toBe(`The operation has ${n} networkAnalytics / recommendPartners fields; at most 2 per operation.`);
      }
    }
  });

  it("answers as many as the limit allows", async () => {
    for (const test of cases) {
      const answered = await client.run(aliased(test, allowed), test.variables);
      expect(answered.errors).toBeUndefined();
      expect(Object.keys(answered.data)).toHaveLength(allowed);
    }
  });
});

describe("the event loop while analytics run", () => {
  // A grid of 40 × 40 actors: exact betweenness and closeness take hundreds of milliseconds.
  const side = 40;
  const grid: ScopedNetwork = {
    actors: Array.from({ length: side * side }, (_, i) => ({ id: `n${i}`, name: `n${i}`, nameKey: `n${i}`, kind: "ASSOCIATION" as any, departementId: null, sdgs: [] })),
    ties: Array.from({ length: side * side }, (_, i) => [
      ...(i % side < side - 1 ? [[i, i + 1, 1] as [number, number, number]] : []),
      ...(i + side < side * side ? [[i, i + side, 1] as [number, number, number]] : []),
    ]).flat(),
  };
  const order = async (run: (task: MetricsTask) => Promise<unknown>) => {
    const events: string[] = [];
    const computing = new ScopeAnalysis(buildScopeGraph(grid), run as any).compute(["betweenness", "closeness"]).then(() => events.push("analysis"));
    await new Promise((resolve) => setTimeout(resolve, 10)).then(() => events.push("timer"));
    await computing;
    return events;
  };

  it("keeps answering timers while the worker computes; computed inline, the timer waits", async () => {
    await runMetricsTask({ graph: buildScopeGraph(grid).compact, metrics: ["components"], budget: CENTRALITY_BUDGET }); // the thread is up
    expect(await order(runMetricsTask)).toEqual(["timer", "analysis"]);
    expect(await order(async (task) => computeMetrics(task))).toEqual(["analysis", "timer"]);
  });

  it("answers /healthz before a running networkAnalytics finishes", async () => {
    const server: MaillageServer = await createServer(connection.executor);
    const base = `http://127.0.0.1:${await server.listen(0)}`;
    try {
      clearAnalyticsCache();
      const events: string[] = [];
      const post = (query: string, variables: unknown) =>
        fetch(`${base}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query, variables }) }).then((r) => r.json());
      // The whole test database (a background graph of thousands of actors), every metric.
      const heavy = post(`{ networkAnalytics { actorCount centralitySample { sources } communityCount averagePathLength } }`, {}).then((answer: any) => {
        events.push("analytics");
        return answer;
      });
      await new Promise((resolve) => setTimeout(resolve, 300)); // the scope is fetched and the worker started
      await fetch(`${base}/healthz`).then(() => events.push("healthz"));
      const answer = await heavy;
      expect(answer.errors).toBeUndefined();
      expect(answer.data.networkAnalytics.actorCount).toBeGreaterThan(1000);
      expect(events).toEqual(["healthz", "analytics"]);
    } finally {
      await server.stop();
      server.httpServer.close();
    }
  });
});
