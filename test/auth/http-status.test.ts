import express from "express";
import { Connection } from "../../src/neo4j/connect";
import { createServer, MaillageServer } from "../../src/server";
import { requireRole } from "../../src/auth/require-role";
import { Role } from "../../src/auth/viewer";
import { openTestDatabase } from "../support/database";
import { deleteAuthNodes, KEYS, PREFIX, testAuthConfig } from "./auth-support";
import { signJwt } from "./sign-jwt";

/** Over HTTP: UNAUTHENTICATED answers 401, FORBIDDEN 403, and reads can be locked behind a key. */
let connection: Connection;
const servers: MaillageServer[] = [];

async function start(auth = testAuthConfig()): Promise<string> {
  const server = await createServer(connection.executor, { auth });
  servers.push(server);
  return `http://127.0.0.1:${await server.listen(0)}/graphql`;
}

async function post(url: string, query: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query }) });
  const body: any = await response.json();
  return { status: response.status, codes: (body.errors ?? []).map((e: any) => e.extensions?.code), body, headers: response.headers };
}

const CREATE = `mutation { createSource(input: { id: "${PREFIX}http-source", title: "Auth over HTTP", kind: STUDY }) { id } }`;
const DELETE = `mutation { deleteSource(id: "${PREFIX}http-source") }`;
const READ = "{ sdgs { number } }";

beforeAll(async () => {
  connection = await openTestDatabase();
  await deleteAuthNodes(connection);
});

afterAll(async () => {
  for (const server of servers) {
    await server.stop();
    server.httpServer.close();
  }
  await deleteAuthNodes(connection);
  await connection.close();
});

describe("mutations over HTTP", () => {
  let url: string;
  beforeAll(async () => {
    url = await start();
  });

  it("answer 401 UNAUTHENTICATED without a credential, with a challenge", async () => {
    const result = await post(url, CREATE);
    expect({ status: result.status, codes: result.codes }).toEqual({ status: 401, codes: ["UNAUTHENTICATED"] });
    expect(result.headers.get("www-authenticate")).toMatch(/Bearer/);
    expect(result.body.errors[0].extensions.http).toBeUndefined();
  });

  it("answer 403 FORBIDDEN to a reader", async () => {
    const result = await post(url, CREATE, { "x-api-key": KEYS.reader });
    expect({ status: result.status, codes: result.codes }).toEqual({ status: 403, codes: ["FORBIDDEN"] });
    expect(result.body.errors[0].message).toMatch(/needs the editor role; you are reader/);
  });

  it("answer 401 to a wrong key even for a read, never treating it as anonymous", async () => {
    const result = await post(url, READ, { "x-api-key": "wrong-key-0123456789abcdef" });
    expect({ status: result.status, codes: result.codes }).toEqual({ status: 401, codes: ["UNAUTHENTICATED"] });
  });

  it("answer 401 to an expired token", async () => {
    const result = await post(url, CREATE, { authorization: `Bearer ${signJwt({ role: "admin", exp: 1 })}` });
    expect({ status: result.status, codes: result.codes }).toEqual({ status: 401, codes: ["UNAUTHENTICATED"] });
  });

  it("let an editor key create and an editor token not delete (403), an admin token delete", async () => {
    expect(await post(url, CREATE, { "x-api-key": KEYS.editor })).toMatchObject({ status: 200, body: { data: { createSource: { id: `${PREFIX}http-source` } } } });
    const editor = await post(url, DELETE, { authorization: `Bearer ${signJwt({ role: "editor" })}` });
    expect({ status: editor.status, codes: editor.codes }).toEqual({ status: 403, codes: ["FORBIDDEN"] });
    expect(await post(url, DELETE, { authorization: `Bearer ${signJwt({ role: "admin" })}` })).toMatchObject({ status: 200, body: { data: { deleteSource: true } } });
  });

  it("leave reads public by default", async () => {
    const result = await post(url, READ);
    expect(result.status).toBe(200);
    expect(result.body.data.sdgs).toHaveLength(17);
  });
});

describe("MAILLAGE_READS_REQUIRE_KEY=true", () => {
  let url: string;
  beforeAll(async () => {
    url = await start(testAuthConfig({ MAILLAGE_READS_REQUIRE_KEY: "true" }));
  });

  it("answers an anonymous query 401 UNAUTHENTICATED", async () => {
    const result = await post(url, READ);
    expect({ status: result.status, codes: result.codes, data: result.body.data }).toEqual({ status: 401, codes: ["UNAUTHENTICATED"], data: undefined });
  });

  it("answers a reader key or token", async () => {
    expect((await post(url, READ, { "x-api-key": KEYS.reader })).status).toBe(200);
    expect((await post(url, READ, { authorization: `Bearer ${signJwt({ role: "reader" })}` })).status).toBe(200);
  });
});

describe("requireRole (for routes outside GraphQL, e.g. /export)", () => {
  let base: string;
  beforeAll(async () => {
    const app = express();
    app.get("/export/json", requireRole(Role.ADMIN, testAuthConfig()), (req, res) => {
      res.json({ subject: req.viewer?.subject });
    });
    const server = app.listen(0);
    await new Promise((resolve) => server.once("listening", resolve));
    servers.push({ stop: async () => {}, httpServer: server } as unknown as MaillageServer);
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });

  it.each([
    ["no credential", {}, 401, "UNAUTHENTICATED"],
    ["a bad key", { "x-api-key": "wrong-key-0123456789abcdef" }, 401, "UNAUTHENTICATED"],
    ["an editor key", { "x-api-key": KEYS.editor }, 403, "FORBIDDEN"],
  ])("answers %s with %i %s", async (_who, headers, status, code) => {
    const response = await fetch(`${base}/export/json`, { headers: headers as Record<string, string> });
    expect({ status: response.status, body: await response.json() }).toMatchObject({ status, body: { error: { code } } });
  });

  it("lets an admin through, with the viewer on the request", async () => {
    const response = await fetch(`${base}/export/json`, { headers: { authorization: `Bearer ${signJwt({ role: "admin", sub: "ops" })}` } });
    expect({ status: response.status, body: await response.json() }).toEqual({ status: 200, body: { subject: "ops" } });
  });
});
