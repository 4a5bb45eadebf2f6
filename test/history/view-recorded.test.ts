import { deleteByPrefix, useGraphQLClient } from "../support/database";
import { Connection } from "../../src/neo4j/connect";
import { configureViews } from "../../src/history/view/recorded-view";
import { clearSlot, VIEW_CALLER } from "../../src/history/view/view-materialise";
import { Label } from "../../src/neo4j/graph-model";
import { createApollo } from "../../src/server";
import { createSchema } from "../../src/graphql/schema";
import { createContext } from "../../src/graphql/context";
import { exportText, openExport } from "../../src/export/export.service";
import { ExportFormat } from "../../src/export/export.formats";
import { WHOLE_GRAPH } from "../../src/export/export.scope";
import { openRecordedView } from "../../src/history/view/recorded-view";
import { resolvePoint } from "../../src/history/view/recorded-point";

/**
 * Known writes at known instants, through the API (so the change log records them), then reads
 * as recorded at each instant, with and without `at` (valid time):
 *   t1: sources, actors A and B, alliance X (from 2020), membership B→X (from 2021)
 *   t2: A renamed                    t3: A joins X (from 2019)        t4: B's membership removed
 */
const P = "hv-";
const db = useGraphQLClient();
const A = `${P}a`;
const B = `${P}b`;
const X = `${P}x`;
const MB = `${X}/${B}`;

const pause = () => new Promise((resolve) => setTimeout(resolve, 30));
/** An instant strictly between two writes: after the last one committed, before the next starts. */
async function between(): Promise<string> {
  await pause();
  const instant = new Date().toISOString();
  await pause();
  return instant;
}

async function clearSlots(connection: Connection): Promise<void> {
  const writer = connection.executor.forRequest(VIEW_CALLER).withoutHistory();
  for (let slot = 0; slot <= 8; slot++) await clearSlot(writer, slot);
  await writer.write((tx) => tx.run(`MATCH (v:${Label.HistoryView}) DELETE v`));
}

const instants: Record<string, string> = {};
let before = "";
let jsonAtT15 = "";

describe("recorded views of known writes", () => {
beforeAll(async () => {
  const { client, connection } = db;
  await deleteByPrefix(connection, P);
  await clearSlots(connection);
  configureViews(connection.executor, 3);
  await pause();
  before = new Date().toISOString();
  await pause();
  await client.data(`mutation { createSource(input: { id: "${P}src", title: "Hv source", kind: OTHER }) { id } }`);
    instants.t11 = await between(); // only the source: a state no other read asks for
  await client.data(`mutation { createActor(input: { id: "${A}", name: "Hvtest Alpha", kind: ASSOCIATION, basedIn: "94028", sourceIds: ["${P}src"] }) { id } }`);
  await client.data(`mutation { createActor(input: { id: "${B}", name: "Hvtest Beta", kind: COMPANY, sourceIds: ["${P}src"] }) { id } }`);
  await client.data(
    `mutation { createAlliance(input: { id: "${X}", name: "Hvtest Xylo", kind: PHILANTHROPY, objectives: [SOCIETAL_INNOVATION], startDate: "2020-01-01", sdgs: [4], sourceIds: ["${P}src"] }) { id } }`,
  );
  await client.data(`mutation { addMembership(input: { allianceId: "${X}", actorId: "${B}", role: PARTNER, startDate: "2021-01-01", sourceIds: ["${P}src"] }) { id } }`);
  instants.t15 = await between();
  // What a live export said at t1.5, to compare with the export as recorded then.
  jsonAtT15 = await exportText(await openExport(connection.executor, ExportFormat.JSON, { ...WHOLE_GRAPH, idPrefix: P }));
  await client.data(`mutation { updateActor(id: "${A}", input: { name: "Hvtest Alpha Renamed" }) { id } }`);
  instants.t25 = await between();
  await client.data(`mutation { addMembership(input: { allianceId: "${X}", actorId: "${A}", role: LEADER, startDate: "2019-01-01", sourceIds: ["${P}src"] }) { id } }`);
  instants.t35 = await between();
  await client.data(`mutation { removeMembership(id: "${MB}") }`);
}, 120_000);

// Before the connection closes (useGraphQLClient's afterAll, outside this block).
afterAll(async () => {
  await deleteByPrefix(db.connection, P);
  await clearSlots(db.connection);
});

const READ = `query ($on: DateTime, $at: LocalDate) {
  a: actor(id: "${A}", asRecordedOn: $on) { id name }
  actors(filter: { nameStartsWith: "Hvtest" }, asRecordedOn: $on) { edges { node { id name } } }
  alliance(id: "${X}", asRecordedOn: $on) { id name members(at: $at) { edges { node { actor { id } } } } }
  network(seeds: ["${B}"], depth: 1, asRecordedOn: $on, at: $at) { nodes { id } }
  path(from: "${A}", to: "${B}", asRecordedOn: $on, at: $at) { length actors { id name } }
  statistics(filter: { memberIds: ["${A}", "${B}"] }, asRecordedOn: $on, at: $at) { allianceCount }
  mb: membership(id: "${MB}", asRecordedOn: $on) { id role }
}`;

async function read(on: string | null, at: string | null = null) {
  const result = await db.client.run(READ, { on, at });
  expect(result.errors).toBeUndefined();
  const data = result.data;
  // Flattened: the actors' nodes, the alliance's member actors.
  const actors = data.actors.edges.map((e: any) => e.node);
  const members = data.alliance ? data.alliance.members.edges.map((e: any) => e.node.actor.id).sort() : null;
  return { ...data, actors, members, recordedAs: result.extensions?.recordedAs };
}

const ids = (nodes: { id: string }[]) => nodes.map((n) => n.id).sort();

describe("reads as recorded", () => {
  it("at t1.5: A under its first name, B the only member", async () => {
    const r = await read(instants.t15);
    expect(r.a).toEqual({ id: A, name: "Hvtest Alpha" });
    expect(r.actors).toEqual([{ id: A, name: "Hvtest Alpha" }, { id: B, name: "Hvtest Beta" }]);
    expect(r.members).toEqual([B]);
    expect(r.network.nodes).toEqual([{ id: `actor:${B}` }]);
    expect(r.path).toBeNull();
    expect(r.statistics.allianceCount).toBe(1);
    expect(r.mb).toEqual({ id: MB, role: "PARTNER" });
    expect(r.recordedAs).toEqual({ seq: expect.any(Number), asRecordedOn: instants.t15, release: null });
  });

  it("at t2.5: A renamed; t3.5: A and B both members, a path of one hop", async () => {
    const r25 = await read(instants.t25);
    expect(r25.a.name).toBe("Hvtest Alpha Renamed");
    expect(r25.path).toBeNull();
    const r35 = await read(instants.t35);
    expect(r35.members).toEqual([A, B]);
    expect(ids(r35.network.nodes)).toEqual([`actor:${A}`, `actor:${B}`]);
    expect(r35.path).toEqual({ length: 1, actors: [{ id: A, name: "Hvtest Alpha Renamed" }, { id: B, name: "Hvtest Beta" }] });
    expect(r35.recordedAs.seq).toBeGreaterThan(r25.recordedAs.seq);
  });

  it("combines with `at` (valid time): at t3.5 on 2020-06-01 only A's membership (from 2019) was active", async () => {
    const r = await read(instants.t35, "2020-06-01");
    expect(r.members).toEqual([A]);
    expect(r.path).toBeNull();
    expect(r.network.nodes).toEqual([{ id: `actor:${B}` }]);
    const later = await read(instants.t35, "2022-06-01");
    expect(later.path.length).toBe(1);
  });

  it("now: the removed membership is gone from current reads and stays readable as of before its removal", async () => {
    const now = await read(null);
    expect(now.recordedAs).toBeUndefined();
    expect(now.mb).toBeNull();
    expect(now.members).toEqual([A]);
    expect(now.path).toBeNull();
    const asNow = await read(new Date().toISOString());
    expect({ ...asNow, recordedAs: undefined }).toEqual(now);
    expect((await read(instants.t35)).mb).toEqual({ id: MB, role: "PARTNER" });
  });

  it("never leaks: a view read sees no node created after its instant, a live read no slot node", async () => {
    const { data, errors } = await db.client.run(
      `query ($on: DateTime) { a: actor(id: "${A}", asRecordedOn: $on) { id } actors(filter: { nameStartsWith: "Hvtest" }) { totalCount } alliance(id: "${X}") { id } }`,
      { on: before },
    );
    expect(errors).toBeUndefined();
    expect(data).toEqual({ a: null, actors: { totalCount: 0 }, alliance: null }); // the other root fields read the same state
    const slotNodes = await db.connection.executor.read(
      `MATCH (n) WHERE n.id STARTS WITH $p AND any(l IN labels(n) WHERE l =~ 'H[0-9]_.*') RETURN count(n) AS count`, { p: P });
    expect(slotNodes[0].count).toBeGreaterThan(0); // the views above are there…
    const live = await db.client.data(`{ actors(filter: { nameStartsWith: "Hvtest" }) { edges { node { id } } } }`);
    expect(ids(live.actors.edges.map((e: any) => e.node))).toEqual([A, B]); // …and a live read returns each actor once
  });

  it("exports as recorded: the JSON document at t1.5 is, byte for byte, the one exported live then", async () => {
    const point = (await resolvePoint(db.connection.executor, { asRecordedOn: instants.t15 }))!;
    const view = await openRecordedView(db.connection.executor, point);
    try {
      const file = await openExport(view.executor, ExportFormat.JSON, { ...WHOLE_GRAPH, idPrefix: P }, "bipartite", { recordedAs: point });
      expect(file.filename).toBe(`maillage-prefix-${P}_recorded-${point.seq}.json`);
      expect(await exportText(file)).toBe(jsonAtT15);
    } finally {
      view.release();
    }
  });
});

describe("refusals", () => {
  it("asRecordedOn before history began or in the future, a release unknown, both given, root fields disagreeing: BAD_USER_INPUT naming the argument", async () => {
    const cases: [string, Record<string, unknown>, string, RegExp][] = [
      [`query ($on: DateTime) { actor(id: "${A}", asRecordedOn: $on) { id } }`, { on: "2001-01-01T00:00:00Z" }, "actor.asRecordedOn", /outside the recorded history: give an instant from .* \(when history began\) to now/],
      [`query ($on: DateTime) { actor(id: "${A}", asRecordedOn: $on) { id } }`, { on: "2999-01-01T00:00:00Z" }, "actor.asRecordedOn", /"2999-01-01T00:00:00.000Z" is outside the recorded history/],
      [`{ actor(id: "${A}", release: "no-such-release") { id } }`, {}, "actor.release", /no release is named "no-such-release"; the `releases` query lists them/],
      [`{ actor(id: "${A}", release: "${"r".repeat(65)}") { id } }`, {}, "actor.release", /is not a release name: .* at most 64 characters/],
      [`query ($on: DateTime) { actor(id: "${A}", asRecordedOn: $on, release: "x") { id } }`, { on: instants.t15 }, "actor.release", /give asRecordedOn or release, not both/],
      [`query ($on: DateTime, $other: DateTime) { actor(id: "${A}", asRecordedOn: $on) { id } later: alliance(id: "${X}", asRecordedOn: $other) { id } }`, { on: instants.t15, other: instants.t25 }, "later.asRecordedOn", /one operation reads one recorded state/],
    ];
    for (const [query, variables, field, message] of cases) {
      const { data, errors } = await db.client.run(query, variables);
      expect([field, data]).toEqual([field, undefined]);
      expect(errors).toHaveLength(1);
      expect(errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
      expect(errors![0].message).toMatch(message);
    }
  });

  it("anonymous clients may read an instant a view already holds, not build one for another", async () => {
    const apollo = createApollo(await createSchema());
    await apollo.start();
    try {
      const run = async (on: string) => {
        const response = await apollo.executeOperation({ query: `query ($on: DateTime) { actor(id: "${A}", asRecordedOn: $on) { name } }`, variables: { on } }, { contextValue: createContext(db.connection.executor) });
        if (response.body.kind !== "single") throw new Error("single");
        return response.body.singleResult;
      };
      await read(instants.t25); // an admin's read leaves t2.5's view in a slot
      expect((await run(instants.t25)).data).toEqual({ actor: { name: "Hvtest Alpha Renamed" } });
      const refused = await run(instants.t11);
      expect(refused.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
      expect(refused.errors?.[0].message).toMatch(/anonymous clients may ask for a release/);
    } finally {
      await apollo.stop();
    }
  });

  it("search takes neither argument", async () => {
    const { errors } = await db.client.run(`{ search(text: "Hvtest", asRecordedOn: "${instants.t15}") { nodes { __typename } } }`);
    expect(errors?.[0].message).toMatch(/Unknown argument "asRecordedOn" on field "Query.search"/);
  });
});
});
