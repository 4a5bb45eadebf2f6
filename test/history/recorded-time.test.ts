import { deleteByPrefix, useGraphQLClient } from "../support/database";

/**
 * Issue 16's acceptance on known data (prefix ht-): creates, updates, deletes and a merge made one
 * write at a time, then the graph read at each recorded instant (asRecordedOn), at a valid date
 * (at), both, and now: each answer is exactly the graph as it stood then.
 */
const P = "ht-";
const clean = async () => {
  await deleteByPrefix(db.connection, P);
  await db.connection.executor.write((tx) => tx.run(`MATCH (n:ActorAlias) WHERE n.id STARTS WITH $p DETACH DELETE n`, { p: P }));
};
afterAll(clean);
const db = useGraphQLClient();
beforeAll(clean);

const sources = [`${P}s`];
const actor = (id: string, name: string, kind = "ASSOCIATION") => ({ id: `${P}${id}`, name: `Htest ${name}`, kind, sourceIds: sources });
const member = (id: string, startDate: string, endDate: string | null = null) =>
  ({ actorId: `${P}${id}`, allianceId: `${P}al`, role: "PARTNER", startDate, endDate, sourceIds: sources });

/** The instant of the last logged change (asRecordedOn it includes that write). */
async function lastInstant(): Promise<string> {
  const [row] = await db.connection.executor.read("MATCH (c:HistoryClock) RETURN c.at.epochMillis AS ms");
  return new Date(row.ms).toISOString();
}

const READ = `query ($asRecordedOn: DateTime, $at: LocalDate) {
  actors(filter: { nameStartsWith: "Htest" }, first: 20, asRecordedOn: $asRecordedOn) { edges { node { id name } } }
  alliance(id: "${P}al", asRecordedOn: $asRecordedOn) { members(first: 20, at: $at) { edges { node { actor { id } } } } }
}`;

/** The graph read at a point: actors "id name", and the alliance's members (active on `at`). */
async function readAt(asRecordedOn: string | null, at: string | null = null) {
  const result = await db.client.run(READ, { asRecordedOn, at });
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return {
    actors: result.data.actors.edges.map((e: any) => `${e.node.id.slice(P.length)} ${e.node.name.slice(6)}`).sort(),
    members: result.data.alliance?.members.edges.map((e: any) => e.node.actor.id.slice(P.length)).sort() ?? null,
  };
}

const instants: Record<string, string> = {};

beforeAll(async () => {
  const run = (query: string, variables: Record<string, unknown>) => db.client.data(query, variables);
  instants.t0 = await lastInstant();
  // t1: two actors, a source, an alliance, two memberships (b's ended in 2022)
  await run(`mutation ($s: SourceInput!) { createSource(input: $s) { id } }`, { s: { id: `${P}s`, title: "Étude Htest", kind: "STUDY" } });
  for (const a of [actor("a", "Ville A", "LOCAL_AUTHORITY"), actor("b", "Asso B")]) await run(`mutation ($a: ActorInput!) { createActor(input: $a) { id } }`, { a });
  await run(`mutation ($al: AllianceInput!) { createAlliance(input: $al) { id } }`, {
    al: { id: `${P}al`, name: "Htest Alliance", kind: "TERRITORIAL_CO_CONSTRUCTION", objectives: ["SOCIETAL_INNOVATION"], startDate: "2020-01-01", sourceIds: sources },
  });
  for (const m of [member("a", "2020-01-01"), member("b", "2020-01-01", "2022-12-31")]) await run(`mutation ($m: MembershipInput!) { addMembership(input: $m) { id } }`, { m });
  instants.t1 = await lastInstant();
  // t2: a renamed
  await run(`mutation { updateActor(id: "${P}a", input: { name: "Htest Ville A bis" }) { id } }`, {});
  instants.t2 = await lastInstant();
  // t3: c and its duplicate d, d a member from 2023
  for (const a of [actor("c", "Entreprise C", "COMPANY"), actor("d", "Entreprise C SA", "COMPANY")]) await run(`mutation ($a: ActorInput!) { createActor(input: $a) { id } }`, { a });
  await run(`mutation ($m: MembershipInput!) { addMembership(input: $m) { id } }`, { m: member("d", "2023-01-01") });
  instants.t3 = await lastInstant();
  // t4: b's membership removed
  await run(`mutation { removeMembership(id: "${P}al/${P}b") }`, {});
  instants.t4 = await lastInstant();
  // t5: d merged into c (its membership re-keyed to c)
  await run(`mutation { mergeActors(keep: "${P}c", remove: "${P}d") { removedId } }`, {});
  instants.t5 = await lastInstant();
  // t6: b deleted
  await run(`mutation { deleteActor(id: "${P}b") }`, {});
  instants.t6 = await lastInstant();
}, 120_000);

describe("the graph as recorded at each instant", () => {
  it.each([
    ["t0", { actors: [], members: null }],
    ["t1", { actors: ["a Ville A", "b Asso B"], members: ["a", "b"] }],
    ["t2", { actors: ["a Ville A bis", "b Asso B"], members: ["a", "b"] }],
    ["t3", { actors: ["a Ville A bis", "b Asso B", "c Entreprise C", "d Entreprise C SA"], members: ["a", "b", "d"] }],
    ["t4", { actors: ["a Ville A bis", "b Asso B", "c Entreprise C", "d Entreprise C SA"], members: ["a", "d"] }],
    ["t5", { actors: ["a Ville A bis", "b Asso B", "c Entreprise C"], members: ["a", "c"] }],
    ["t6", { actors: ["a Ville A bis", "c Entreprise C"], members: ["a", "c"] }],
  ])("asRecordedOn %s", async (instant, expected) => {
    expect(await readAt(instants[instant])).toEqual(expected);
  }, 60_000);

  it("now: the live graph, the same as at the last write", async () => {
    expect(await readAt(null)).toEqual({ actors: ["a Ville A bis", "c Entreprise C"], members: ["a", "c"] });
  });

  it("combines with valid time: members active on a date, as recorded on an instant", async () => {
    expect((await readAt(instants.t3, "2021-06-01")).members).toEqual(["a", "b"]); // d only from 2023
    expect((await readAt(instants.t3, "2023-06-01")).members).toEqual(["a", "d"]); // b ended in 2022
    expect((await readAt(instants.t5, "2023-06-01")).members).toEqual(["a", "c"]); // d's membership is c's now
    expect((await readAt(null, "2021-06-01")).members).toEqual(["a"]); // b's membership is gone, c's starts in 2023
  }, 60_000);

  it("keeps deleted facts readable as of before their deletion", async () => {
    const q = `query ($t: DateTime) { actor(id: "${P}b", asRecordedOn: $t) { name alliances(first: 5) { edges { node { id } } } } }`;
    expect((await db.client.data(q, { t: null })).actor).toBeNull();
    expect((await db.client.data(q, { t: instants.t5 })).actor).toEqual({ name: "Htest Asso B", alliances: { edges: [] } });
    expect((await db.client.data(q, { t: instants.t3 })).actor).toEqual({ name: "Htest Asso B", alliances: { edges: [{ node: { id: `${P}al/${P}b` } }] } }); // its membership
  }, 60_000);

  it("traverses as recorded: path and network", async () => {
    const path = `query ($t: DateTime) { path(from: "${P}a", to: "${P}b", asRecordedOn: $t) { length actors { id } } }`;
    expect((await db.client.data(path, { t: instants.t3 })).path).toEqual({ length: 1, actors: [{ id: `${P}a` }, { id: `${P}b` }] });
    expect((await db.client.data(path, { t: instants.t4 })).path).toBeNull(); // b left the alliance
    const network = `query ($t: DateTime) { network(seeds: ["${P}a"], depth: 1, asRecordedOn: $t) { nodes { id } } }`;
    const ids = async (t: string | null) => (await db.client.data(network, { t })).network.nodes.map((n: any) => n.id).sort();
    expect(await ids(instants.t3)).toEqual([`actor:${P}a`, `actor:${P}b`, `actor:${P}d`]);
    expect(await ids(instants.t5)).toEqual([`actor:${P}a`, `actor:${P}c`]);
    expect(await ids(null)).toEqual([`actor:${P}a`, `actor:${P}c`]);
  }, 60_000);
});
