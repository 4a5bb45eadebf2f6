import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deleteByPrefix } from "../support/database";
import { useHttpServers } from "../support/http-servers";
import { runCli } from "../support/cli";
import { KEYS, testAuthConfig } from "../auth/auth-support";
import { loadDocument } from "../../src/seed/document";
import { Connection } from "../../src/neo4j/connect";
import { clearSlot, VIEW_CALLER } from "../../src/history/view/view-materialise";
import { Label } from "../../src/neo4j/graph-model";

/**
 * GET /export/<format>?asRecordedOn= and `maillage export --as-recorded-on`: the export of the
 * graph as recorded at an instant is, byte for byte, the live export taken at that instant.
 */
const P = "hvexp-";
const get = (url: string) => fetch(url, { headers: { "x-api-key": KEYS.admin } });
const pause = () => new Promise((resolve) => setTimeout(resolve, 30));

async function clearSlots(connection: Connection): Promise<void> {
  const writer = connection.executor.forRequest(VIEW_CALLER).withoutHistory();
  for (let slot = 0; slot <= 8; slot++) await clearSlot(writer, slot);
  await writer.write((tx) => tx.run(`MATCH (v:${Label.HistoryView}) DELETE v`));
}

const servers = useHttpServers(async (connection) => {
  await deleteByPrefix(connection, P);
  await clearSlots(connection);
});

const doc = (name: string) => ({
  sources: [{ id: `${P}src`, title: "Hv export source", kind: "OTHER" }],
  actors: [{ id: `${P}a`, name, kind: "ASSOCIATION", basedIn: "94028", sourceIds: [`${P}src`] }],
  alliances: [{ id: `${P}x`, name: "Hvexp Alliance", kind: "PHILANTHROPY", objectives: ["SOCIETAL_INNOVATION"], territories: ["94028"], sourceIds: [`${P}src`] }],
  memberships: [{ allianceId: `${P}x`, actorId: `${P}a`, role: "PARTNER", sourceIds: [`${P}src`] }],
  outcomes: [],
});

let base = "";
let t15 = "";
const live: Record<string, Buffer> = {};

beforeAll(async () => {
  const { executor } = servers.connection();
  base = `${await servers.start({ auth: testAuthConfig() })}/export`;
  await loadDocument(executor, doc("Hvexp First") as never);
  await pause();
  t15 = new Date().toISOString();
  await pause();
  for (const format of ["json", "gexf", "csv"]) live[format] = Buffer.from(await (await get(`${base}/${format}?territory=94028`)).arrayBuffer());
  await loadDocument(executor, doc("Hvexp Second") as never);
}, 60_000);

describe("exports as recorded", () => {
  it("GET /export/<format>?asRecordedOn= gives the bytes the live export gave then, named after the seq read", async () => {
    for (const format of ["json", "gexf", "csv"]) {
      const response = await get(`${base}/${format}?territory=94028&asRecordedOn=${encodeURIComponent(t15)}`);
      expect([format, response.status]).toEqual([format, 200]);
      expect(response.headers.get("content-disposition")).toMatch(new RegExp(`^attachment; filename=maillage-commune-94028_recorded-\\d+\\.(json|gexf|csv\\.zip)$`));
      const bytes = Buffer.from(await response.arrayBuffer());
      expect([format, bytes.equals(live[format])]).toEqual([format, true]);
    }
    expect(live.json.toString()).toContain("Hvexp First");
    const now = await (await get(`${base}/json?territory=94028`)).text();
    expect(now).toContain("Hvexp Second");
  });

  it("refuses a bad instant or an unknown release with a 400 naming the parameter", async () => {
    const early = await get(`${base}/json?asRecordedOn=2001-01-01T00:00:00Z`);
    expect(early.status).toBe(400);
    expect(((await early.json()) as any).error).toMatchObject({ code: "BAD_USER_INPUT", field: "asRecordedOn", message: expect.stringMatching(/outside the recorded history/) });
    const unknown = await get(`${base}/json?release=nope`);
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as any).error).toMatchObject({ code: "BAD_USER_INPUT", field: "release", message: 'no release is named "nope"; the `releases` query lists them' });
  });

  it("maillage export --as-recorded-on writes the same bytes", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "hv-export-")), "recorded.json");
    const { code, out: printed } = await runCli(["export", "--territory", "94028", "--as-recorded-on", t15, "--out", out, "--quiet"]);
    expect([code, printed]).toEqual([0, ""]);
    expect(readFileSync(out).equals(live.json)).toBe(true);
  });
});
