import { readFileSync } from "node:fs";
import { join } from "node:path";
import { AddressInfo } from "node:net";
import { GraphQLError, GraphQLSchema } from "graphql";
import { publishedOperationNames } from "../../src/graphql/trusted-manifest";
import { createSchema } from "../../src/graphql/schema";
import { defaultHttpConfig, MetricsAccess } from "../../src/http/http.config";
import { Connection } from "../../src/neo4j/connect";
import { metricsPlugin, registry } from "../../src/observability/metrics";
import { createServer, MaillageServer } from "../../src/server";
import { openTestDatabase } from "../support/database";

/** /metrics shows requests and latency by operation, errors by code, and Neo4j session use. */
let connection: Connection;
let schema: GraphQLSchema;
let server: MaillageServer;
let base: string;

beforeAll(async () => {
  connection = await openTestDatabase();
  schema = await createSchema();
  server = await createServer(connection.executor, { schema, knownOperations: new Set(["MetricsGoals", "MetricsMissing"]) });
  base = `http://127.0.0.1:${await server.listen(0)}`;
});

afterAll(async () => {
  await server.stop();
  await connection.close();
});

const post = (body: object, at = base) =>
  fetch(`${at}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

/** The value of one sample line of the metrics text, 0 when absent. */
function sample(text: string, line: string): number {
  const found = text.split("\n").find((l) => l.startsWith(line + " "));
  return found ? Number(found.slice(line.length + 1)) : 0;
}

describe("GET /metrics", () => {
  it("counts requests by operation, errors by code and Neo4j round trips", async () => {
    const before = await (await fetch(`${base}/metrics`)).text();
    await post({ query: "query MetricsGoals { sdgs { number } }", operationName: "MetricsGoals" });
    await post({ query: "query MetricsGoals { sdgs { number } }", operationName: "MetricsGoals" });
    await post({ query: "query MetricsMissing { actor(id: \"metrics-nobody\") { id } alliances(first: 500) { totalCount } }" });
    const response = await fetch(`${base}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
    const after = await response.text();
    const delta = (line: string) => sample(after, line) - sample(before, line);
    expect(delta('maillage_graphql_requests_total{operation="MetricsGoals"}')).toBe(2);
    expect(delta('maillage_graphql_request_duration_seconds_count{operation="MetricsGoals"}')).toBe(2);
    // The name comes from the document when the body does not give it.
    expect(delta('maillage_graphql_requests_total{operation="MetricsMissing"}')).toBe(1);
    expect(delta('maillage_graphql_errors_total{code="BAD_USER_INPUT"}')).toBe(1);
    expect(delta('maillage_neo4j_round_trips_total{mode="read"}')).toBeGreaterThanOrEqual(2);
    // A request that failed early may answer before a sibling field's session closes; it closes soon after.
    let inUse = -1;
    for (let attempt = 0; attempt < 50 && inUse !== 0; attempt++) {
      if (attempt) await new Promise((resolve) => setTimeout(resolve, 100));
      inUse = sample(await (await fetch(`${base}/metrics`)).text(), "maillage_neo4j_sessions_in_use");
    }
    expect(inUse).toBe(0);
    expect(after).toContain("maillage_process_resident_memory_bytes");
  });

  it("labels unknown operation names `other` and unnamed ones `anonymous`", async () => {
    const before = await (await fetch(`${base}/metrics`)).text();
    await post({ query: "query SomebodyElses { __typename }" });
    await post({ query: "{ __typename }" });
    const after = await (await fetch(`${base}/metrics`)).text();
    const delta = (line: string) => sample(after, line) - sample(before, line);
    expect(delta('maillage_graphql_requests_total{operation="other"}')).toBe(1);
    expect(delta('maillage_graphql_requests_total{operation="anonymous"}')).toBe(1);
    expect(after).not.toContain("SomebodyElses");
  });

  it("stays small after 200 requests with distinct 10 KB operation names", async () => {
    const operations = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const name = `Op${i}_${"x".repeat(10_000)}`;
      const response = await post({ query: `query ${name} { __typename }`, operationName: name });
      expect(response.status).toBe(200);
    }
    const text = await (await fetch(`${base}/metrics`)).text();
    for (const match of text.matchAll(/operation="([^"]*)"/g)) operations.add(match[1]);
    // Before the fix: 200 more operations, and a page of more than 30 MB.
    expect([...operations].sort()).toEqual(["MetricsGoals", "MetricsMissing", "anonymous", "other"]);
    expect(text.length).toBeLessThan(100_000);
  });

  it("labels error codes that are neither ours nor Apollo's `other`", async () => {
    const before = await registry.metrics();
    await post({ query: "query Broken {" }); // Apollo's own code
    const hooks = (await metricsPlugin().requestDidStart!({} as any))!;
    const strange = new GraphQLError("from a library", { extensions: { code: `LIB_${"Z".repeat(5_000)}` } });
    await hooks.didEncounterErrors!({ errors: [strange] } as any);
    const after = await registry.metrics();
    const delta = (line: string) => sample(after, line) - sample(before, line);
    expect(delta('maillage_graphql_errors_total{code="GRAPHQL_PARSE_FAILED"}')).toBe(1);
    expect(delta('maillage_graphql_errors_total{code="other"}')).toBe(1);
    expect(after).not.toContain("LIB_");
  });

  it("knows by default the names of the registered operations: the explorer's and the examples'", () => {
    const names = (file: string) => [...readFileSync(join(__dirname, "..", "..", file), "utf8").matchAll(/^(?:query|mutation)\s+(\w+)/gm)].map((m) => m[1]);
    const known = publishedOperationNames();
    expect(names("explorer/operations.graphql")).toEqual(["Search", "TerritorySeeds", "Network", "ScopeSize", "Analytics", "ActorDetails", "Sdgs"]);
    for (const name of [...names("explorer/operations.graphql"), ...names("schema/examples.graphql")]) expect(known).toContain(name);
    expect(known).not.toContain("other");
  });
});

describe("who may read /metrics", () => {
  const KEY = "metrics-key-0123456789";
  let other: MaillageServer | undefined;

  afterEach(async () => {
    await other?.stop();
    other?.httpServer.close();
    other = undefined;
  });

  async function start(production: boolean, metrics?: MetricsAccess): Promise<string> {
    const http = { ...defaultHttpConfig(production), ...(metrics ? { metrics } : {}) };
    other = await createServer(connection.executor, { schema, production, http });
    return `http://127.0.0.1:${await other.listen(0)}`;
  }

  it("serves it to anyone in development by default", async () => {
    const at = await start(false);
    expect((await fetch(`${at}/metrics`)).status).toBe(200);
  });

  it("does not serve it at all in production by default", async () => {
    const at = await start(true);
    const response = await fetch(`${at}/metrics`);
    expect(response.status).toBe(404);
    expect(((await response.json()) as any).errors[0].extensions.code).toBe("NOT_FOUND");
  });

  it("asks for the bearer key when one is set, in production too", async () => {
    const at = await start(true, { key: KEY, open: false });
    const none = await fetch(`${at}/metrics`);
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toContain("Bearer");
    expect(((await none.json()) as any).errors[0].extensions).toMatchObject({ code: "UNAUTHENTICATED", requestId: expect.any(String) });
    expect((await fetch(`${at}/metrics`, { headers: { authorization: `Bearer ${KEY}x` } })).status).toBe(401);
    expect((await fetch(`${at}/metrics`, { headers: { authorization: KEY } })).status).toBe(401);
    const good = await fetch(`${at}/metrics`, { headers: { authorization: `Bearer ${KEY}` } });
    expect(good.status).toBe(200);
    expect(await good.text()).toContain("maillage_graphql_requests_total");
  });

  it("serves it only on its own listener when a port is set", async () => {
    const at = await start(false, { listener: { host: "127.0.0.1", port: 0 }, open: true });
    const port = (other!.metricsServer!.address() as AddressInfo).port;
    expect(port).not.toBe(Number(new URL(at).port));
    expect((await fetch(`${at}/metrics`)).status).toBe(404);
    const served = await fetch(`http://127.0.0.1:${port}/metrics`);
    expect(served.status).toBe(200);
    expect(await served.text()).toContain("maillage_graphql_requests_total");
    const elsewhere = await fetch(`http://127.0.0.1:${port}/graphql`);
    expect(elsewhere.status).toBe(404);
    expect(((await elsewhere.json()) as any).errors[0].extensions.code).toBe("NOT_FOUND");
    await other!.stop();
    expect(other!.metricsServer!.listening).toBe(false);
  });

  it("asks for the key on its own listener when both are set", async () => {
    await start(true, { key: KEY, listener: { host: "127.0.0.1", port: 0 }, open: false });
    const port = (other!.metricsServer!.address() as AddressInfo).port;
    expect((await fetch(`http://127.0.0.1:${port}/metrics`)).status).toBe(401);
    expect((await fetch(`http://127.0.0.1:${port}/metrics`, { headers: { authorization: `Bearer ${KEY}` } })).status).toBe(200);
  });
});
