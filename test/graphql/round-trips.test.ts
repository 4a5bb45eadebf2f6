import { Connection } from "../../src/neo4j/connect";
import { loadDocument } from "../../src/seed/document";
import { deleteByPrefix, GraphQLClient, openTestDatabase } from "../support/database";
import { knownGraph } from "../support/known-graph";

/**
 * Loaders batch every relationship field: the Cypher round trips of a query depend on its
 * shape, never on how many items it returns. We load the known graph once, then more
 * copies, and ask the same deep query: one round trip per field of the selection, both times.
 */
const P = "rt-";
let connection: Connection;
let client: GraphQLClient;

const DEEP_QUERY = `query ($prefix: String!) {
  actors(filter: { nameStartsWith: $prefix }, first: 25) {
    totalCount
    edges { node {
      name
      basedIn { name parent { name } }
      sources { title }
      alliances(first: 5) { totalCount edges { node {
        role
        sources { title }
        alliance {
          name
          territories { name }
          sdgs { number targets { code } }
          sources { title }
          members(first: 5) { edges { node { role actor { name } } } }
          outcomes(first: 5) { edges { node { title sdgs { number } beneficiaryActors { name } beneficiaryTerritories { name } sources { title } } } }
        }
      } } }
      coConstructors(depth: 2, first: 10) { edges { node { sharedAllianceCount actor { name basedIn { name } } sharedAlliances { name } via { name } } } }
      impact(first: 5) { edges { node { title alliance { name } } } }
    } }
  }
}`;

/** The known graph, with every name prefixed so `nameStartsWith` selects one copy or several. */
function namedCopy(copy: number) {
  const doc = knownGraph(`${P}${copy}-`);
  for (const actor of doc.actors as any[]) {
    actor.name = `RoundTrip ${copy} ${actor.name}`;
    delete actor.siren; // SIREN and RNA are unique across actors
    delete actor.rna;
  }
  return doc;
}

beforeAll(async () => {
  connection = await openTestDatabase();
  await deleteByPrefix(connection, P);
  client = await GraphQLClient.create(connection);
});

afterAll(async () => {
  await deleteByPrefix(connection, P);
  await client.stop();
  await connection.close();
});

describe("Cypher round trips per request", () => {
  it("are one per field of the query whether it returns 5 actors or 20", async () => {
    await loadDocument(connection.executor, namedCopy(0));
    const small = await client.run(DEEP_QUERY, { prefix: "RoundTrip 0 " });
    expect(small.errors).toBeUndefined();
    expect(small.data.actors.edges).toHaveLength(5);

    for (const copy of [1, 2, 3]) await loadDocument(connection.executor, namedCopy(copy));
    const large = await client.run(DEEP_QUERY, { prefix: "RoundTrip " });
    expect(large.errors).toBeUndefined();
    expect(large.data.actors.edges).toHaveLength(20);

    // The root page, its totalCount, and one batch per relationship field of DEEP_QUERY
    // (22 of them, Actor.alliances' totalCount included); item by item would cost hundreds.
    expect(small.roundTrips).toBe(24);
    expect(large.roundTrips).toBe(24);
  });

  it("are one per loader for a list of alliances and their members", async () => {
    const { roundTrips, data } = await client.run(
      `{ alliances(first: 100) { edges { node { name members { edges { node { actor { name } } } } } } } }`,
    );
    expect(data.alliances.edges.length).toBeGreaterThanOrEqual(16);
    // alliances, members, actors
    expect(roundTrips).toBe(3);
  });
});
