import { Connection } from "../../src/neo4j/connect";
import { createServer, MaillageServer } from "../../src/server";
import { GraphQLClient, openTestDatabase } from "../support/database";

/** Each limit at its value passes and one past it is refused with QUERY_TOO_COMPLEX (HTTP 400). */
const LIMITS = { maxDepth: 6, maxAliases: 3, maxDirectives: 2, maxTokens: 60, maxCost: 500, maxAnalyticsFields: 1 };
let connection: Connection;
let client: GraphQLClient;
let server: MaillageServer;
let url: string;

beforeAll(async () => {
  connection = await openTestDatabase();
  client = await GraphQLClient.create(connection, { limits: LIMITS });
  server = await createServer(connection.executor, { limits: LIMITS, maxBodyBytes: 2_000, production: true });
  url = `http://127.0.0.1:${await server.listen(0)}/graphql`;
});

afterAll(async () => {
  await client.stop();
  await server.stop();
  server.httpServer.close();
  await connection.close();
});

const refused = async (query: string, variables: Record<string, unknown> = {}) => {
  const { errors, data } = await client.run(query, variables);
  expect(data).toBeUndefined();
  return errors?.[0].extensions;
};
const passes = async (query: string, variables: Record<string, unknown> = {}) => {
  const { errors } = await client.run(query, variables);
  expect(errors).toBeUndefined();
};

describe("query limits", () => {
  it("depth", async () => {
    // sdg(1) > alliances(2) > edges(3) > node(4) > members(5) > totalCount(6)
    await passes(`{ sdg(number: 17) { alliances(first: 1) { edges { node { members { totalCount } } } } } }`);
    expect(await refused(`{ sdg(number: 17) { alliances(first: 1) { edges { node { members { edges { cursor } } } } } } }`)).toMatchObject({
      code: "QUERY_TOO_COMPLEX",
      limit: "maxDepth",
    });
  });

  it("aliases", async () => {
    await passes(`{ a: sdgs { number } b: sdgs { number } c: sdgs { number } }`);
    expect(await refused(`{ a: sdgs { number } b: sdgs { number } c: sdgs { number } d: sdgs { number } }`)).toMatchObject({
      code: "QUERY_TOO_COMPLEX",
      limit: "maxAliases",
    });
  });

  it("directives", async () => {
    await passes(`{ sdgs @include(if: true) { number @skip(if: false) } }`);
    expect(await refused(`{ sdgs @include(if: true) { number @skip(if: false) titleFr @include(if: true) } }`)).toMatchObject({
      code: "QUERY_TOO_COMPLEX",
      limit: "maxDirectives",
    });
  });

  it("tokens, before parsing completes", async () => {
    const fields = (n: number) => Array.from({ length: n }, () => "number").join(" ");
    // `{ sdgs { … } }` is 5 tokens (the end of input counts) plus one per field.
    await passes(`{ sdgs { ${fields(55)} } }`);
    expect(await refused(`{ sdgs { ${fields(56)} } }`)).toMatchObject({ code: "QUERY_TOO_COMPLEX", limit: "maxTokens" });
  });

  it("cost, counting page sizes given in variables", async () => {
    const query = `query ($n: Int) { alliances(first: $n) { edges { node { name kind } } } }`;
    // 1 + n × (edges 1 + node 1 + name 1 + kind 1) = 1 + 4n
    await passes(query, { n: 100 });
    await passes(`query ($n: Int) { sdg(number: 1) { alliances(first: $n) { edges { node { name } } } } }`, { n: 100 });
    expect(await refused(`query ($n: Int) { a: alliances(first: $n) { edges { node { name kind } } } b: alliances(first: $n) { edges { node { name } } } }`, { n: 100 })).toMatchObject({
      code: "QUERY_TOO_COMPLEX",
      limit: "maxCost",
    });
  });

  it("cost, remembered per document and variables: the same document is refused or passed by its variables each time", async () => {
    const query = `query ($n: Int) { a: alliances(first: $n) { edges { node { name kind } } } b: alliances(first: $n) { edges { node { name } } } }`;
    // 2 + 4n + 3n = 2 + 7n: n = 70 costs 492, n = 100 costs 702.
    for (let round = 0; round < 2; round++) {
      await passes(query, { n: 70 });
      expect(await refused(query, { n: 100 })).toMatchObject({ code: "QUERY_TOO_COMPLEX", limit: "maxCost" });
    }
  });
});

describe("analytics fields", () => {
  it("are counted whatever the aliases and fragments, skipped ones excepted", async () => {
    const twice = `{ ...A b: networkAnalytics(at: "2020-01-01") { actorCount } } fragment A on Query { networkAnalytics { actorCount } }`;
    expect(await refused(twice)).toMatchObject({ code: "QUERY_TOO_COMPLEX", limit: "maxAnalyticsFields" });
    const inline = `{ ... on Query { a: recommendPartners(actor: "x") { score } } b: recommendPartners(actor: "y") { score } }`;
    expect(await refused(inline)).toMatchObject({ limit: "maxAnalyticsFields" });
    // One left once the other is skipped: within the count, and then over the cost (each costs 20 000).
    const skipped = `{ a: networkAnalytics { actorCount } b: networkAnalytics @skip(if: true) { actorCount } }`;
    expect(await refused(skipped)).toMatchObject({ limit: "maxCost" });
  });
});

describe("HTTP", () => {
  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });

  it("answers a limit with 400, the code and a request id the logs also carry", async () => {
    const response = await post(JSON.stringify({ query: `{ a: sdgs { number } b: sdgs { number } c: sdgs { number } d: sdgs { number } }` }), {
      "x-request-id": "trace-me-42",
    });
    expect(response.status).toBe(400);
    expect(response.headers.get("x-request-id")).toBe("trace-me-42");
    const body: any = await response.json();
    expect(body.errors[0].extensions).toMatchObject({ code: "QUERY_TOO_COMPLEX", requestId: "trace-me-42" });
  });

  it("refuses a body over the size limit with 413 in the GraphQL error shape", async () => {
    const response = await post(JSON.stringify({ query: `{ sdgs { number } }`, variables: { pad: "x".repeat(3_000) } }));
    expect(response.status).toBe(413);
    const body: any = await response.json();
    expect(body.errors[0].extensions.code).toBe("BAD_REQUEST");
    expect(body.errors[0].extensions.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("refuses batched requests", async () => {
    const response = await post(JSON.stringify([{ query: "{ sdgs { number } }" }, { query: "{ sdgs { number } }" }]));
    expect(response.status).toBe(400);
  });

  it("has no introspection and no field suggestions in production", async () => {
    const introspection: any = await (await post(JSON.stringify({ query: "{ __schema { types { name } } }" }))).json();
    expect(introspection.errors[0].extensions.code).toBe("GRAPHQL_VALIDATION_FAILED");
    const typo: any = await (await post(JSON.stringify({ query: "{ sdgz { number } }" }))).json();
    expect(typo.errors[0].message).toBe('Cannot query field "sdgz" on type "Query".');
  });

  it("keeps introspection and suggestions in development", async () => {
    const { errors } = await client.run("{ sdgz { number } }");
    expect(errors?.[0].message).toContain("Did you mean");
  });
});
