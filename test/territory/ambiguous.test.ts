import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { describeError } from "../../src/cli/run";
import { KEYS, testAuthConfig } from "../auth/auth-support";
import { runCli } from "../support/cli";
import { GraphQLClient } from "../support/database";
import { useHttpServers } from "../support/http-servers";

// On the real French geography: "94" is both département 94 (Val-de-Marne) and région 94 (Corse).
const MESSAGE = 'territory "94" is ambiguous: did you mean DEPARTEMENT:94 (Val-de-Marne) or REGION:94 (Corse)?';
const CANDIDATES = [
  { id: "DEPARTEMENT:94", name: "Val-de-Marne" },
  { id: "REGION:94", name: "Corse" },
];

const servers = useHttpServers();
let client: GraphQLClient;
let base: string;
beforeAll(async () => {
  client = await GraphQLClient.create(servers.connection());
  base = await servers.start({ auth: testAuthConfig() });
});
afterAll(() => client.stop());

describe("an ambiguous territory code", () => {
  it("is BAD_USER_INPUT in GraphQL arguments, naming the field, with the candidates", async () => {
    const { errors } = await client.run(`{ alliances(filter: { territory: "94" }) { totalCount } }`);
    expect(errors?.[0].message).toBe(`territory: ${MESSAGE}`);
    expect(errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "territory", candidates: CANDIDATES });
  });

  it("is BAD_USER_INPUT in territory(code:) and territoryProfile(territory:); a level picks one", async () => {
    const { errors } = await client.run(`{ territory(code: "94") { id } }`);
    expect(errors?.[0].message).toBe(`code: ${MESSAGE}`);
    expect(errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "code", candidates: CANDIDATES });
    expect((await client.data(`{ territory(code: "94", level: REGION) { name } }`)).territory).toEqual({ name: "Corse" });
    const profile = await client.run(`{ territoryProfile(territory: "94") { allianceCount } }`);
    expect(profile.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "territory", candidates: CANDIDATES });
  });

  it("is a 400 of the export route with the field and the candidates", async () => {
    const response = await fetch(`${base}/export/gexf?territory=94&at=2021-06-01`, { headers: { "x-api-key": KEYS.admin } });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: { code: "BAD_USER_INPUT", field: "territory", message: MESSAGE, candidates: CANDIDATES } });
  });

  it("stops the CLI's export with the option and the candidates", async () => {
    const failure = await runCli(["export", "--format", "gexf", "--territory", "94", "--quiet"]).catch((error: unknown) => error);
    expect(describeError(failure)).toBe(`--territory: ${MESSAGE}`);
  });

  it("makes `maillage export --territory 94` exit 1 saying so, nothing on stdout", async () => {
    const bin = join(__dirname, "..", "..", "bin", "maillage.js");
    // Asynchronously (this file's HTTP server keeps serving), with the test database's NEO4J_URI (jest's process.env is not the real one).
    const failure = await promisify(execFile)(process.execPath, [bin, "export", "--format", "gexf", "--territory", "94", "--quiet"], { env: process.env }).catch((e) => e);
    // The bin may first say it builds dist/ (a source changed since the last build); then the one error line.
    const stderr = (failure.stderr as string).split("\n").filter((line) => line && !line.startsWith("maillage: building dist/"));
    expect({ code: failure.code, stdout: failure.stdout, stderr }).toEqual({ code: 1, stdout: "", stderr: [`maillage: --territory: ${MESSAGE}`] });
  });

  it("is not ambiguous once a level is given: DEPARTEMENT:94 exports Val-de-Marne", async () => {
    const response = await fetch(`${base}/export/json?territory=DEPARTEMENT:94&at=2021-06-01`, { headers: { "x-api-key": KEYS.admin } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe("attachment; filename=maillage-departement-94_at-2021-06-01.json");
    expect(JSON.parse(await response.text())).toHaveProperty("alliances");
  });
});
