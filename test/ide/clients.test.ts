import { Client, cacheExchange, fetchExchange, gql } from "@urql/core";
import { GraphQLClient, request } from "graphql-request";
import { loadAuthConfig } from "../../src/auth/auth.config";
import { Connection } from "../../src/neo4j/connect";
import { Label } from "../../src/neo4j/graph-model";
import { useHttpServers } from "../support/http-servers";

/**
 * Standard GraphQL clients on their default settings against the real server, and the CSRF
 * rule (src/http/csrf.ts): queries run over GET and POST; a mutation runs only as a JSON POST
 * (with a key); over GET, as text/plain or as a form it is refused in our error shape and
 * writes nothing.
 */
const EDITOR_KEY = "ide-clients-editor-key-0123456789";
const SOURCE_ID = "ide-clients-source";
const servers = useHttpServers(deleteSource);
async function deleteSource(connection: Connection): Promise<void> {
  await connection.executor.write((tx) => tx.run(`MATCH (n:${Label.Source} {id: $id}) DETACH DELETE n`, { id: SOURCE_ID }));
}

const CREATE = `mutation { createSource(input: { id: "${SOURCE_ID}", title: "Written by a standard client", kind: STUDY }) { id title } }`;
const ACTOR = "query Actor($id: ID!) { actor(id: $id) { name kind } }";

let url: string;
beforeAll(async () => {
  url = `${await servers.start({ auth: loadAuthConfig({ MAILLAGE_API_KEYS: `editor:${EDITOR_KEY}` }) })}/graphql`;
});

async function sourceCount(): Promise<number> {
  const rows = await servers.connection().executor.read(`MATCH (s:${Label.Source} {id: $id}) RETURN count(s) AS n`, { id: SOURCE_ID });
  return Number(rows[0].n);
}

/** The methods a client used, seen through the fetch it is given (its settings otherwise untouched). */
function recordingFetch(methods: string[]): typeof fetch {
  return (input, init) => {
    methods.push(init?.method ?? "GET");
    return fetch(input, init);
  };
}

describe("urql (@urql/core) with its defaults", () => {
  it("runs a query over GET (its default for queries within the URL limit) with variables", async () => {
    const methods: string[] = [];
    const client = new Client({ url, exchanges: [cacheExchange, fetchExchange], fetch: recordingFetch(methods) });
    const result = await client.query(gql(ACTOR), { id: "le-rameau" }).toPromise();
    expect(result.error).toBeUndefined();
    expect(result.data).toEqual({ actor: { name: "Le RAMEAU", kind: "ASSOCIATION", __typename: "Actor" } });
    expect(methods).toEqual(["GET"]);
  });

  it("sends a mutation as a JSON POST, which runs with a key", async () => {
    const methods: string[] = [];
    const client = new Client({ url, exchanges: [fetchExchange], fetch: recordingFetch(methods), fetchOptions: { headers: { "x-api-key": EDITOR_KEY } } });
    const result = await client.mutation(gql(CREATE), {}).toPromise();
    expect(result.error).toBeUndefined();
    expect(result.data.createSource).toEqual({ id: SOURCE_ID, title: "Written by a standard client" });
    expect(methods).toEqual(["POST"]);
    expect(await sourceCount()).toBe(1);
    await deleteSource(servers.connection());
  });
});

describe("graphql-request with its defaults", () => {
  it("runs a query (JSON POST)", async () => {
    expect(await request(url, ACTOR, { id: "ucly" })).toEqual({ actor: { name: expect.stringContaining("UCLy"), kind: "ACADEMIC" } });
  });

  it("runs a query over GET when asked to", async () => {
    const client = new GraphQLClient(url, { method: "GET" });
    expect(await client.request(ACTOR, { id: "le-rameau" })).toEqual({ actor: { name: "Le RAMEAU", kind: "ASSOCIATION" } });
  });

  it("runs a mutation as a JSON POST with a key, and it writes", async () => {
    const client = new GraphQLClient(url, { headers: { "x-api-key": EDITOR_KEY } });
    expect(await client.request(CREATE)).toEqual({ createSource: { id: SOURCE_ID, title: "Written by a standard client" } });
    expect(await sourceCount()).toBe(1);
    await deleteSource(servers.connection());
  });

  it("sends a mutation as a POST even when set to GET (so GET's refusal never bites it)", async () => {
    const client = new GraphQLClient(url, { method: "GET", headers: { "x-api-key": EDITOR_KEY } });
    expect(await client.request(CREATE)).toEqual({ createSource: { id: SOURCE_ID, title: "Written by a standard client" } });
    expect(await sourceCount()).toBe(1);
    await deleteSource(servers.connection());
  });
});

describe("requests another site could make a browser send (no CORS preflight)", () => {
  // Even with the editor's key (which such a page could not attach), nothing runs.
  it.each([
    ["a GET link", "GET", undefined, undefined],
    ["a text/plain POST", "POST", "text/plain", JSON.stringify({ query: CREATE })],
    ["a form POST", "POST", "application/x-www-form-urlencoded", `query=${encodeURIComponent(CREATE)}`],
  ])("%s carrying a mutation is refused in our error shape and writes nothing", async (_what, method, type, body) => {
    const target = method === "GET" ? `${url}?query=${encodeURIComponent(CREATE)}` : url;
    const headers: Record<string, string> = { "x-api-key": EDITOR_KEY, "x-request-id": "ide-csrf-1", ...(type ? { "content-type": type } : {}) };
    const response = await fetch(target, { method, headers, body });
    expect(response.status).toBe(method === "GET" ? 405 : 415);
    const answer = (await response.json()) as any;
    expect(answer.data).toBeUndefined();
    expect(answer.errors).toHaveLength(1);
    expect(answer.errors[0].extensions).toEqual({ code: "BAD_REQUEST", requestId: "ide-csrf-1" });
    expect(await sourceCount()).toBe(0);
  });
});
