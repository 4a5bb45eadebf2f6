import { UndirectedGraph } from "graphology";
import { AnalyticsRepository } from "../../src/analytics/analytics.repository";
import { PromiseLru } from "../../src/analytics/analytics.cache";
import { buildScopeGraph, ScopeAnalysis, ScopedNetwork } from "../../src/analytics/analytics.graph";
import { MAX_ANALYTICS_ACTORS, MAX_CENTRALITY_ACTORS, MAX_EXACT_PATH_ACTORS, seededRandom } from "../../src/analytics/analytics.budget";
import { Executor } from "../../src/neo4j/executor";

/** A ring of `n` actors, as SCOPED_NETWORK would return it. */
function ring(n: number): ScopedNetwork {
  const id = (i: number) => `r${String(i).padStart(5, "0")}`;
  return {
    actors: Array.from({ length: n }, (_, i) => ({ actor: { id: id(i), name: id(i), kind: "ASSOCIATION" as any }, departementId: null, sdgs: [] })),
    ties: Array.from({ length: n }, (_, i) => [id(i), id((i + 1) % n), 1] as [string, string, number]),
  };
}

describe("analytics budgets", () => {
  it("skips betweenness and closeness above the centrality budget, and says so", () => {
    const analysis = new ScopeAnalysis(buildScopeGraph(ring(MAX_CENTRALITY_ACTORS + 1)));
    expect(analysis.budgetExceeded).toBe(true);
    expect(analysis.betweenness).toBeNull();
    expect(analysis.closeness).toBeNull();
  });

  it("estimates the average path length from sampled sources above the exact budget", () => {
    // On a ring of 2k+1 actors every source sees distances 1…k twice: mean (k+1)/2, sampled or not.
    const n = MAX_CENTRALITY_ACTORS + 1;
    const analysis = new ScopeAnalysis(buildScopeGraph(ring(n)));
    expect(n).toBeGreaterThan(MAX_EXACT_PATH_ACTORS);
    expect(analysis.averagePath).toEqual({ value: ((n - 1) / 2 + 1) / 2, sampled: true });
  });

  it("is exact at or below the budget", () => {
    const analysis = new ScopeAnalysis(buildScopeGraph(ring(7)));
    expect(analysis.averagePath).toEqual({ value: 2, sampled: false });
    expect(analysis.budgetExceeded).toBe(false);
  });

  it("finds the same communities every time (seeded Louvain)", () => {
    const runs = [1, 2].map(() => new ScopeAnalysis(buildScopeGraph(ring(60))).communities);
    expect(runs[0]).toEqual(runs[1]);
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

  it("keeps graphology's graph type undirected", () => {
    expect(buildScopeGraph(ring(3))).toBeInstanceOf(UndirectedGraph);
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
