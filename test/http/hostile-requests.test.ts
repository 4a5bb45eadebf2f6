import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import http from "node:http";
import { join } from "node:path";
import { AddressInfo } from "node:net";
import express from "express";
import { EXPLORER_DIST, explorerRoutes } from "../../src/explorer/explorer.routes";
import { requestId } from "../../src/http/middleware";
import { Connection } from "../../src/neo4j/connect";
import { createServer, MaillageServer } from "../../src/server";
import { openTestDatabase } from "../support/database";

/**
 * What an outsider can send without a key: unknown paths, other methods, path traversal,
 * malformed and huge bodies. Every answer is a JSON error with a request id, and no answer
 * names a file of the server.
 */
const ROOT = join(__dirname, "..", "..");
let connection: Connection;
let server: MaillageServer;
let port: number;

beforeAll(async () => {
  // The static files must be served for the traversal attempts to reach them.
  if (!existsSync(join(ROOT, EXPLORER_DIST, "explorer.js"))) {
    execFileSync(process.execPath, [join(ROOT, "scripts", "build-explorer.mjs")], { cwd: ROOT, stdio: "pipe" });
  }
  connection = await openTestDatabase();
  server = await createServer(connection.executor, { maxBodyBytes: 10_000 });
  port = await server.listen(0);
});

afterAll(async () => {
  await server.stop();
  server.httpServer.close();
  await connection.close();
});

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A raw request: the path goes out exactly as written (fetch would normalise `..` away). */
function send(method: string, path: string, options: { headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: "127.0.0.1", port, method, path, headers: options.headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks).toString("utf8") }));
    });
    request.on("error", reject);
    request.end(options.body);
  });
}

const FORBIDDEN_TEXT = [process.cwd(), ROOT, "/node_modules/", "/home/", "/work/", "at Object.", ".ts:"];

function expectCleanJsonError(answer: Answer, status: number, code: string): void {
  expect({ status: answer.status, type: answer.headers["content-type"] }).toEqual({ status, type: expect.stringMatching(/^application\/json/) });
  const body = JSON.parse(answer.body);
  expect(body.errors[0].extensions).toMatchObject({ code, requestId: answer.headers["x-request-id"] });
  for (const text of FORBIDDEN_TEXT) expect(answer.body).not.toContain(text);
}

const JSON_HEADERS = { "content-type": "application/json" };

describe("unknown paths and other methods", () => {
  it.each([
    ["GET", "/nope"],
    ["GET", "/graphql/extra"],
    ["POST", "/"],
    ["GET", "/explore/missing.js"],
    ["GET", "//etc/passwd"],
    ["GET", "/.env"],
  ])("%s %s is a JSON 404", async (method, path) => {
    expectCleanJsonError(await send(method, path), 404, "NOT_FOUND");
  });

  it.each([
    ["DELETE", "/healthz"],
    ["POST", "/readyz"],
    ["PUT", "/explore/"],
    ["POST", "/metrics"],
    ["POST", "/export/json"],
  ])("%s %s is a JSON 405 naming the methods allowed", async (method, path) => {
    const answer = await send(method, path);
    expectCleanJsonError(answer, 405, "BAD_REQUEST");
    expect(answer.headers.allow).toBe("GET, HEAD");
  });

  it("PUT /graphql is a 405 in the same shape", async () => {
    const answer = await send("PUT", "/graphql", { headers: JSON_HEADERS, body: JSON.stringify({ query: "{ __typename }" }) });
    expectCleanJsonError(answer, 405, "BAD_REQUEST");
    expect(answer.headers.allow).toBe("GET, POST");
  });
});

describe("path traversal under /explore", () => {
  it.each([
    "/explore/../../etc/passwd",
    "/explore/..%2f..%2fetc%2fpasswd",
    "/explore/%2e%2e/%2e%2e/package.json",
    "/explore/..%5c..%5cpackage.json",
    "/explore/../../../../../../etc/passwd",
  ])("GET %s serves no file from outside", async (path) => {
    const answer = await send("GET", path);
    expect([403, 404]).toContain(answer.status);
    expectCleanJsonError(answer, answer.status, answer.status === 403 ? "FORBIDDEN" : "NOT_FOUND");
    expect(answer.body).not.toContain("root:");
    expect(answer.body).not.toContain('"dependencies"');
  });

  it.each(["/explore/%00", "/explore/index.html%00.js", "/explore/%E0%A4%A"])("GET %s is a JSON 4xx", async (path) => {
    const answer = await send("GET", path);
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
    expectCleanJsonError(answer, answer.status, answer.status === 404 ? "NOT_FOUND" : "BAD_REQUEST");
  });

  it("before the explorer is built, says so in JSON without naming the folder's absolute path", async () => {
    const app = express().use(requestId()).use("/explore", explorerRoutes({ dir: join(__dirname, "not-built") }));
    const other = app.listen(0);
    try {
      const response = await fetch(`http://127.0.0.1:${(other.address() as AddressInfo).port}/explore/`);
      expect(response.status).toBe(503);
      const text = await response.text();
      expect(JSON.parse(text).errors[0]).toMatchObject({ message: expect.stringContaining("npm run build"), extensions: { code: "SERVICE_UNAVAILABLE" } });
      for (const forbidden of FORBIDDEN_TEXT) expect(text).not.toContain(forbidden);
    } finally {
      other.close();
    }
  });

  it("still serves the page itself", async () => {
    const answer = await send("GET", "/explore/");
    expect(answer.status).toBe(200);
    expect(answer.body).toContain('<script src="explorer.js">');
  });
});

describe("bodies", () => {
  it.each([
    ['{"query":', "truncated"],
    ["{'query': 1}", "single quotes"],
    ['{"query":"{ __typename }"}}', "trailing brace"],
  ])("malformed JSON (%s: %s) is a JSON 400", async (body) => {
    expectCleanJsonError(await send("POST", "/graphql", { headers: JSON_HEADERS, body }), 400, "BAD_REQUEST");
  });

  it("a body over the limit is a JSON 413", async () => {
    const body = JSON.stringify({ query: `{ __typename } # ${"x".repeat(50_000)}` });
    const answer = await send("POST", "/graphql", { headers: JSON_HEADERS, body });
    expectCleanJsonError(answer, 413, "BAD_REQUEST");
    expect(JSON.parse(answer.body).errors[0].message).toBe("Request body larger than 10000 bytes");
  });

  it("an unknown charset is a JSON 415", async () => {
    const answer = await send("POST", "/graphql", { headers: { "content-type": "application/json; charset=klingon" }, body: "{}" });
    expectCleanJsonError(answer, 415, "BAD_REQUEST");
  });

  it("a body of the wrong shape gets Apollo's 400, without a stack trace in development", async () => {
    const answer = await send("POST", "/graphql", { headers: JSON_HEADERS, body: JSON.stringify({ query: 42 }) });
    // Apollo answers before any plugin runs: the request id is in the header only.
    expect(answer.headers["x-request-id"]).toEqual(expect.any(String));
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body).errors[0].extensions).toEqual({ code: "BAD_REQUEST" });
    for (const text of FORBIDDEN_TEXT) expect(answer.body).not.toContain(text);
  });
});

describe("GraphQL errors", () => {
  it.each([
    ["bad input", "{ alliances(first: 500) { totalCount } }"],
    ["unknown field", "{ nope }"],
    ["syntax", "{ actor(id: "],
    ["bad variable", "query ($n: Int!) { sdgs { number } }"],
  ])("%s: no stack trace, no file name, even in development", async (_what, query) => {
    const answer = await send("POST", "/graphql", { headers: JSON_HEADERS, body: JSON.stringify({ query, variables: { n: "x" } }) });
    const body = JSON.parse(answer.body);
    expect(body.errors.length).toBeGreaterThan(0);
    for (const error of body.errors) expect(error.extensions.stacktrace).toBeUndefined();
    for (const text of FORBIDDEN_TEXT) expect(answer.body).not.toContain(text);
  });

  it("an export with hostile parameters names no file either", async () => {
    const answer = await send("GET", "/export/json?territory=..%2F..%2Fetc%2Fpasswd");
    expect(answer.status).toBe(401); // exports are for admins; anonymous gets no further
    for (const text of FORBIDDEN_TEXT) expect(answer.body).not.toContain(text);
  });
});
