import { WHOLE_GRAPH } from "../../src/export/export.scope";
import { compareRows, DiffItem } from "../../src/history/diff";
import { DiffScope, scopeRows } from "../../src/history/diff.scope";
import { diffText } from "../../src/history/diff.text";
import { deleteByPrefix, useGraphQLClient } from "../support/database";
import { expectedInTerritory, loadDiffGraph, writeChanges } from "./diff.fixture";

// The diff's comparison (prefix hr-d-): the scope's export rows read before and after known writes
// (create, update, delete, merge), compared by id; and the diff query's bad inputs.
const P = "hr-d-";
afterAll(async () => {
  await db.connection.executor.write((tx) => tx.run(`MATCH (n:ActorAlias) WHERE n.id STARTS WITH $p DETACH DELETE n`, { p: P }));
  await deleteByPrefix(db.connection, P);
});
const db = useGraphQLClient();

const TERRITORY: DiffScope = { kind: "export", scope: { ...WHOLE_GRAPH, territoryId: "DEPARTEMENT:94", idPrefix: P } };
const LYON: DiffScope = { kind: "export", scope: { ...WHOLE_GRAPH, territoryId: "DEPARTEMENT:69", idPrefix: P } };
const AROUND_A1: DiffScope = { kind: "neighbourhood", actorId: `${P}a1`, depth: 1, field: "scope.actor" };
const scopes = [TERRITORY, LYON, AROUND_A1];

const ids = (items: DiffItem[]) => items.map((item) => [item.entity, item.id]);
let before: Awaited<ReturnType<typeof scopeRows>>[];
let after: Awaited<ReturnType<typeof scopeRows>>[];

beforeAll(async () => {
  await deleteByPrefix(db.connection, P);
  await loadDiffGraph(db.connection, P);
  before = await Promise.all(scopes.map((scope) => scopeRows(db.connection.executor, scope)));
  await writeChanges(db.client, P);
  after = await Promise.all(scopes.map((scope) => scopeRows(db.connection.executor, scope)));
});

describe("compareRows", () => {
  it("lists exactly the entities a create, an update, a delete and a merge changed in a territory", () => {
    const diff = compareRows(before[0], after[0], 100);
    const expected = expectedInTerritory(P);
    expect(ids(diff.added)).toEqual(expected.added);
    expect(ids(diff.removed)).toEqual(expected.removed);
    expect(diff.changed.map((item) => [item.entity, item.id, item.fields.map((f) => f.field)])).toEqual(expected.changed);
    expect([diff.addedCount, diff.removedCount, diff.changedCount, diff.truncated]).toEqual([3, 4, 2, false]);
  });

  it("gives the before and after values of each changed field, and whole rows for added and removed entities", () => {
    const diff = compareRows(before[0], after[0], 100);
    expect(diff.changed[0].fields).toEqual([{ field: "name", before: "Atelier Un", after: "Atelier Un (renommé)" }]);
    expect(diff.changed[1].fields).toEqual([{ field: "website", before: null, after: "https://maison.example.org" }]);
    expect(diff.added[0]).toMatchObject({ before: null, after: { id: `${P}a4`, name: "Atelier Quatre", kind: "COMPANY", basedIn: "COMMUNE:94028" } });
    expect(diff.removed[3]).toMatchObject({ before: { actorId: `${P}remove`, allianceId: `${P}al94b`, role: "PARTNER" }, after: null });
  });

  it("leaves out changes outside the scope: Lyon sees only a3's new name", () => {
    const diff = compareRows(before[1], after[1], 100);
    expect([diff.added, diff.removed]).toEqual([[], []]);
    expect(diff.changed.map((item) => [item.id, item.fields])).toEqual([[`${P}a3`, [{ field: "name", before: "Atelier Trois", after: "Atelier Trois (Lyon)" }]]]);
  });

  it("compares an actor's neighbourhood: a1's co-constructors in al94, their memberships", () => {
    expect([...before[2].rows.keys()]).toEqual([
      `actors|${P}a1`, `actors|${P}a2`, `actors|${P}keep`,
      `alliances|${P}al94`,
      `memberships|${P}al94/${P}a1`, `memberships|${P}al94/${P}a2`, `memberships|${P}al94/${P}keep`,
    ]);
    const diff = compareRows(before[2], after[2], 100);
    expect(ids(diff.added)).toEqual([["Actor", `${P}a4`], ["Membership", `${P}al94/${P}a4`]]);
    expect(ids(diff.removed)).toEqual([["Actor", `${P}a2`], ["Membership", `${P}al94/${P}a2`]]);
    expect(diff.changed.map((item) => [item.id, item.fields.map((f) => f.field)])).toEqual([[`${P}a1`, ["name"]], [`${P}keep`, ["website"]]]);
  });

  it("cuts each list at `first` and says so, with whole counts", () => {
    const diff = compareRows(before[0], after[0], 1);
    expect([diff.added.length, diff.removed.length, diff.changed.length]).toEqual([1, 1, 1]);
    expect([diff.addedCount, diff.removedCount, diff.changedCount, diff.truncated]).toEqual([3, 4, 2, true]);
  });

  it("reads as text: counts first, then one line per change", () => {
    const diff = compareRows(before[1], after[1], 100);
    const text = diffText({ ...diff, from: { seq: 3, at: "2026-01-01T00:00:00Z", release: "r1" }, to: { seq: 9, at: "2026-02-01T00:00:00Z" } }, "territory DEPARTEMENT:69");
    expect(text.split("\n")).toEqual([
      "Diff of territory DEPARTEMENT:69",
      "  from release r1 (seq 3, recorded 2026-01-01T00:00:00Z)",
      "  to   (seq 9, recorded 2026-02-01T00:00:00Z)",
      "0 added, 0 removed, 1 changed",
      `~ Actor ${P}a3  name: "Atelier Trois" → "Atelier Trois (Lyon)"`,
    ]);
  });
});

describe("diff: bad inputs", () => {
  const DIFF = `query ($from: PointInput!, $to: PointInput, $scope: DiffScopeInput) { diff(from: $from, to: $to, scope: $scope) { addedCount } }`;
  const commits = async (work: () => Promise<unknown>) => {
    let count = 0;
    db.connection.executor.onCommit(() => count++);
    await work();
    return count;
  };

  it.each([
    ["an unknown release", { from: { release: "hr-no-such-release" } }, "from.release", /no release is named "hr-no-such-release"/],
    ["both a release and an instant", { from: { release: "x", asRecordedOn: "2026-01-01T00:00:00Z" } }, "from.release", /not both/],
    ["neither", { from: {} }, "from", /give a release or asRecordedOn/],
    ["depth 9", { from: { asRecordedOn: new Date().toISOString() }, scope: { actor: `${P}a1`, depth: 9 } }, "scope.depth", /must not be greater than 3/],
    ["depth without an actor", { from: { asRecordedOn: new Date().toISOString() }, scope: { depth: 2 } }, "scope.depth", /give actor too/],
    ["an actor and a territory", { from: { asRecordedOn: new Date().toISOString() }, scope: { actor: `${P}a1`, territory: "DEPARTEMENT:94" } }, "scope.actor", /not both/],
    ["an unknown territory", { from: { asRecordedOn: new Date().toISOString() }, scope: { territory: "DEPARTEMENT:999" } }, "scope.territory", /DEPARTEMENT:999/],
  ])("refuses %s: BAD_USER_INPUT naming the field, and writes nothing", async (_what, variables, field, message) => {
    let errors: any[] | undefined;
    expect(await commits(async () => ({ errors } = await db.client.run(DIFF, variables)))).toBe(0);
    expect(errors).toHaveLength(1);
    expect(errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
    expect(errors![0].message).toMatch(message);
  });

  it("refuses an actor that exists at neither point, naming scope.actor", async () => {
    const { errors } = await db.client.run(DIFF, { from: { asRecordedOn: new Date().toISOString() }, scope: { actor: `${P}nobody` } });
    expect(errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "scope.actor" });
    expect(errors![0].message).toMatch(`no actor has id "${P}nobody" at either point`);
  });
});
