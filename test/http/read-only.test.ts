import { loadAuthConfig } from "../../src/auth/auth.config";
import { defaultHttpConfig } from "../../src/http/http.config";
import { useHttpServers } from "../support/http-servers";

/**
 * MAILLAGE_READ_ONLY (a public mirror): every mutation is refused before it runs, with a 403
 * FORBIDDEN / reason READ_ONLY, for every credential including admin; reads and exports work.
 */
const ADMIN_KEY = "read-only-admin-key-0123456789";
const SOURCE_ID = "read-only-source";
const servers = useHttpServers(deleteSource);

async function deleteSource(): Promise<void> {
  await servers.connection().executor.write((tx) => tx.run("MATCH (s:Source {id: $id}) DETACH DELETE s", { id: SOURCE_ID }));
}

async function sourcesNamed(id: string): Promise<unknown[]> {
  return servers.connection().executor.read("MATCH (s:Source {id: $id}) RETURN s.id AS id", { id });
}

function start(readOnly: boolean): Promise<string> {
  return servers.start({ production: true, http: { ...defaultHttpConfig(true), readOnly }, auth: loadAuthConfig({ MAILLAGE_API_KEYS: `admin:${ADMIN_KEY}` }) });
}

const asAdmin = (base: string, body: object) =>
  fetch(`${base}/graphql`, { method: "POST", headers: { "content-type": "application/json", "x-api-key": ADMIN_KEY }, body: JSON.stringify(body) });

const CREATE = `mutation { createSource(input: { id: "${SOURCE_ID}", title: "Read-only probe", kind: STUDY }) { id } }`;

describe("read-only mode", () => {
  it("refuses an admin's mutation with 403 FORBIDDEN / READ_ONLY and writes nothing", async () => {
    const base = await start(true);
    const answer = await asAdmin(base, { query: CREATE });
    expect(answer.status).toBe(403);
    const body: any = await answer.json();
    expect(body.data).toBeUndefined();
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0]).toMatchObject({
      message: "This server is read-only: mutations are refused (MAILLAGE_READ_ONLY)",
      extensions: { code: "FORBIDDEN", reason: "READ_ONLY", requestId: answer.headers.get("x-request-id") },
    });
    expect(await sourcesNamed(SOURCE_ID)).toEqual([]);
  });

  it("refuses the mutation of a document that also holds a query, and runs the query", async () => {
    const base = await start(true);
    const document = `query Goals { sdgs { number } } ${CREATE.replace("mutation", "mutation Create")}`;
    const refused = await asAdmin(base, { query: document, operationName: "Create" });
    expect(refused.status).toBe(403);
    expect(await sourcesNamed(SOURCE_ID)).toEqual([]);
    const read = await asAdmin(base, { query: document, operationName: "Goals" });
    expect(read.status).toBe(200);
    expect(((await read.json()) as any).data.sdgs).toHaveLength(17);
  });

  it("refuses anonymous mutations the same way, before authorization is even checked", async () => {
    const base = await start(true);
    const answer = await fetch(`${base}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: CREATE }) });
    expect(answer.status).toBe(403);
    expect(((await answer.json()) as any).errors[0].extensions).toMatchObject({ code: "FORBIDDEN", reason: "READ_ONLY" });
  });

  it("leaves exports working", async () => {
    const base = await start(true);
    const answer = await fetch(`${base}/export/json?territory=DEPARTEMENT:94`, { headers: { "x-api-key": ADMIN_KEY } });
    expect(answer.status).toBe(200);
  });

  it("without it, the same admin mutation writes (so the refusal above is the mode's doing)", async () => {
    const base = await start(false);
    const answer = await asAdmin(base, { query: CREATE });
    expect(answer.status).toBe(200);
    expect(await sourcesNamed(SOURCE_ID)).toEqual([{ id: SOURCE_ID }]);
  });
});
