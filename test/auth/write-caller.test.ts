import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Role } from "../../src/auth/viewer";
import { loadConfig } from "../../src/config";
import { createContext } from "../../src/graphql/context";
import { importFiles } from "../../src/import/importer";
import type { Caller } from "../../src/neo4j/caller";
import { connect, Connection } from "../../src/neo4j/connect";
import { migrate, readMigrations } from "../../src/neo4j/migrate";
import { seedSdgs } from "../../src/seed/sdg.seed";
import { createServer, MaillageServer } from "../../src/server";
import { openTestDatabase } from "../support/database";
import { deleteAuthNodes, KEYS, PREFIX, testAuthConfig } from "./auth-support";
import { signJwt } from "./sign-jwt";

/** Every write knows whom it is for: commit listeners hear it, Neo4j's transaction metadata carries it. */
let connection: Connection;
let server: MaillageServer;
let url: string;
const heard: Caller[] = [];

beforeAll(async () => {
  connection = await openTestDatabase();
  await deleteAuthNodes(connection);
  connection.executor.onCommit((caller) => heard.push(caller));
  server = await createServer(connection.executor, { auth: testAuthConfig() });
  url = `http://127.0.0.1:${await server.listen(0)}/graphql`;
});
beforeEach(() => heard.splice(0));

afterAll(async () => {
  await server.stop();
  await deleteAuthNodes(connection);
  await connection.close();
});

async function createSource(id: string, headers: Record<string, string>) {
  const query = `mutation { createSource(input: { id: "${id}", title: "Caller", kind: STUDY }) { id } }`;
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query }) });
  return { status: response.status, body: await response.json() };
}

describe("the caller of a write", () => {
  it("is the API key's name for a mutation sent with X-API-Key", async () => {
    expect(await createSource(`${PREFIX}by-key`, { "x-api-key": KEYS.editor })).toEqual({ status: 200, body: { data: { createSource: { id: `${PREFIX}by-key` } } } });
    expect(heard).toEqual([{ kind: "api-key", id: "editor-key-2" }]);
  });

  it("is the token's sub for a mutation sent with a bearer JWT", async () => {
    const token = signJwt({ role: "editor", sub: "researcher-17" });
    expect((await createSource(`${PREFIX}by-jwt`, { authorization: `Bearer ${token}` })).status).toBe(200);
    expect(heard).toEqual([{ kind: "jwt", id: "researcher-17" }]);
  });

  it("is the imported file and its SHA-256 for an import, once per batch", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "maillage-caller-")), "sources.csv");
    writeFileSync(file, `id,title,kind\n${PREFIX}imp-1,Un,STUDY\n${PREFIX}imp-2,Deux,STUDY\n`);
    const sha256 = createHash("sha256").update(readFileSync(file)).digest("hex");
    const result = await importFiles(connection.executor, [file], { batchSize: 1 });
    expect(result.imported.sources.created).toBe(2);
    expect(heard).toEqual([{ kind: "import", id: file, sha256: [sha256] }, { kind: "import", id: file, sha256: [sha256] }]);
  });

  it("is the seed, naming what it seeds, and the migration, naming it", async () => {
    await seedSdgs(connection.executor);
    expect(heard).toEqual([{ kind: "seed", id: "sdgs" }]);
    heard.splice(0);
    const [first] = readMigrations();
    await migrate(connection.executor, [{ ...first, checksum: "forced-again" }]);
    expect(heard.every((caller) => caller.kind === "migration" && caller.id === first.id)).toBe(true);
    expect(heard.length).toBe(first.statements.length + 1);
    await migrate(connection.executor); // the real checksum back
  });

  it("is none for an anonymous request, even on a root executor that has one", () => {
    expect(connection.executor.caller).toEqual({ kind: "script", id: "test" });
    expect(createContext(connection.executor).executor.caller).toBeUndefined();
    expect(createContext(connection.executor, { viewer: { role: Role.EDITOR, subject: "x", caller: { kind: "jwt", id: "x" } } }).executor.caller).toEqual({ kind: "jwt", id: "x" });
  });

  it("travels as Neo4j transaction metadata", async () => {
    const caller: Caller = { kind: "cli", id: "maillage restore" };
    const [row] = await connection.executor.forRequest(caller).write((tx) => tx.run("CALL tx.getMetaData() YIELD metadata RETURN metadata"));
    expect(row.metadata).toEqual({ caller });
  });

  it("is required: a write without one throws before reaching Neo4j, a read needs none", async () => {
    const own = await connect(loadConfig());
    try {
      let commits = 0;
      own.executor.onCommit(() => commits++);
      await expect(own.executor.write((tx) => tx.run("CREATE (:Source {id: $id})", { id: `${PREFIX}anonymous` }))).rejects.toThrow(
        "Executor.write needs a caller",
      );
      expect({ commits, roundTrips: own.executor.roundTrips }).toEqual({ commits: 0, roundTrips: 0 });
      expect(await own.executor.read("MATCH (s:Source {id: $id}) RETURN count(s) AS n", { id: `${PREFIX}anonymous` })).toEqual([{ n: 0 }]);
    } finally {
      await own.close();
    }
  });
});
