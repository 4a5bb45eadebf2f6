import { Connection } from "../../src/neo4j/connect";
import { loadDocument, GraphDocument } from "../../src/seed/document";
import { deleteByPrefix, GraphQLClient, openTestDatabase } from "../support/database";

/**
 * Relay paging with keyset cursors on a graph of 30 alliances in Val-de-Marne whose
 * names, dates and member counts are known: "Pg alliance 01" … "Pg alliance 30",
 * alliance n starting on 2000 + n (n = 1..30) with (n % 3) + 1 members.
 */
const P = "pg-";
let connection: Connection;
let client: GraphQLClient;

const name = (n: number) => `Pg alliance ${String(n).padStart(2, "0")}`;

function pagingGraph(): GraphDocument {
  const source = [`${P}src`];
  const alliances = Array.from({ length: 30 }, (_, i) => ({
    id: `${P}a${i + 1}`,
    name: name(i + 1),
    kind: "SOCIETAL_INNOVATION",
    objectives: ["SOCIETAL_INNOVATION"],
    startDate: `${2000 + i + 1}-01-01`,
    territories: ["DEPARTEMENT:94"],
    sourceIds: source,
  }));
  const actors = [1, 2, 3].map((k) => ({ id: `${P}m${k}`, name: `Pg member ${k}`, kind: "ASSOCIATION" }));
  const memberships = alliances.flatMap((alliance, i) =>
    [1, 2, 3].slice(0, ((i + 1) % 3) + 1).map((k) => ({ actorId: `${P}m${k}`, allianceId: alliance.id, role: k === 1 ? "LEADER" : "PARTNER", sourceIds: source })),
  );
  return {
    sources: [{ id: `${P}src`, title: "Paging", kind: "OTHER" }],
    actors,
    alliances,
    memberships,
    outcomes: [],
  };
}

const PAGE = `query ($first: Int, $after: String, $last: Int, $before: String, $order: AllianceOrder) {
  alliances(filter: { memberIds: ["${P}m1"] }, first: $first, after: $after, last: $last, before: $before, orderBy: $order) {
    totalCount
    edges { cursor node { id name } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

beforeAll(async () => {
  connection = await openTestDatabase();
  await deleteByPrefix(connection, P);
  await loadDocument(connection.executor, pagingGraph());
  client = await GraphQLClient.create(connection);
});

afterAll(async () => {
  await deleteByPrefix(connection, P);
  await client.stop();
  await connection.close();
});

async function allPages(variables: Record<string, unknown>, insertAfterFirstPage?: () => Promise<void>) {
  const seen: string[] = [];
  let after: string | null = null;
  for (let page = 0; page < 20; page++) {
    const { alliances } = await client.data(PAGE, { ...variables, after });
    seen.push(...alliances.edges.map((e: any) => e.node.name));
    if (page === 0 && insertAfterFirstPage) await insertAfterFirstPage();
    if (!alliances.pageInfo.hasNextPage) return seen;
    after = alliances.pageInfo.endCursor;
  }
  throw new Error("paging did not end");
}

describe("alliances connection", () => {
  it("pages by name, 7 at a time, with exact page info and a total", async () => {
    const first = await client.data(PAGE, { first: 7 });
    expect(first.alliances.totalCount).toBe(30);
    expect(first.alliances.edges.map((e: any) => e.node.name)).toEqual([1, 2, 3, 4, 5, 6, 7].map(name));
    expect(first.alliances.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const names = await allPages({ first: 7 });
    expect(names).toEqual(Array.from({ length: 30 }, (_, i) => name(i + 1)));
  });

  it("loses and repeats nothing when rows are inserted before the cursor while paging", async () => {
    const names = await allPages({ first: 5 }, async () => {
      // "Pg alliance 00" sorts before every page already read; an offset cursor would repeat one row.
      await client.data(`mutation {
        createAlliance(input: { id: "${P}a0", name: "${name(0)}", kind: SOCIETAL_INNOVATION, objectives: [SOCIETAL_INNOVATION], sourceIds: ["${P}src"] }) { id }
        addMembership(input: { actorId: "${P}m1", allianceId: "${P}a0", role: PARTNER, sourceIds: ["${P}src"] }) { id }
      }`);
    });
    expect(names).toEqual(Array.from({ length: 30 }, (_, i) => name(i + 1)));
    await client.data(`mutation { deleteAlliance(id: "${P}a0") }`);
  });

  it("pages backwards with last/before", async () => {
    const end = await client.data(PAGE, { last: 4 });
    expect(end.alliances.edges.map((e: any) => e.node.name)).toEqual([27, 28, 29, 30].map(name));
    expect(end.alliances.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
    const before = await client.data(PAGE, { last: 3, before: end.alliances.pageInfo.startCursor });
    expect(before.alliances.edges.map((e: any) => e.node.name)).toEqual([24, 25, 26].map(name));
    expect(before.alliances.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
  });

  it("orders by start date descending, and by member count with name as tie-break", async () => {
    const byDate = await client.data(PAGE, { first: 3, order: { field: "START_DATE", direction: "DESC" } });
    expect(byDate.alliances.edges.map((e: any) => e.node.name)).toEqual([30, 29, 28].map(name));
    const byMembers = await client.data(PAGE, { first: 4, order: { field: "MEMBER_COUNT", direction: "DESC" } });
    // n % 3 == 2 → 3 members: alliances 2, 5, 8, 11…
    expect(byMembers.alliances.edges.map((e: any) => e.node.name)).toEqual([2, 5, 8, 11].map(name));
    const rest = await allPages({ first: 8, order: { field: "MEMBER_COUNT", direction: "DESC" } });
    expect(rest).toHaveLength(30);
    expect(new Set(rest).size).toBe(30);
  });

  it("caps first at 100 and refuses cursors from elsewhere", async () => {
    const tooMany = await client.run(PAGE, { first: 101 });
    expect(tooMany.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "first" });
    const garbage = await client.run(PAGE, { first: 2, after: "not-a-cursor" });
    expect(garbage.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "after" });
    const byDate = await client.data(PAGE, { first: 1, order: { field: "START_DATE", direction: "ASC" } });
    const wrongOrder = await client.run(PAGE, { first: 2, after: byDate.alliances.pageInfo.endCursor });
    expect(wrongOrder.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "after" });
    const mixed = await client.run(PAGE, { first: 2, last: 2 });
    expect(mixed.errors?.[0].extensions.code).toBe("BAD_USER_INPUT");
  });

  it("computes totalCount only when asked", async () => {
    const without = await client.run(`{ alliances(filter: { memberIds: ["${P}m1"] }, first: 2) { edges { node { id } } } }`);
    const withTotal = await client.run(`{ alliances(filter: { memberIds: ["${P}m1"] }, first: 2) { totalCount edges { node { id } } } }`);
    expect(withTotal.roundTrips).toBe(without.roundTrips + 1);
  });

  it("pages a relationship field per parent with the same cursors", async () => {
    const query = `query ($after: String) { actor(id: "${P}m1") { alliances(first: 10, after: $after) {
      totalCount edges { node { alliance { name } } } pageInfo { hasNextPage endCursor } } } }`;
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const { actor } = await client.data(query, { after });
      expect(actor.alliances.totalCount).toBe(30);
      seen.push(...actor.alliances.edges.map((e: any) => e.node.alliance.name));
      if (!actor.alliances.pageInfo.hasNextPage) break;
      after = actor.alliances.pageInfo.endCursor;
    }
    expect(seen).toEqual(Array.from({ length: 30 }, (_, i) => name(i + 1)));
  });
});
