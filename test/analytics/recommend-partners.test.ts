import { Connection } from "../../src/neo4j/connect";
import { loadDocument } from "../../src/seed/document";
import { bumpGraphGeneration } from "../../src/analytics/generation";
import { deleteByPrefix, GraphQLClient, openTestDatabase } from "../support/database";
import { memberIds, testGraph } from "./analytics-graphs";

// A–B, A–C, D–B, D–C, E–B: D shares two partners with A (B and C), E one (B).
// A (association, Créteil 94) and D (foundation, Vincennes 94) both pursue SDG 17.
const P = "ana-rec-";
const graph = testGraph(
  P,
  [
    { name: "a", kind: "ASSOCIATION", basedIn: "94028" },
    { name: "b", kind: "COMPANY", basedIn: "75056" },
    { name: "c", kind: "COMPANY", basedIn: "75056" },
    { name: "d", kind: "FOUNDATION", basedIn: "94080" },
    { name: "e", kind: "LOCAL_AUTHORITY", basedIn: "69123" },
  ],
  [
    { members: ["a", "b"], sdgs: [17] },
    { members: ["a", "c"] },
    { members: ["d", "b"], sdgs: [11, 17] },
    { members: ["d", "c"] },
    { members: ["e", "b"], sdgs: [11] },
  ],
);
const filter = { memberIds: memberIds(graph) };
let connection: Connection;
let client: GraphQLClient;

beforeAll(async () => {
  connection = await openTestDatabase();
  await deleteByPrefix(connection, P);
  await loadDocument(connection.executor, graph);
  bumpGraphGeneration();
  client = await GraphQLClient.create(connection);
});

afterAll(async () => {
  await deleteByPrefix(connection, P);
  bumpGraphGeneration();
  await client.stop();
  await connection.close();
});

const RECOMMEND = `query ($actor: ID!, $filter: AllianceFilter, $at: LocalDate, $first: Int) {
  recommendPartners(actor: $actor, filter: $filter, at: $at, first: $first) {
    actor { id name basedIn { id } }
    score
    reasons { kind weight detail }
    sharedPartners { id }
  }
}`;

const recommend = async (actor: string, extra: Record<string, unknown> = {}) =>
  (await client.data(RECOMMEND, { actor: `${P}${actor}`, filter, ...extra })).recommendPartners;

describe("recommendPartners", () => {
  it("recommends D to A for its two shared partners, above E who shares one", async () => {
    const recs = await recommend("a");
    expect(recs.map((r: any) => r.actor.id)).toEqual([`${P}d`, `${P}e`]);
    const [d, e] = recs;
    expect(d.actor.basedIn).toEqual({ id: "COMMUNE:94080" });
    expect(d.sharedPartners.map((p: any) => p.id)).toEqual([`${P}b`, `${P}c`]);
    expect(e.sharedPartners.map((p: any) => p.id)).toEqual([`${P}b`]);
    expect(d.score).toBeGreaterThan(e.score);
  });

  it("lists its reasons, each with its weight", async () => {
    const [d, e] = await recommend("a");
    // B has 3 ties (A, D, E), C has 2 (A, D).
    const adamicAdarD = 1 / Math.log(3) + 1 / Math.log(2);
    expect(d.reasons).toEqual([
      { kind: "SHARED_PARTNERS", weight: 2, detail: "2 shared partners: B, C" },
      { kind: "ADAMIC_ADAR", weight: expect.closeTo(adamicAdarD, 9), detail: expect.stringContaining(adamicAdarD.toFixed(3)) },
      { kind: "SAME_TERRITORY", weight: 0.5, detail: "both based in DEPARTEMENT:94" },
      { kind: "COMPLEMENTARY_KIND", weight: 0.5, detail: "no FOUNDATION among its partners yet" },
      { kind: "SHARED_SDGS", weight: 0.25, detail: "both contribute to SDG 17" },
    ]);
    expect(d.score).toBeCloseTo(2 + adamicAdarD + 0.5 + 0.5 + 0.25, 9);
    expect(e.reasons.map((r: any) => [r.kind, r.weight])).toEqual([
      ["SHARED_PARTNERS", 1],
      ["ADAMIC_ADAR", expect.closeTo(1 / Math.log(3), 9)],
      ["COMPLEMENTARY_KIND", 0.75],
    ]);
    expect(e.reasons[2].detail).toBe("no LOCAL_AUTHORITY among its partners yet; ASSOCIATION × LOCAL_AUTHORITY crosses sectors (civil society, public)");
  });

  it("never recommends a current co-constructor", async () => {
    const recs = await recommend("b");
    expect(recs.map((r: any) => r.actor.id)).not.toContain(`${P}a`);
    expect(recs.map((r: any) => r.actor.id)).toEqual([`${P}c`]);
  });

  it("keeps to `first`", async () => {
    expect((await recommend("a", { first: 1 })).map((r: any) => r.actor.id)).toEqual([`${P}d`]);
  });

  it("answers nothing for an actor outside the scope, and NOT_FOUND for an unknown one", async () => {
    expect(await recommend("a", { filter: { memberIds: [`${P}e`] } })).toEqual([]);
    const result = await client.run(RECOMMEND, { actor: `${P}nobody`, filter });
    expect(result.errors?.[0].extensions.code).toBe("NOT_FOUND");
  });
});
