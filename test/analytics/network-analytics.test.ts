import { Connection } from "../../src/neo4j/connect";
import { loadDocument } from "../../src/seed/document";
import { bumpGraphGeneration } from "../../src/analytics/generation";
import { clearAnalyticsCache } from "../../src/analytics/analytics.repository";
import { deleteByPrefix, GraphQLClient, openTestDatabase } from "../support/database";
import { memberIds, testGraph } from "./analytics-graphs";

const P = "ana-";
let connection: Connection;
let client: GraphQLClient;

// Each graph is scoped by its own member ids, so other data in the database never counts.
const star = testGraph(`${P}star-`, [{ name: "centre", kind: "COMPANY" }, "l1", "l2", "l3", "l4"], ["l1", "l2", "l3", "l4"].map((l) => ({ members: ["centre", l] })));
const path = testGraph(`${P}path-`, ["a", "b", "c", "d"], [{ members: ["a", "b"] }, { members: ["b", "c"] }, { members: ["c", "d"] }]);
const bridge = testGraph(
  `${P}bridge-`,
  ["a1", "a2", "a3", "b1", "b2", "b3"],
  [["a1", "a2"], ["a1", "a3"], ["a2", "a3"], ["b1", "b2"], ["b1", "b3"], ["b2", "b3"], ["a3", "b1"]].map((members) => ({ members })),
);
const apart = testGraph(`${P}apart-`, ["x1", "x2", "y1", "y2"], [{ members: ["x1", "x2"] }, { members: ["y1", "y2"] }]);
const weighted = testGraph(
  `${P}weight-`,
  ["w1", "w2", "w3", "w4"],
  [{ members: ["w1", "w2"] }, { members: ["w1", "w2"], sdgs: [4] }, { members: ["w2", "w3"] }, { members: ["w4"] }],
);
const timed = testGraph(`${P}time-`, ["t1", "t2", "t3"], [
  { members: ["t1", "t2"], startDate: "2020-01-01", endDate: "2020-12-31" },
  { members: ["t2", "t3"], startDate: "2021-01-01" },
]);

beforeAll(async () => {
  connection = await openTestDatabase();
  await deleteByPrefix(connection, P);
  for (const doc of [star, path, bridge, apart, weighted, timed]) await loadDocument(connection.executor, doc);
  bumpGraphGeneration();
  client = await GraphQLClient.create(connection);
});

afterAll(async () => {
  await deleteByPrefix(connection, P);
  bumpGraphGeneration();
  await client.stop();
  await connection.close();
});

const SUMMARY = `query ($filter: AllianceFilter, $at: LocalDate, $actorKinds: [ActorKind!]) {
  networkAnalytics(filter: $filter, at: $at, actorKinds: $actorKinds) {
    actorCount tieCount density componentCount averagePathLength averagePathLengthSampled
    modularity communityCount budgetExceeded
  }
}`;

const ACTORS = `query ($filter: AllianceFilter, $orderBy: ActorMetricOrder, $first: Int, $after: String) {
  networkAnalytics(filter: $filter) {
    actors(orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      edges { cursor node { actor { id name kind } degree weightedDegree betweenness closeness pageRank community } }
      pageInfo { hasNextPage endCursor }
    }
  }
}`;

const COMMUNITIES = `query ($filter: AllianceFilter) {
  networkAnalytics(filter: $filter) {
    modularity communityCount componentCount
    communities(first: 10, topMembers: 3) { id size internalTieCount density topMembers { actor { id } degree } }
  }
}`;

const summary = async (variables: Record<string, unknown>) => (await client.data(SUMMARY, variables)).networkAnalytics;
const scopeOf = (doc: Parameters<typeof memberIds>[0]) => ({ memberIds: memberIds(doc) });
async function actors(doc: Parameters<typeof memberIds>[0], orderBy = "DEGREE", extra: Record<string, unknown> = {}) {
  return (await client.data(ACTORS, { filter: scopeOf(doc), orderBy, ...extra })).networkAnalytics.actors;
}
const byId = (connection: any) => Object.fromEntries(connection.edges.map((e: any) => [e.node.actor.id.split("-").pop(), e.node]));

describe("networkAnalytics on a star", () => {
  it("gives the centre degree n-1 and betweenness 1, the leaves 0", async () => {
    const page = await actors(star);
    expect(page.totalCount).toBe(5);
    expect(page.edges[0].node).toMatchObject({ actor: { id: `${P}star-centre`, name: "CENTRE" }, degree: 4, weightedDegree: 4, betweenness: 1, closeness: 1 });
    for (const edge of page.edges.slice(1)) expect(edge.node).toMatchObject({ degree: 1, betweenness: 0 });
    expect(page.edges.slice(1).map((e: any) => e.node.actor.id)).toEqual(["l1", "l2", "l3", "l4"].map((l) => `${P}star-${l}`));
  });

  it("gives the centre the highest PageRank, and PageRank sums to 1", async () => {
    const page = await actors(star, "PAGERANK");
    expect(page.edges[0].node.actor.id).toBe(`${P}star-centre`);
    expect(page.edges.reduce((sum: number, e: any) => sum + e.node.pageRank, 0)).toBeCloseTo(1, 6);
  });

  it("sums up the scope", async () => {
    expect(await summary({ filter: scopeOf(star) })).toEqual({
      actorCount: 5, tieCount: 4, density: 0.4, componentCount: 1, averagePathLength: (4 * 2 + 12 * 2) / 20,
      averagePathLengthSampled: false, modularity: expect.any(Number), communityCount: expect.any(Number), budgetExceeded: false,
    });
  });

  it("keeps only actors of `actorKinds`: without the centre's kind the leaves are isolated", async () => {
    const s = await summary({ filter: scopeOf(star), actorKinds: ["ASSOCIATION"] });
    expect(s).toMatchObject({ actorCount: 4, tieCount: 0, density: 0, componentCount: 4, communityCount: 4, averagePathLength: null, modularity: null });
  });
});

describe("networkAnalytics on a path A-B-C-D", () => {
  it("gives B and C betweenness 2/3 and exact closeness", async () => {
    const m = byId(await actors(path));
    expect([m.a.betweenness, m.b.betweenness, m.c.betweenness, m.d.betweenness]).toEqual([0, 2 / 3, 2 / 3, 0]);
    expect([m.a.closeness, m.b.closeness, m.c.closeness, m.d.closeness]).toEqual([3 / 6, 3 / 4, 3 / 4, 3 / 6]);
  });

  it("has average path length (1+2+3+1+2+1)/6", async () => {
    const s = await summary({ filter: scopeOf(path) });
    expect(s.averagePathLength).toBeCloseTo(10 / 6, 12);
    expect([s.actorCount, s.tieCount, s.componentCount, s.averagePathLengthSampled]).toEqual([4, 3, 1, false]);
  });

  it("pages by betweenness with keyset cursors, ties by name", async () => {
    const first = await actors(path, "BETWEENNESS", { first: 2 });
    expect(first.edges.map((e: any) => e.node.actor.id)).toEqual([`${P}path-b`, `${P}path-c`]);
    expect([first.totalCount, first.pageInfo.hasNextPage]).toEqual([4, true]);
    const next = await actors(path, "BETWEENNESS", { first: 2, after: first.pageInfo.endCursor });
    expect(next.edges.map((e: any) => e.node.actor.id)).toEqual([`${P}path-a`, `${P}path-d`]);
    expect(next.pageInfo.hasNextPage).toBe(false);
  });

  it("refuses a cursor of another ordering", async () => {
    const first = await actors(path, "BETWEENNESS", { first: 1 });
    const result = await client.run(ACTORS, { filter: scopeOf(path), orderBy: "DEGREE", after: first.pageInfo.endCursor });
    expect(result.errors?.[0].extensions.code).toBe("BAD_USER_INPUT");
  });
});

describe("networkAnalytics on two triangles joined by a bridge", () => {
  it("finds two communities with modularity above 0.3, in one component", async () => {
    const result = (await client.data(COMMUNITIES, { filter: scopeOf(bridge) })).networkAnalytics;
    expect(result.communityCount).toBe(2);
    expect(result.componentCount).toBe(1);
    expect(result.modularity).toBeCloseTo(2 * (3 / 7 - (7 / 14) ** 2), 6);
    expect(result.modularity).toBeGreaterThan(0.3);
    const members = result.communities.map((c: any) => c.topMembers.map((m: any) => m.actor.id.split("-").pop()).sort());
    expect(members.sort()).toEqual([["a1", "a2", "a3"], ["b1", "b2", "b3"]]);
    for (const c of result.communities) expect(c).toMatchObject({ size: 3, internalTieCount: 3, density: 1 });
    // Top members by degree: the bridge end (3 ties) first.
    expect(result.communities.map((c: any) => c.topMembers[0].degree)).toEqual([3, 3]);
  });

  it("gives the bridge ends the highest betweenness", async () => {
    const page = await actors(bridge, "BETWEENNESS", { first: 2 });
    expect(page.edges.map((e: any) => e.node.actor.id)).toEqual([`${P}bridge-a3`, `${P}bridge-b1`]);
    // a3 lies on the shortest path of each pair in {a1, a2} × {b1, b2, b3}: 6 of the 10 pairs without it.
    expect(page.edges[0].node.betweenness).toBeCloseTo(6 / 10, 12);
  });
});

describe("networkAnalytics on separate parts", () => {
  it("counts two components", async () => {
    expect(await summary({ filter: scopeOf(apart) })).toMatchObject({ actorCount: 4, tieCount: 2, componentCount: 2, communityCount: 2, averagePathLength: 1 });
  });

  it("weighs a tie by shared alliances and keeps actors alone in their alliance", async () => {
    const m = byId(await actors(weighted, "WEIGHTED_DEGREE"));
    expect([m.w1.weightedDegree, m.w2.weightedDegree, m.w3.weightedDegree, m.w4.weightedDegree]).toEqual([2, 3, 1, 0]);
    expect([m.w1.degree, m.w2.degree, m.w3.degree, m.w4.degree]).toEqual([1, 2, 1, 0]);
    expect(m.w4.closeness).toBe(0);
    expect(await summary({ filter: scopeOf(weighted) })).toMatchObject({ actorCount: 4, tieCount: 2, componentCount: 2 });
  });

  it("follows the alliance filter", async () => {
    expect(await summary({ filter: { ...scopeOf(weighted), sdgs: [4] } })).toMatchObject({ actorCount: 2, tieCount: 1 });
  });
});

describe("networkAnalytics in time", () => {
  it("keeps only alliances active on `at`", async () => {
    const filter = scopeOf(timed);
    expect(await summary({ filter })).toMatchObject({ actorCount: 3, tieCount: 2 });
    expect(await summary({ filter, at: "2020-06-01" })).toMatchObject({ actorCount: 2, tieCount: 1 });
    expect(await summary({ filter, at: "2021-06-01" })).toMatchObject({ actorCount: 2, tieCount: 1 });
    expect(await summary({ filter, at: "2019-06-01" })).toMatchObject({ actorCount: 0, tieCount: 0 });
  });
});

describe("networkAnalytics cache", () => {
  const grow = testGraph(`${P}grow-`, ["g1", "g2", "g3"], [{ members: ["g1", "g2"] }]);
  const grown = testGraph(`${P}grow-`, ["g1", "g2", "g3"], [{ members: ["g1", "g2"] }, { members: ["g2", "g3"] }]);

  it("answers a repeated scope from memory, and the new graph after a write", async () => {
    clearAnalyticsCache();
    await loadDocument(connection.executor, grow);
    bumpGraphGeneration();
    const variables = { filter: { memberIds: ["g1", "g2", "g3"].map((g) => `${P}grow-${g}`) } };
    const first = await client.run(SUMMARY, variables);
    expect(first.data.networkAnalytics).toMatchObject({ actorCount: 2, tieCount: 1 });
    expect(first.roundTrips).toBe(1);
    const again = await client.run(SUMMARY, variables);
    expect(again.data).toEqual(first.data);
    expect(again.roundTrips).toBe(0);

    await loadDocument(connection.executor, grown); // its commit bumps the generation (createContext's onCommit listener)
    const after = await client.run(SUMMARY, variables);
    expect(after.data.networkAnalytics).toMatchObject({ actorCount: 3, tieCount: 2 });
    expect(after.roundTrips).toBe(1);
  });
});
