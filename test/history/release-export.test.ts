import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deleteByPrefix, useGraphQLClient } from "../support/database";
import { runCli } from "../support/cli";
import { loadDiffGraph, writeChanges } from "./diff.fixture";

// A release's exports (prefix hr-x-) are byte-identical twice and after later writes (create,
// update, delete, merge), and the JSON one hashes to the stored checksum; the current export differs.
const P = "hr-x-";
const RELEASE = `${P}${Date.now().toString(36)}`;
const dir = mkdtempSync(join(tmpdir(), "hr-release-"));
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await db.connection.executor.write((tx) => tx.run(`MATCH (r:Release) WHERE r.name STARTS WITH $p DELETE r`, { p: P }));
  await db.connection.executor.write((tx) => tx.run(`MATCH (n:ActorAlias) WHERE n.id STARTS WITH $p DETACH DELETE n`, { p: P }));
  await deleteByPrefix(db.connection, P);
});
const db = useGraphQLClient();

/** The three exports (whole graph as JSON; GEXF and a CSV zip of Val-de-Marne), through `maillage export`, as bytes. */
async function exportAll(tag: string, release: string | null): Promise<Record<string, Buffer>> {
  const files: Record<string, Buffer> = {};
  for (const [format, scope, name] of [["json", [], "json"], ["gexf", ["--territory", "DEPARTEMENT:94"], "gexf"], ["csv", ["--territory", "DEPARTEMENT:94"], "zip"]] as const) {
    const out = join(dir, `${tag}.${name}`);
    const { code, out: printed } = await runCli(["export", "--format", format, ...scope, ...(release ? ["--release", release] : []), "--out", out, "--quiet"]);
    expect([code, printed]).toEqual([0, ""]);
    files[name] = readFileSync(out);
  }
  return files;
}

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
let stored: string;
let first: Record<string, Buffer>;

beforeAll(async () => {
  await deleteByPrefix(db.connection, P);
  await loadDiffGraph(db.connection, P);
  stored = (await db.client.data(`mutation ($name: String!) { createRelease(name: $name) { checksum } }`, { name: RELEASE })).createRelease.checksum;
  first = await exportAll("first", RELEASE);
});

describe("a release's exports", () => {
  it("are byte-identical when made twice", async () => {
    const again = await exportAll("again", RELEASE);
    for (const name of ["json", "gexf", "zip"]) expect(again[name].equals(first[name])).toBe(true);
  });

  it("hash, as JSON, to the checksum stored with the release", () => {
    expect(sha256(first.json)).toBe(stored);
    expect(first.json.toString("utf8")).toContain(`"id": "${P}remove"`);
  });

  it("are byte-identical after a create, an update, a delete and a merge, while the current export changed", async () => {
    const currentBefore = await exportAll("current-before", null);
    await writeChanges(db.client, P);
    const later = await exportAll("later", RELEASE);
    for (const name of ["json", "gexf", "zip"]) expect([name, later[name].equals(first[name])]).toEqual([name, true]);
    expect(sha256(later.json)).toBe(stored);
    const current = await exportAll("current-after", null);
    for (const name of ["json", "gexf", "zip"]) expect([name, current[name].equals(currentBefore[name])]).toEqual([name, false]);
    expect(current.json.toString("utf8")).not.toContain(`"id": "${P}remove"`);
  });

  it("verify finds the release reproduced after the writes", async () => {
    const { out, code } = await runCli(["release", "verify", RELEASE, "--quiet"]);
    expect(code).toBe(0);
    expect(out).toContain("checksum matches");
  });
});
