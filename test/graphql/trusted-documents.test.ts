import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PROJECT_ROOT } from "../../src/common/paths";
import { loadTrustedDocuments, sha256, TRUSTED_DOCUMENTS_MANIFEST } from "../../src/graphql/trusted-documents";
import { readmeOperations, trustedManifest } from "../../src/graphql/trusted-manifest";
import { Connection } from "../../src/neo4j/connect";
import { createServer, MaillageServer } from "../../src/server";
import { openTestDatabase } from "../support/database";

const EXPLORER = readFileSync(join(PROJECT_ROOT, "explorer", "operations.graphql"), "utf8");
const GOALS = readmeOperations(readFileSync(join(PROJECT_ROOT, "README.md"), "utf8")).find((op) => op.startsWith("query Goals"))!;
const OPERATOR_DOCUMENT = "query OperatorSdgCount { sdgs { number } }";
const UNREGISTERED = "{ sdgs { number titleFr } }";

describe("schema/trusted-documents.json", () => {
  it("is the manifest the code emits (run `npm run schema:emit` after changing the explorer's operations or the README's examples)", () => {
    expect(JSON.parse(readFileSync(TRUSTED_DOCUMENTS_MANIFEST, "utf8"))).toEqual(trustedManifest());
  });

  it("registers the explorer's document, the examples file and every README example, each by the sha256 of its text", () => {
    const { operations } = trustedManifest();
    expect(operations.map((o) => o.name).slice(0, 2)).toEqual(["explorer/operations.graphql", "schema/examples.graphql"]);
    expect(operations.find((o) => o.name === "explorer/operations.graphql")?.id).toBe(sha256(EXPLORER));
    expect(operations.filter((o) => o.name.startsWith("README.md: "))).toHaveLength(readmeOperations(readFileSync(join(PROJECT_ROOT, "README.md"), "utf8")).length);
    expect(operations.find((o) => o.name === "README.md: Goals")?.id).toBe(sha256(GOALS));
  });
});

describe("MAILLAGE_TRUSTED_DOCUMENTS", () => {
  let connection: Connection;
  let trusted: MaillageServer;
  let open: MaillageServer;
  let trustedUrl: string;
  let openUrl: string;

  beforeAll(async () => {
    const file = join(mkdtempSync(join(tmpdir(), "maillage-trusted-")), "operator.json");
    writeFileSync(file, JSON.stringify({ format: "apollo-persisted-query-manifest", version: 1, operations: [{ id: sha256(OPERATOR_DOCUMENT), name: "OperatorSdgCount", type: "query", body: OPERATOR_DOCUMENT }] }));
    connection = await openTestDatabase();
    trusted = await createServer(connection.executor, { trustedDocuments: loadTrustedDocuments({ MAILLAGE_TRUSTED_DOCUMENTS: "true", MAILLAGE_TRUSTED_DOCUMENTS_FILE: file }) });
    open = await createServer(connection.executor);
    trustedUrl = `http://127.0.0.1:${await trusted.listen(0)}/graphql`;
    openUrl = `http://127.0.0.1:${await open.listen(0)}/graphql`;
  });

  afterAll(async () => {
    for (const server of [trusted, open]) {
      await server.stop();
      server.httpServer.close();
    }
    await connection.close();
  });

  const post = async (url: string, body: Record<string, unknown>) => {
    const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as any };
  };
  const persisted = (sha256Hash: string) => ({ persistedQuery: { version: 1, sha256Hash } });

  it("runs the explorer's document, sent whole with an operation name", async () => {
    const { status, body } = await post(trustedUrl, { query: EXPLORER, operationName: "Sdgs" });
    expect(status).toBe(200);
    expect(body.data.sdgs).toHaveLength(17);
  });

  it("runs a README example, and an operator's document", async () => {
    expect((await post(trustedUrl, { query: GOALS })).body.errors).toBeUndefined();
    expect((await post(trustedUrl, { query: OPERATOR_DOCUMENT })).body.data.sdgs).toHaveLength(17);
  });

  it("runs a registered document asked by its hash alone, over POST and GET", async () => {
    const { status, body } = await post(trustedUrl, { operationName: "Sdgs", extensions: persisted(sha256(EXPLORER)) });
    expect(status).toBe(200);
    expect(body.data.sdgs).toHaveLength(17);
    const params = new URLSearchParams({ extensions: JSON.stringify(persisted(sha256(OPERATOR_DOCUMENT))) });
    const get = await fetch(`${trustedUrl}?${params}`);
    expect(get.status).toBe(200);
    expect(((await get.json()) as any).data.sdgs).toHaveLength(17);
  });

  it("refuses a document that is not registered with FORBIDDEN, the reason and its hash", async () => {
    const { status, body } = await post(trustedUrl, { query: UNREGISTERED });
    expect(status).toBe(403);
    expect(body.errors[0]).toMatchObject({
      message: "Only registered operations run on this server; this document is not one",
      extensions: { code: "FORBIDDEN", reason: "UNTRUSTED_DOCUMENT", sha256Hash: sha256(UNREGISTERED) },
    });
  });

  it("refuses an unknown hash with PERSISTED_QUERY_NOT_FOUND and the hash", async () => {
    const unknown = sha256("query Nobody { sdgs { number } }");
    const { status, body } = await post(trustedUrl, { extensions: persisted(unknown) });
    expect(status).toBe(400);
    expect(body.errors[0].extensions).toMatchObject({ code: "PERSISTED_QUERY_NOT_FOUND", sha256Hash: unknown });
  });

  it("lets no automatic persisted query register a document", async () => {
    const register = await post(trustedUrl, { query: UNREGISTERED, extensions: persisted(sha256(UNREGISTERED)) });
    expect(register.body.errors[0].extensions).toMatchObject({ code: "FORBIDDEN", sha256Hash: sha256(UNREGISTERED) });
    const replay = await post(trustedUrl, { extensions: persisted(sha256(UNREGISTERED)) });
    expect(replay.body.errors[0].extensions).toMatchObject({ code: "PERSISTED_QUERY_NOT_FOUND", sha256Hash: sha256(UNREGISTERED) });
  });

  it("is off by default: any document runs, and automatic persisted queries register as before", async () => {
    expect((await post(openUrl, { query: UNREGISTERED })).body.data.sdgs).toHaveLength(17);
    const hash = sha256(UNREGISTERED);
    expect((await post(openUrl, { extensions: persisted(hash) })).body.errors[0].extensions.code).toBe("PERSISTED_QUERY_NOT_FOUND");
    expect((await post(openUrl, { query: UNREGISTERED, extensions: persisted(hash) })).status).toBe(200);
    expect((await post(openUrl, { extensions: persisted(hash) })).body.data.sdgs).toHaveLength(17);
  });
});
