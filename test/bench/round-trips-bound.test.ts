import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Connection } from "../../src/neo4j/connect";
import { generateDocument } from "../../src/generate/generate";
import { importFiles } from "../../src/import/importer";
import { deleteByPrefix, GraphQLClient, openTestDatabase, TEST_DEPARTEMENTS } from "../support/database";

/**
 * CI-speed companion of `npm run bench` (no timing): the bench's workload shapes make as many
 * Cypher round trips on a small graph as on a graph several times larger, because loaders
 * batch, hot paths fetch ahead and each root field is one query. Round trips are bounded by
 * the depth of the query, never by the size of its answer; the exact counts pin the gains
 * (W1 in one statement, a profile's figures in one), so losing one fails here, in review.
 */
const P = "bench-";
let connection: Connection;
let client: GraphQLClient;
let dir: string;

const W1 = `query W1($id: ID!) { actor(id: $id) { id coConstructors(first: 100) { edges { node {
  actor { id name basedIn { name } } sharedAllianceCount sharedAlliances { id name outcomes(first: 20) { edges { node { id title } } } } } } } } }`;
const W2 = `query W2($t: String!, $members: [String!]) { alliances(filter: { territory: $t, memberIds: $members }, first: 20) {
  edges { node { id name sdgs { number } territories { id } members(first: 10) { edges { node { role actor { id } } } } } } } }`;
const W3 = `query W3($t: String!) { territoryProfile(territory: $t) { allianceCount actorsByKind { key count }
  statistics { allianceCount byKind { key count } byStatus { key count } } } }`;
const W4 = `query W4($from: ID!, $to: ID!) { path(from: $from, to: $to, maxHops: 4) { length actors { id } alliances { id } } }`;
const W5 = `query W5($id: ID!) { network(seeds: [$id], depth: 2) { nodeCount edgeCount nodes { id distance } edges { id weight } } }`;

interface Graph { hub: string; actorIds: string[] }

/** A generated graph over the test départements, ids prefixed `bench-<name>-`; its hub is the actor with most memberships. */
async function load(name: string, actors: number): Promise<Graph> {
  const doc = generateDocument({ actors, seed: `round-trips-${name}`, prefix: `${P}${name}-`, departements: TEST_DEPARTEMENTS });
  for (const actor of doc.actors as any[]) { actor.siren = null; actor.rna = null; } // unique across the shared test DB
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify({ ...doc, maturityAssessments: [] }));
  const result = await importFiles(connection.executor, [file]);
  expect(result.rowsRejected).toBe(0);
  const count = new Map<string, number>();
  for (const m of doc.memberships as any[]) count.set(m.actorId, (count.get(m.actorId) ?? 0) + 1);
  const hub = [...count.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0];
  return { hub, actorIds: (doc.actors as any[]).map((a) => a.id) };
}

async function run(query: string, variables: Record<string, unknown>) {
  const result = await client.run(query, variables);
  expect(result.errors).toBeUndefined();
  return result;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "maillage-bench-"));
  connection = await openTestDatabase();
  await deleteByPrefix(connection, P);
  client = await GraphQLClient.create(connection);
});

afterAll(async () => {
  await deleteByPrefix(connection, P);
  await client.stop();
  await connection.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("bench workloads: Cypher round trips do not grow with the answer", () => {
  let small: Graph;
  let large: Graph;

  beforeAll(async () => {
    small = await load("s", 30);
    large = await load("l", 300);
  });

  it("W1 (co-constructors, shared alliances, their outcomes)", async () => {
    const a = await run(W1, { id: small.hub });
    const b = await run(W1, { id: large.hub });
    expect(b.data.actor.coConstructors.edges.length).toBeGreaterThan(a.data.actor.coConstructors.edges.length);
    expect(b.roundTrips).toBe(a.roundTrips);
    // The actor, its co-constructors and their shared alliances' outcomes in one statement
    // (actor/neighbourhood.prefetch.ts), then one batch for every co-constructor's basedIn.
    expect(a.roundTrips).toBe(2);
  });

  it("W2 (a territory's alliances, paged, with nested lists)", async () => {
    const a = await run(W2, { t: "REGION:11", members: small.actorIds.slice(0, 100) });
    const b = await run(W2, { t: "REGION:11", members: large.actorIds.slice(0, 100) });
    expect(b.data.alliances.edges.length).toBeGreaterThan(a.data.alliances.edges.length);
    expect(b.roundTrips).toBe(a.roundTrips);
  });

  it("W3 (territory profile): the territory, then every figure in one query", async () => {
    const a = await run(W3, { t: "DEPARTEMENT:94" });
    const b = await run(W3, { t: "REGION:11" });
    expect(b.data.territoryProfile.allianceCount).toBeGreaterThan(a.data.territoryProfile.allianceCount);
    expect(a.roundTrips).toBe(2);
    expect(b.roundTrips).toBe(2);
  });

  it("W4 (shortest path): one query", async () => {
    const a = await run(W4, { from: small.hub, to: small.actorIds[small.actorIds.length - 1] });
    const b = await run(W4, { from: large.hub, to: large.actorIds[large.actorIds.length - 1] });
    expect(a.roundTrips).toBe(1);
    expect(b.roundTrips).toBe(1);
  });

  it("W5 (two-level network)", async () => {
    const a = await run(W5, { id: small.hub });
    const b = await run(W5, { id: large.hub });
    expect(b.data.network.nodeCount).toBeGreaterThan(a.data.network.nodeCount);
    expect(b.roundTrips).toBe(a.roundTrips);
    expect(a.roundTrips).toBe(1);
  });
});
