import { serverAudits } from "graphql-http";
import type { AuditResult } from "graphql-http";
import { Connection } from "../../src/neo4j/connect";
import { createServer, MaillageServer } from "../../src/server";
import { openTestDatabase } from "../support/database";

/**
 * The GraphQL over HTTP spec audits of graphql-http against the real server, and the two
 * transport rules we add on top: our CSRF rule (GET runs queries, POST must be JSON), and
 * batches are refused. (test/ide/clients.test.ts runs standard clients and writes.)
 */
let connection: Connection;
let server: MaillageServer;
let url: string;

beforeAll(async () => {
  connection = await openTestDatabase();
  server = await createServer(connection.executor);
  url = `http://127.0.0.1:${await server.listen(0)}/graphql`;
});

afterAll(async () => {
  await server.stop();
  server.httpServer.close();
  await connection.close();
});

describe("GraphQL over HTTP audits (graphql-http)", () => {
  // Built before the server listens, so the URL is resolved lazily by each audit.
  const audits = serverAudits({ url: () => url });
  const results: AuditResult[] = [];

  afterAll(() => {
    const notOk = results.filter((r) => r.status !== "ok");
    if (notOk.length) {
      const lines = notOk.map((r) => `  [${r.status}] ${r.id} ${r.name}${"reason" in r ? ` — ${r.reason}` : ""}`);
      console.log(`graphql-http audits not ok (${notOk.length}/${results.length}):\n${lines.join("\n")}`);
    }
  });

  it.each(audits.map((audit) => [audit.id, audit.name, audit] as const))("%s %s", async (_id, name, audit) => {
    const result = await audit.fn();
    results.push(result);
    if (name.startsWith("MUST")) {
      // The reason names the status/header/body the audit expected and what it got.
      expect({ id: result.id, status: result.status, reason: "reason" in result ? result.reason : undefined }).toEqual({
        id: result.id,
        status: "ok",
        reason: undefined,
      });
    }
  });
});

describe("CSRF rule: GET runs queries, POST must be JSON (src/http/csrf.ts)", () => {
  const query = "{ __typename }";

  it("runs a plain GET query, with no special header", async () => {
    const response = await fetch(`${url}?query=${encodeURIComponent(query)}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { __typename: "Query" } });
  });

  it("refuses a mutation over GET with a 405 in our error shape, with the request id", async () => {
    const response = await fetch(`${url}?query=${encodeURIComponent("mutation { __typename }")}`, { headers: { "x-request-id": "csrf-get-1" } });
    expect(response.status).toBe(405);
    expect(await response.json()).toEqual({
      errors: [{ message: "GET requests only support query operations, not mutation operations", extensions: { code: "BAD_REQUEST", requestId: "csrf-get-1" } }],
    });
  });

  it.each([
    ["text/plain", '"text/plain"', JSON.stringify({ query })],
    ["application/x-www-form-urlencoded", '"application/x-www-form-urlencoded"', `query=${encodeURIComponent(query)}`],
    ["multipart/form-data; boundary=x", '"multipart/form-data"', `--x\r\nContent-Disposition: form-data; name="query"\r\n\r\n${query}\r\n--x--\r\n`],
  ])("refuses a simple POST with content-type %s with a 415 in our error shape", async (contentType, quoted, body) => {
    const response = await fetch(url, { method: "POST", headers: { "content-type": contentType, "x-request-id": "csrf-post-1" }, body });
    expect(response.status).toBe(415);
    expect(response.headers.get("accept-post")).toBe("application/json");
    expect(await response.json()).toEqual({
      errors: [
        {
          message: `POST /graphql takes Content-Type: application/json; got ${quoted}. Forms and text/plain are refused: another site could send them without a CORS preflight.`,
          extensions: { code: "BAD_REQUEST", requestId: "csrf-post-1" },
        },
      ],
    });
  });

  it("refuses a POST with no content-type at all, saying none was sent", async () => {
    const response = await fetch(url, { method: "POST", body: new Uint8Array(Buffer.from(JSON.stringify({ query }))) });
    expect(response.status).toBe(415);
    const body = (await response.json()) as any;
    expect(body.errors[0].message).toContain("got none.");
    expect(body.errors[0].extensions.requestId).toBe(response.headers.get("x-request-id"));
  });

  it("lets a JSON POST through, with a charset too", async () => {
    for (const type of ["application/json", "application/json; charset=utf-8"]) {
      const response = await fetch(url, { method: "POST", headers: { "content-type": type }, body: JSON.stringify({ query }) });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ data: { __typename: "Query" } });
    }
  });
});

describe("batched requests", () => {
  it("refuses a JSON array body with a 4xx and executes nothing", async () => {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify([{ query: "{ __typename }" }, { query: "{ sdgs { number } }" }]),
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    const text = await response.text();
    expect(text).not.toContain('"__typename"');
    expect(text).not.toContain('"sdgs"');
  });

  it("refuses a batch of mutations without writing", async () => {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify([
        { query: 'mutation { createSource(input: { id: "fuzz-http-batch", title: "t", kind: STUDY }) { id } }' },
      ]),
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    const rows = await connection.executor.read("MATCH (s:Source {id: $id}) RETURN s.id AS id", { id: "fuzz-http-batch" });
    expect(rows).toEqual([]);
  });
});
