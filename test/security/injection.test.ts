import { Connection } from "../../src/neo4j/connect";
import { GraphQLClient, openTestDatabase } from "../support/database";

/**
 * Cypher and Lucene injection payloads in every string input: each answer is data (usually
 * empty) or a coded client error, never INTERNAL_SERVER_ERROR, and the graph is unchanged.
 * (Cypher is always parameterised and labels come from enums; this proves it stays so.)
 */
const PAYLOADS = [
  `' OR 1=1 //`,
  `"}) MATCH (n) DETACH DELETE n //`,
  `x'}) WITH 1 AS x MATCH (n) DETACH DELETE n RETURN 1 //`,
  "`) DETACH DELETE n //",
  `le-rameau" OR "1"="1`,
  `94028}) MATCH (t:Territory) DETACH DELETE t //`,
  `REGION:11' OR ''='`,
  `$param`,
  `\\'; CALL dbms.killQueries([]) //`,
  `*:*`,
  `name:* OR id:*`,
  `rameau~ AND (x OR y)^4 /regex/ [a TO z] {a TO z} "unterminated`,
  `\\`,
  `" OR true OR "`,
];

const READS: [string, (p: string) => Record<string, unknown>][] = [
  [`query ($p: ID!) { actor(id: $p) { id } }`, (p) => ({ p })],
  [`query ($p: ID!) { alliance(id: $p) { id } }`, (p) => ({ p })],
  [`query ($p: ID!) { source(id: $p) { id } }`, (p) => ({ p })],
  [`query ($p: String!) { territory(code: $p) { id } }`, (p) => ({ p })],
  [`query ($p: String!) { actors(filter: { nameStartsWith: $p }) { totalCount } }`, (p) => ({ p })],
  [`query ($p: String!) { actors(filter: { territory: $p }) { totalCount } }`, (p) => ({ p })],
  [`query ($p: String!) { alliances(filter: { territory: $p, memberIds: [$p] }) { totalCount } }`, (p) => ({ p })],
  [`query ($p: String!) { territories(nameStartsWith: $p) { totalCount } }`, (p) => ({ p })],
  [`query ($p: String!) { search(text: $p) { totalCount edges { node { kind } } } }`, (p) => ({ p })],
  [`query ($p: ID!) { path(from: $p, to: $p) { length } }`, (p) => ({ p })],
  [`query ($p: ID!) { sharedPartners(a: $p, b: $p) { actor { id } } }`, (p) => ({ p })],
  [`query ($p: ID!) { coConstruction(a: $p, b: $p) { alliances { id } } }`, (p) => ({ p })],
  [`query ($p: ID!) { network(seeds: [$p]) { nodeCount } }`, (p) => ({ p })],
  [`query ($p: String!) { statistics(filter: { territory: $p }) { allianceCount } }`, (p) => ({ p })],
  [`query ($p: String!) { alliances(first: 1, after: $p) { totalCount } }`, (p) => ({ p })],
  [`query ($p: ID!) { recommendPartners(actor: $p) { score } }`, (p) => ({ p })],
];

const WRITES: [string, (p: string) => Record<string, unknown>][] = [
  [`mutation ($p: String!) { createActor(input: { id: $p, name: "x", kind: MEDIA }) { id } }`, (p) => ({ p })],
  [`mutation ($p: String!) { createActor(input: { id: "inj-actor", name: "x", kind: MEDIA, basedIn: $p }) { id } }`, (p) => ({ p })],
  [`mutation ($p: String!) { createActor(input: { id: "inj-actor", name: "x", kind: MEDIA, sourceIds: [$p] }) { id } }`, (p) => ({ p })],
  [`mutation ($p: ID!) { updateActor(id: $p, input: { name: "x" }) { id } }`, (p) => ({ p })],
  [`mutation ($p: ID!) { deleteActor(id: $p) }`, (p) => ({ p })],
  [`mutation ($p: ID!) { deleteSource(id: $p) }`, (p) => ({ p })],
  [`mutation ($p: ID!) { removeMembership(id: $p) }`, (p) => ({ p })],
  [
    `mutation ($p: String!) { createAlliance(input: { id: "inj-alliance", name: "x", kind: PHILANTHROPY, objectives: [SOCIETAL_INNOVATION], territories: [$p], sourceIds: ["inj-none"] }) { id } }`,
    (p) => ({ p }),
  ],
];

const CLIENT_CODES = ["BAD_USER_INPUT", "NOT_FOUND", "GRAPHQL_VALIDATION_FAILED", "QUERY_TOO_COMPLEX"];
let connection: Connection;
let client: GraphQLClient;

/** How many nodes, relationships and identified nodes the graph holds: any write would move one. */
async function fingerprint(): Promise<string> {
  const [row] = await connection.executor.read(`
    CALL { MATCH (n) RETURN count(n) AS nodes }
    CALL { MATCH ()-[r]->() RETURN count(r) AS relationships }
    CALL { MATCH (n:Actor|Alliance|Membership|Outcome|Source|Territory) RETURN count(n.id) AS ids }
    RETURN nodes, relationships, ids`);
  return JSON.stringify(row);
}

beforeAll(async () => {
  connection = await openTestDatabase();
  client = await GraphQLClient.create(connection);
});

afterAll(async () => {
  await client.stop();
  await connection.close();
});

describe("injection payloads", () => {
  let before: string;
  beforeAll(async () => {
    before = await fingerprint();
  });

  it.each(PAYLOADS)("in every read input (%s) give data or a client error", async (payload) => {
    for (const [query, variables] of READS) {
      const { errors } = await client.run(query, variables(payload));
      for (const error of errors ?? []) {
        expect({ query, clientError: CLIENT_CODES.includes(error.extensions?.code) }).toEqual({ query, clientError: true });
      }
    }
  });

  it.each(PAYLOADS)("in every write input (%s) are refused and write nothing", async (payload) => {
    for (const [mutation, variables] of WRITES) {
      const { data, errors } = await client.run(mutation, variables(payload));
      expect(data).toBeNull();
      expect({ mutation, clientError: CLIENT_CODES.includes(errors?.[0].extensions?.code) }).toEqual({ mutation, clientError: true });
    }
  });

  it("leave the graph exactly as it was", async () => {
    expect(await fingerprint()).toBe(before);
  });
});
