import { createSchema } from "../../src/graphql/schema";
import { deleteByPrefix, useGraphQLClient } from "../support/database";
import { runCli } from "../support/cli";
import { VIEWERS, viewerClient } from "../auth/auth-support";
import { expectedInTerritory, loadDiffGraph, writeChanges } from "./diff.fixture";

// diff end to end (prefix hr-dr-): from a release made before known writes (create, update,
// delete, merge) to now, as recorded, each item with its change-log entries; GraphQL and CLI.
const P = "hr-dr-";
const RELEASE = `${P}${Date.now().toString(36)}`;
afterAll(async () => {
  await db.connection.executor.write((tx) => tx.run(`MATCH (r:Release) WHERE r.name STARTS WITH $p DELETE r`, { p: P }));
  await db.connection.executor.write((tx) => tx.run(`MATCH (n:ActorAlias) WHERE n.id STARTS WITH $p DETACH DELETE n`, { p: P }));
  await deleteByPrefix(db.connection, P);
});
const db = useGraphQLClient();

const DIFF = `query ($from: PointInput!, $to: PointInput, $scope: DiffScopeInput, $first: Int! = 100) {
  diff(from: $from, to: $to, scope: $scope, first: $first) {
    from { seq release } to { seq release } scope addedCount removedCount changedCount truncated scopeCapped
    added { entity id after changes { op how who } }
    removed { entity id before changes { op how who } }
    changed { entity id fields { field before after } changes { op how who } }
  } }`;
const TERRITORY = { territory: "DEPARTEMENT:94", idPrefix: P };
const listed = (items: any[]) => items.map((item) => [item.entity, item.id]);
let releaseSeq: number;

beforeAll(async () => {
  await deleteByPrefix(db.connection, P);
  await loadDiffGraph(db.connection, P);
  releaseSeq = (await db.client.data(`mutation ($name: String!) { createRelease(name: $name) { seq } }`, { name: RELEASE })).createRelease.seq;
  await writeChanges(db.client, P);
});

describe("diff from a release to now", () => {
  it("lists exactly the entities the writes added, removed and changed in the territory, with the change log's entries", async () => {
    const { diff } = await db.client.data(DIFF, { from: { release: RELEASE }, scope: TERRITORY });
    const expected = expectedInTerritory(P);
    expect(diff.from).toEqual({ seq: releaseSeq, release: RELEASE });
    expect(diff.to.seq).toBeGreaterThan(releaseSeq);
    expect(diff.scope).toBe(`territory DEPARTEMENT:94, ids starting "${P}"`);
    expect(listed(diff.added)).toEqual(expected.added);
    expect(listed(diff.removed)).toEqual(expected.removed);
    expect(diff.changed.map((item: any) => [item.entity, item.id, item.fields.map((f: any) => f.field)])).toEqual(expected.changed);
    expect([diff.addedCount, diff.removedCount, diff.changedCount, diff.truncated, diff.scopeCapped]).toEqual([3, 4, 2, false, false]);
    expect(diff.changed[0].fields).toEqual([{ field: "name", before: "Atelier Un", after: "Atelier Un (renommé)" }]);
    // The log says how: a mutation created a4, deleteActor removed a2 (and its membership), the merge the rest.
    const how = (item: any) => item.changes.map((c: any) => `${c.op} ${c.how} ${c.who}`);
    expect(how(diff.added[0])).toEqual(["CREATED MUTATION script:test"]);
    expect(how(diff.changed[0])).toEqual(["UPDATED MUTATION script:test"]);
    expect(how(diff.removed[0])).toEqual(["DELETED DELETE script:test"]);
    expect(how(diff.removed[1])).toEqual(["DELETED MERGE script:test"]);
    expect(how(diff.removed[3])).toEqual(["DELETED MERGE script:test"]);
    expect(how(diff.added[2])).toEqual(["CREATED MERGE script:test"]);
    expect(how(diff.changed[1])).toEqual(["UPDATED MERGE script:test"]);
  });

  it("leaves out changes outside the scope: Lyon sees only a3 renamed", async () => {
    const { diff } = await db.client.data(DIFF, { from: { release: RELEASE }, scope: { territory: "DEPARTEMENT:69", idPrefix: P } });
    expect([diff.addedCount, diff.removedCount, diff.changedCount]).toEqual([0, 0, 1]);
    expect(diff.changed.map((item: any) => item.id)).toEqual([`${P}a3`]);
  });

  it("compares an actor's neighbourhood", async () => {
    const { diff } = await db.client.data(DIFF, { from: { release: RELEASE }, scope: { actor: `${P}a1`, depth: 1 } });
    expect(listed(diff.added)).toEqual([["Actor", `${P}a4`], ["Membership", `${P}al94/${P}a4`]]);
    expect(listed(diff.removed)).toEqual([["Actor", `${P}a2`], ["Membership", `${P}al94/${P}a2`]]);
    expect(listed(diff.changed)).toEqual([["Actor", `${P}a1`], ["Actor", `${P}keep`]]);
  });

  it("takes an instant for either point: from the release's instant to the release is empty", async () => {
    const { release } = await db.client.data(`query ($name: String!) { release(name: $name) { at } }`, { name: RELEASE });
    const { diff } = await db.client.data(DIFF, { from: { asRecordedOn: release.at }, to: { release: RELEASE }, scope: TERRITORY });
    expect([diff.from.seq, diff.to.seq, diff.addedCount, diff.removedCount, diff.changedCount]).toEqual([releaseSeq, releaseSeq, 0, 0, 0]);
  });

  it("cuts each list at `first` and says so", async () => {
    const { diff } = await db.client.data(DIFF, { from: { release: RELEASE }, scope: TERRITORY, first: 1 });
    expect([diff.added.length, diff.removed.length, diff.changed.length, diff.addedCount, diff.truncated]).toEqual([1, 1, 1, 3, true]);
  });

  it("shows who wrote to admins only", async () => {
    const client = await viewerClient(db.connection, await createSchema());
    try {
      const { data, errors } = await client.run(VIEWERS.none, DIFF, { from: { release: RELEASE }, scope: TERRITORY });
      expect(errors).toBeUndefined();
      expect(data.diff.added[0].changes).toEqual([{ op: "CREATED", how: "MUTATION", who: null }]);
    } finally {
      await client.stop();
    }
  });

  it("refuses `to` before `from`", async () => {
    const { errors } = await db.client.run(DIFF, { from: { asRecordedOn: new Date().toISOString() }, to: { release: RELEASE } });
    expect(errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "to" });
  });
});

describe("maillage diff", () => {
  it("prints the counts, then one line per change", async () => {
    const { out, code } = await runCli(["diff", "--from", RELEASE, "--territory", "DEPARTEMENT:94", "--id-prefix", P]);
    expect(code).toBe(0);
    const lines = out.trim().split("\n");
    expect(lines.slice(0, 2)).toEqual([`Diff of territory DEPARTEMENT:94, ids starting "${P}"`, `  from release ${RELEASE} (seq ${releaseSeq}, recorded ${lines[1].split("recorded ")[1]}`]);
    expect(lines[3]).toBe("3 added, 4 removed, 2 changed");
    expect(lines.slice(4).map((line) => line.split("  ")[0])).toEqual([
      `+ Actor ${P}a4`, `+ Membership ${P}al94/${P}a4`, `+ Membership ${P}al94b/${P}keep`,
      `- Actor ${P}a2`, `- Actor ${P}remove`, `- Membership ${P}al94/${P}a2`, `- Membership ${P}al94b/${P}remove`,
      `~ Actor ${P}a1`, `~ Actor ${P}keep`,
    ]);
    expect(lines[11]).toMatch(new RegExp(`^~ Actor ${P}a1  name: "Atelier Un" → "Atelier Un \\(renommé\\)"  \\[seq \\d+ UPDATED by MUTATION \\(script:test\\) at `));
  });

  it("prints JSON with --format json, and refuses depth 9 naming --depth", async () => {
    const { out } = await runCli(["diff", "--from", RELEASE, "--actor", `${P}a1`, "--format", "json"]);
    expect(JSON.parse(out)).toMatchObject({ scope: `1 hop of co-construction around actor ${P}a1`, addedCount: 2, removedCount: 2, changedCount: 2 });
    await expect(runCli(["diff", "--from", RELEASE, "--actor", `${P}a1`, "--depth", "9"])).rejects.toThrow("must be 1, 2 or 3 co-construction hops, got 9");
  });
});
