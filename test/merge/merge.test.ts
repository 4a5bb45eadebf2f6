import { importRows } from "../../src/import/importer";
import { documentRows } from "../../src/import/read-json";
import { sirenFrom } from "../../src/generate/names";
import { deleteByPrefix, useGraphQLClient } from "../support/database";

// mergeActors on known actors (prefix mg-): what moves, the alias, a replay, the errors.
const P = "mg-";
afterAll(async () => {
  await deleteByPrefix(db.connection, P);
  await db.connection.executor.write((tx) => tx.run(`MATCH (n:ActorAlias) WHERE n.id STARTS WITH $p DETACH DELETE n`, { p: P }));
});
const db = useGraphQLClient();
const SIREN = sirenFrom("73282932");
const s = (n: number) => `${P}s${n}`;

const MERGE = `mutation ($keep: ID!, $remove: ID!) { mergeActors(keep: $keep, remove: $remove) {
  actor { id name website siren } removedId membershipsMoved membershipsMerged
  relationships { relationship moved shared } filled conflicts { field kept removed } } }`;

/** Every mg- node (and alias) with its properties, and every relationship between them: what a merge may change. */
async function snapshot() {
  return db.connection.executor.read(
    `MATCH (n) WHERE n.id STARTS WITH $p
     RETURN n.id AS id, labels(n) AS labels, properties(n) AS props,
       COLLECT { MATCH (n)-[r]->(o) RETURN type(r) + ' ' + coalesce(o.id, toString(o.number)) AS rel ORDER BY rel } AS rels ORDER BY id`,
    { p: P },
  );
}

/** Counts of what hangs on actor `id`, by an independent query. */
async function around(id: string) {
  const [row] = await db.connection.executor.read(
    `MATCH (a:Actor {id: $id})
     RETURN COLLECT { MATCH (a)-[:HAS_MEMBERSHIP]->(m) RETURN m.id ORDER BY m.id } AS memberships,
       COLLECT { MATCH (a)-[:CITES]->(x) RETURN x.id ORDER BY x.id } AS sources,
       COLLECT { MATCH (a)<-[:ASSESSES]-(x) RETURN x.id ORDER BY x.id } AS assessments,
       COLLECT { MATCH (a)<-[:BENEFITS]-(x) RETURN x.id ORDER BY x.id } AS benefits`,
    { id },
  );
  return row ?? null;
}

beforeAll(async () => {
  await deleteByPrefix(db.connection, P);
  const doc = {
    sources: [1, 2, 3].map((n) => ({ id: s(n), title: `Étude ${n}`, kind: "STUDY" })),
    actors: [
      { id: `${P}keep`, name: "Maison Commune Créteil", kind: "ASSOCIATION", basedIn: "94028", sourceIds: [s(1)] },
      { id: `${P}remove`, name: "Maison commune de Creteil", kind: "ASSOCIATION", basedIn: "94028", website: "https://maison.example.org", siren: SIREN, sourceIds: [s(1), s(2)] },
      { id: `${P}other`, name: "Autre", kind: "ASSOCIATION", sourceIds: [s(1)] },
    ],
    alliances: [1, 2, 3].map((n) => ({ id: `${P}al${n}`, name: `Alliance ${n}`, kind: "PHILANTHROPY", objectives: ["SOCIETAL_INNOVATION"], status: "ACTIVE", sourceIds: [s(1)] })),
    memberships: [
      { actorId: `${P}keep`, allianceId: `${P}al1`, role: "LEADER", sourceIds: [s(1)] },
      { actorId: `${P}remove`, allianceId: `${P}al1`, role: "PARTNER", startDate: "2021-01-01", sourceIds: [s(3)] },
      { actorId: `${P}remove`, allianceId: `${P}al2`, role: "PARTNER", sourceIds: [s(2)] },
    ],
    outcomes: [{ id: `${P}o1`, allianceId: `${P}al1`, kind: "RESULT", title: "Résultat", beneficiaryActorIds: [`${P}remove`], sourceIds: [s(1)] }],
    maturityAssessments: [{ id: `${P}ma1`, subjectType: "ACTOR", subjectId: `${P}remove`, level: "EXPERIMENTING", assessedOn: "2023-05-01", sourceIds: [s(2)] }],
  };
  const { rejected } = await importRows(db.connection.executor, documentRows("mg.json", doc));
  expect(rejected).toEqual([]);
});

const REPORT = {
  actor: { id: `${P}keep`, name: "Maison Commune Créteil", website: "https://maison.example.org", siren: SIREN },
  removedId: `${P}remove`,
  membershipsMoved: 1,
  membershipsMerged: 1,
  relationships: [
    { relationship: "<ASSESSES", moved: 1, shared: 0 },
    { relationship: "<BENEFITS", moved: 1, shared: 0 },
    { relationship: "BASED_IN>", moved: 0, shared: 1 },
    { relationship: "CITES>", moved: 1, shared: 1 },
  ],
  filled: ["website", "siren"],
  conflicts: [
    { field: "name", kept: "Maison Commune Créteil", removed: "Maison commune de Creteil" },
    { field: `memberships[${P}al1].role`, kept: "LEADER", removed: "PARTNER" },
  ],
};

describe("mergeActors", () => {
  it("moves every membership, source, assessment and benefit to the kept actor, fills its identifiers, and deletes the removed one", async () => {
    expect(await around(`${P}keep`)).toEqual({ memberships: [`${P}al1/${P}keep`], sources: [s(1)], assessments: [], benefits: [] });
    expect(await around(`${P}remove`)).toEqual({
      memberships: [`${P}al1/${P}remove`, `${P}al2/${P}remove`], sources: [s(1), s(2)], assessments: [`${P}ma1`], benefits: [`${P}o1`],
    });
    const { mergeActors } = await db.client.data(MERGE, { keep: `${P}keep`, remove: `${P}remove` });
    expect(mergeActors).toEqual(REPORT);
    expect(await around(`${P}remove`)).toBeNull();
    expect(await around(`${P}keep`)).toEqual({
      memberships: [`${P}al1/${P}keep`, `${P}al2/${P}keep`], sources: [s(1), s(2)], assessments: [`${P}ma1`], benefits: [`${P}o1`],
    });
    // The merged membership keeps its role, gains the start date and both sources.
    const [m] = await db.connection.executor.read(
      `MATCH (m:Membership {id: $id}) RETURN m.role AS role, toString(m.startDate) AS start, COLLECT { MATCH (m)-[:CITES]->(x) RETURN x.id ORDER BY x.id } AS sources`,
      { id: `${P}al1/${P}keep` },
    );
    expect(m).toEqual({ role: "LEADER", start: "2021-01-01", sources: [s(1), s(3)] });
  });

  it("resolves the removed id: actor(id) answers the kept actor", async () => {
    const { actor } = await db.client.data(`{ actor(id: "${P}remove") { id name } }`);
    expect(actor).toEqual({ id: `${P}keep`, name: "Maison Commune Créteil" });
  });

  it("resolves the removed id below a neighbourhood read ahead: the kept actor's co-constructors, and its own round trips only for it", async () => {
    const W1 = `query ($id: ID!) { actor(id: $id) { id coConstructors(first: 10) { edges { node { actor { id } sharedAlliances { id outcomes(first: 5) { edges { node { id } } } } } } } } }`;
    await db.client.data(`mutation { addMembership(input: { actorId: "${P}other", allianceId: "${P}al1", role: PARTNER, sourceIds: ["${s(1)}"] }) { id } }`);
    const byRemoved = await db.client.run(W1, { id: `${P}remove` });
    const byKept = await db.client.run(W1, { id: `${P}keep` });
    expect(byRemoved.errors).toBeUndefined();
    expect(byRemoved.data).toEqual(byKept.data);
    const other = { actor: { id: `${P}other` }, sharedAlliances: [{ id: `${P}al1`, outcomes: { edges: [{ node: { id: `${P}o1` } }] } }] };
    expect(byKept.data.actor).toEqual({ id: `${P}keep`, coConstructors: { edges: [{ node: other }] } });
    // Kept: the one statement read ahead. Removed: that statement finds no actor and names the kept one, then the
    // loaders run: actor by id, its alias, the kept actor, its co-constructors, their shared alliances' outcomes.
    expect({ byKept: byKept.roundTrips, byRemoved: byRemoved.roundTrips }).toEqual({ byKept: 1, byRemoved: 6 });
  });

  it("resolves the removed id in a mutation's reference", async () => {
    const { addMembership } = await db.client.data(
      `mutation { addMembership(input: { actorId: "${P}remove", allianceId: "${P}al3", role: FUNDER, sourceIds: ["${s(1)}"] }) { id actor { id } } }`,
    );
    expect(addMembership).toEqual({ id: `${P}al3/${P}keep`, actor: { id: `${P}keep` } });
    expect((await around(`${P}keep`)).memberships).toEqual([`${P}al1/${P}keep`, `${P}al2/${P}keep`, `${P}al3/${P}keep`]);
  });

  it("replayed, answers the same and writes nothing", async () => {
    let commits = 0;
    db.connection.executor.onCommit(() => commits++);
    const before = await snapshot();
    const { mergeActors } = await db.client.data(MERGE, { keep: `${P}keep`, remove: `${P}remove` });
    expect(mergeActors).toEqual(REPORT);
    expect(await snapshot()).toEqual(before);
    expect(commits).toBe(0);
  });

  it("resolves the removed id in updateActor, and refuses it as a new actor's id", async () => {
    const { updateActor } = await db.client.data(`mutation { updateActor(id: "${P}remove", input: { description: "Fusionnée" }) { id description } }`);
    expect(updateActor).toEqual({ id: `${P}keep`, description: "Fusionnée" });
    const { errors } = await db.client.run(`mutation { createActor(input: { id: "${P}remove", name: "Revenant", kind: ASSOCIATION }) { id } }`);
    expect(errors?.map((e) => [e.extensions.code, e.message])).toEqual([
      ["BAD_USER_INPUT", `input.id: "${P}remove" is the id of an actor merged into "${P}keep"; write to "${P}keep" or choose another id`],
    ]);
  });

  it("writes nothing when a step fails (the whole merge rolls back)", async () => {
    // An alias node already holding the removed id (which no merge makes) fails the merge's last step.
    await db.client.data(`mutation { a: createActor(input: { id: "${P}x", name: "X", kind: COMPANY, sourceIds: ["${s(1)}"] }) { id }
      b: createActor(input: { id: "${P}y", name: "Y", kind: COMPANY, website: "https://y.example.org", sourceIds: ["${s(2)}"] }) { id } }`);
    await db.connection.executor.write((tx) => tx.run(`CREATE (:ActorAlias {id: $id})`, { id: `${P}y` }));
    const before = await snapshot();
    const { errors } = await db.client.run(MERGE, { keep: `${P}x`, remove: `${P}y` });
    expect(errors).toHaveLength(1);
    expect(await snapshot()).toEqual(before);
    await db.connection.executor.write((tx) => tx.run(`MATCH (n:ActorAlias {id: $id}) WHERE NOT (n)--() DELETE n`, { id: `${P}y` }));
  });

  it.each([
    ["an actor into itself", `${P}keep`, `${P}keep`, "remove", `remove: "${P}keep" is the kept actor itself; give two different actors`],
    ["an unknown actor", `${P}keep`, `${P}nope`, "remove", `remove: no actor has the id "${P}nope"`],
    ["two unknown ids", `${P}nope1`, `${P}nope2`, "keep", `keep: no actor has the id "${P}nope1"`],
    ["into an alias", `${P}remove`, `${P}other`, "keep", `keep: "${P}remove" is the id of an actor merged into "${P}keep": keep "${P}keep"`],
    ["an alias of another actor", `${P}other`, `${P}remove`, "remove", `remove: "${P}remove" was already merged into "${P}keep"`],
  ])("refuses to merge %s, naming the field", async (_, keep, remove, field, message) => {
    const before = await snapshot();
    const { errors } = await db.client.run(MERGE, { keep, remove });
    expect(errors?.map((e) => [e.extensions.code, e.extensions.field, e.message])).toEqual([["BAD_USER_INPUT", field, message]]);
    expect(await snapshot()).toEqual(before);
  });

  it("deleteActor by the removed id deletes nothing and names the kept actor", async () => {
    const before = await snapshot();
    const { errors } = await db.client.run(`mutation { deleteActor(id: "${P}remove") }`);
    expect(errors?.map((e) => [e.extensions.code, e.extensions.mergedInto, e.message])).toEqual([
      ["NOT_FOUND", `${P}keep`, `Actor "${P}remove" does not exist: it was merged into "${P}keep"; use that id`],
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it("path and sharedPartners take current ids: an old one is NOT_FOUND naming the actor it became", async () => {
    for (const query of [`{ path(from: "${P}remove", to: "${P}other") { length } }`, `{ sharedPartners(a: "${P}other", b: "${P}remove") { actor { id } } }`]) {
      const { errors } = await db.client.run(query);
      expect(errors?.map((e) => [e.extensions.code, e.extensions.mergedInto, e.message])).toEqual([
        ["NOT_FOUND", `${P}keep`, `Actor "${P}remove" does not exist: it was merged into "${P}keep"; use that id`],
      ]);
    }
    const { errors } = await db.client.run(`{ path(from: "${P}nobody", to: "${P}other") { length } }`);
    expect(errors?.map((e) => [e.extensions.code, e.extensions.mergedInto, e.message])).toEqual([["NOT_FOUND", undefined, `Actor "${P}nobody" does not exist`]]);
  });

  it("deleteActor deletes the aliases with the kept actor", async () => {
    const aliases = async () =>
      (await db.connection.executor.read(`MATCH (n:ActorAlias) WHERE n.id STARTS WITH $p RETURN collect(n.id) AS ids`, { p: P }))[0].ids;
    expect(await aliases()).toEqual([`${P}remove`]);
    expect(await db.client.data(`mutation { deleteActor(id: "${P}keep") }`)).toEqual({ deleteActor: true });
    expect(await aliases()).toEqual([]);
    expect((await db.client.data(`{ actor(id: "${P}remove") { id } }`)).actor).toBeNull();
  });
});
