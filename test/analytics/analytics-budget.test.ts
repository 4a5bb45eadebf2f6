import { AnalyticsRepository } from "../../src/analytics/analytics.repository";
import { PromiseLru } from "../../src/analytics/analytics.cache";
import { buildScopeGraph, ScopeAnalysis, ScopedNetwork } from "../../src/analytics/analytics.graph";
import { CENTRALITY_BUDGET, MAX_ANALYTICS_ACTORS, PAGERANK, seededRandom } from "../../src/analytics/analytics.budget";
import { computeMetrics, MetricsTask, pageRank } from "../../src/analytics/analytics.metrics";
import { closeAnalyticsPool, runMetricsTask } from "../../src/analytics/analytics.pool";
import { Executor } from "../../src/neo4j/executor";

/** A ring of `n` actors, as SCOPED_NETWORK's rows become (ties by node index). */
function ring(n: number): ScopedNetwork {
  const id = (i: number) => `r${String(i).padStart(5, "0")}`;
  return {
    actors: Array.from({ length: n }, (_, i) => ({ id: id(i), name: id(i), nameKey: id(i), kind: "ASSOCIATION" as any, departementId: null, sdgs: [] })),
    ties: Array.from({ length: n }, (_, i) => [i, (i + 1) % n, 1] as [number, number, number]),
  };
}

const inline = async (task: MetricsTask) => computeMetrics(task);
const small = { ...CENTRALITY_BUDGET, exactCentralityActors: 50, sampleSources: 20, exactPathActors: 50, pathSampleSources: 20 };

afterAll(() => closeAnalyticsPool());

describe("analytics budgets", () => {
  it("estimates betweenness and closeness from sampled sources above the exact budget, and says so", async () => {
    // On a ring of 2k+1 every actor has the same exact closeness, k(k+1) hops in all: the estimate must be near it.
    const n = 201;
    const analysis = await new ScopeAnalysis(buildScopeGraph(ring(n)), inline, small).compute(["betweenness", "closeness"]);
    expect(analysis.sampled).toBe(true);
    const { values, sample } = analysis.metric("closeness");
    expect(sample).toMatchObject({ sources: 20, exact: false });
    expect(sample.standardError).toBeGreaterThan(0);
    const exact = (n - 1) / (100 * 101);
    for (const value of values) expect(Math.abs(value - exact)).toBeLessThan(5 * sample.standardError);
    expect(analysis.metric("betweenness").sample).toMatchObject({ sources: 20, exact: false });
  });

  it("estimates the average path length from sampled sources above the exact budget", async () => {
    // On a ring of 2k+1 actors every source sees distances 1…k twice: mean (k+1)/2, sampled or not.
    const n = 201;
    const analysis = await new ScopeAnalysis(buildScopeGraph(ring(n)), inline, small).compute(["averagePath"]);
    expect(analysis.metric("averagePath")).toEqual({ value: ((n - 1) / 2 + 1) / 2, sampled: true });
  });

  it("is exact at or below the budget", async () => {
    const analysis = await new ScopeAnalysis(buildScopeGraph(ring(7)), inline, small).compute(["averagePath", "betweenness"]);
    expect(analysis.metric("averagePath")).toEqual({ value: 2, sampled: false });
    expect(analysis.metric("betweenness").sample).toEqual({ sources: 7, exact: true, standardError: 0 });
    expect(analysis.sampled).toBe(false);
  });

  it("computes only the metrics asked, and what they need", async () => {
    const analysis = await new ScopeAnalysis(buildScopeGraph(ring(7)), inline).compute(["closeness"]);
    expect(() => analysis.metric("pageRank")).toThrow(/"pageRank" was read before it was computed/);
    expect(analysis.metric("components").count).toBe(1);
  });

  it("finds the same communities every time (seeded Louvain), in the worker thread as inline", async () => {
    const [inThread, inWorker] = await Promise.all(
      [inline, runMetricsTask].map(async (run) => (await new ScopeAnalysis(buildScopeGraph(ring(60)), run).compute(["communities"])).metric("communities")),
    );
    expect(inWorker).toEqual(inThread);
    expect(inWorker.list.length).toBeGreaterThan(1);
  });

  it("refuses a scope over the actor limit with QUERY_TOO_COMPLEX", async () => {
    const executor = { database: "fake", read: async () => [{ actorCount: MAX_ANALYTICS_ACTORS + 1, actors: [], ties: [] }] } as unknown as Executor;
    const error = await new AnalyticsRepository(executor).analyse({ filter: {} as any, at: null, actorKinds: ["MEDIA"] }).catch((e) => e);
    expect(error.extensions.code).toBe("QUERY_TOO_COMPLEX");
    expect(error.message).toMatch(/narrow it/);
  });

  it("draws the same pseudo-random numbers from the same seed", () => {
    const [a, b] = [seededRandom(7), seededRandom(7)];
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
  });
});

describe("PageRank", () => {
  const star = buildScopeGraph({ ...ring(5), ties: [1, 2, 3, 4].map((leaf) => [0, leaf, 1] as [number, number, number]) }).compact;

  it("iterates until the L1 change is under the tolerance, and says so", () => {
    const result = pageRank(star);
    expect(result).toMatchObject({ converged: true, tolerance: PAGERANK.tolerance });
    expect(result.residual).toBeLessThan(PAGERANK.tolerance);
    expect(result.iterations).toBeGreaterThan(10);
    expect(result.values.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    // The centre of a star: (1-d)/n + d × (everything the leaves pass on), solved by hand: (1 + 4d)/(5(1 + d)).
    expect(result.values[0]).toBeCloseTo((1 + 4 * 0.85) / (5 * 1.85), 8);
  });

  it("reports, never throws, when it runs out of iterations", () => {
    const result = pageRank(star, { ...PAGERANK, maxIterations: 3 });
    expect(result).toMatchObject({ converged: false, iterations: 3 });
    expect(result.residual).toBeGreaterThan(PAGERANK.tolerance);
  });
});
describe("PromiseLru", () => {
  it("shares one load per key, evicts the least recently used, and expires entries", async () => {
    let now = 0;
    const cache = new PromiseLru<string>(2, 1000, () => now);
    const loads: string[] = [];
    const load = (key: string) => () => {
      loads.push(key);
      return Promise.resolve(key);
    };
    await Promise.all([cache.get("a", load("a")), cache.get("a", load("a"))]);
    await cache.get("b", load("b"));
    await cache.get("a", load("a")); // a is now most recent
    await cache.get("c", load("c")); // evicts b
    await cache.get("b", load("b"));
    expect(loads).toEqual(["a", "b", "c", "b"]);
    now = 1001;
    await cache.get("b", load("b"));
    expect(loads).toEqual(["a", "b", "c", "b", "b"]);
  });

  it("forgets a failed load", async () => {
    const cache = new PromiseLru<string>(2, 1000);
    await expect(cache.get("a", () => Promise.reject(new Error("down")))).rejects.toThrow("down");
    await new Promise((resolve) => setImmediate(resolve));
    expect(await cache.get("a", () => Promise.resolve("up"))).toBe("up");
  });
});
