import { importRows } from "../../src/import/importer";
import { documentRows } from "../../src/import/read-json";
import { Role } from "../../src/auth/viewer";
import { createContext } from "../../src/graphql/context";
import { deleteByPrefix, useGraphQLClient } from "../support/database";

// The change log on known data (prefix hl-): one Change per entity a committed write changed, none for a failed or idle one.
const P = "hl-";

/** Every logged change of an hl- entity, oldest first, as plain rows. */
async function logged() {
  return db.connection.executor.read(
    `MATCH (c:Change) WHERE c.entityId STARTS WITH $p
     RETURN c.seq AS seq, c.n AS n, c.at.epochMillis AS at, c.who AS who, c.whoSha256 AS whoSha256, c.how AS how, c.op AS op,
       c.entity AS entity, c.entityId AS entityId, c.fields AS fields, c.before AS before, c.after AS after
     ORDER BY seq, n`,
    { p: P },
  );
}
const brief = (rows: any[]) => rows.map((c) => `${c.how} ${c.op} ${c.entity} ${c.entityId} [${c.fields.join(",")}]`);

const CREATE = `mutation ($input: ActorInput!) { createActor(input: $input) { id } }`;
const UPDATE = `mutation ($id: ID!, $input: ActorPatch!) { updateActor(id: $id, input: $input) { id name } }`;

const clean = async () => {
  await deleteByPrefix(db.connection, P);
  await db.connection.executor.write((tx) => tx.run(`MATCH (n:ActorAlias) WHERE n.id STARTS WITH $p DETACH DELETE n`, { p: P }));
};
afterAll(clean); // registered before the client's, so it runs while the connection is open
const db = useGraphQLClient();
beforeAll(clean);

describe("the change log", () => {
  const steps: any[][] = [];
  const mark = async () => steps.push(await logged());

  it("logs a created actor with who, how and its row after", async () => {
    await db.client.data(CREATE, { input: { id: `${P}a`, name: "Ville de Créteil", kind: "LOCAL_AUTHORITY", basedIn: "94028" } });
    await mark();
    const [created] = steps[0];
    expect(steps[0]).toHaveLength(1);
    expect(created).toMatchObject({ who: "script:test", whoSha256: null, how: "MUTATION", op: "CREATED", entity: "Actor", entityId: `${P}a`, before: null });
    expect(JSON.parse(created.after)).toEqual({ id: `${P}a`, name: "Ville de Créteil", kind: "LOCAL_AUTHORITY", basedIn: "COMMUNE:94028" });
    expect(created.fields).toEqual(["basedIn", "id", "kind", "name"]);
  });

  it("logs an update with the fields before and after, and nothing for an update that changes nothing or fails", async () => {
    await db.client.data(UPDATE, { id: `${P}a`, input: { name: "Mairie de Créteil" } });
    await db.client.data(UPDATE, { id: `${P}a`, input: { name: "Mairie de Créteil" } }); // the same: no change
    const bad = await db.client.run(UPDATE, { id: `${P}a`, input: { siren: "123456789" } }); // Luhn fails
    expect(bad.errors?.[0].extensions.code).toBe("BAD_USER_INPUT");
    await mark();
    expect(brief(steps[1])).toEqual([`MUTATION CREATED Actor ${P}a [basedIn,id,kind,name]`, `MUTATION UPDATED Actor ${P}a [name]`]);
    const update = steps[1][1];
    expect(JSON.parse(update.before).name).toBe("Ville de Créteil");
    expect(JSON.parse(update.after).name).toBe("Mairie de Créteil");
    expect(update.seq).toBeGreaterThan(steps[1][0].seq);
    expect(update.at).toBeGreaterThanOrEqual(steps[1][0].at);
  });

  it("logs an import with its file and checksum, one change per row it wrote, all in the batch's seq", async () => {
    const doc = {
      sources: [{ id: `${P}s`, title: "Étude", kind: "STUDY" }],
      actors: [{ id: `${P}b`, name: "Association B", kind: "ASSOCIATION", sourceIds: [`${P}s`] }],
      alliances: [{ id: `${P}al`, name: "Alliance", kind: "PHILANTHROPY", objectives: ["SOCIETAL_INNOVATION"], status: "ACTIVE", sourceIds: [`${P}s`] }],
      memberships: [
        { actorId: `${P}a`, allianceId: `${P}al`, role: "LEADER", sourceIds: [`${P}s`] },
        { actorId: `${P}b`, allianceId: `${P}al`, role: "PARTNER", sourceIds: [`${P}s`] },
      ],
    };
    const importer = db.connection.executor.forRequest({ kind: "import", id: "hl.json", sha256: ["ab".repeat(32)] });
    await importRows(importer, documentRows("hl.json", doc));
    await importRows(importer, documentRows("hl.json", doc)); // again: every row unchanged, nothing logged
    await mark();
    const imported = steps[2].slice(2);
    expect(brief(imported)).toEqual([
      `IMPORT CREATED Source ${P}s [id,kind,title]`,
      `IMPORT CREATED Actor ${P}b [id,kind,name,sourceIds]`,
      `IMPORT CREATED Alliance ${P}al [id,kind,name,objectives,sdgs,sourceIds,status,territories]`,
      `IMPORT CREATED Membership ${P}al/${P}a [actorId,allianceId,role,sourceIds]`,
      `IMPORT CREATED Membership ${P}al/${P}b [actorId,allianceId,role,sourceIds]`,
    ]);
    expect(imported.every((c: any) => c.who === "import:hl.json" && c.whoSha256[0] === "ab".repeat(32))).toBe(true);
    expect(imported[3].seq).toBe(imported[4].seq); // one batch, one write
    expect([imported[3].n, imported[4].n]).toEqual([0, 1]);
  });

  it("logs a delete with everything it takes along, in one write", async () => {
    await db.client.data(`mutation { deleteAlliance(id: "${P}al") }`);
    await mark();
    const deleted = steps[3].slice(steps[2].length);
    expect(brief(deleted)).toEqual([
      `DELETE DELETED Alliance ${P}al [id,kind,name,objectives,sdgs,sourceIds,status,territories]`,
      `DELETE DELETED Membership ${P}al/${P}a [actorId,allianceId,role,sourceIds]`,
      `DELETE DELETED Membership ${P}al/${P}b [actorId,allianceId,role,sourceIds]`,
    ]);
    expect(new Set(deleted.map((c: any) => c.seq)).size).toBe(1);
    expect(deleted.every((c: any) => c.after === null && c.before !== null)).toBe(true);
  });

  it("logs a merge: the removed actor deleted, the kept one changed", async () => {
    await db.client.data(`mutation { mergeActors(keep: "${P}a", remove: "${P}b") { removedId } }`);
    await mark();
    const merged = steps[4].slice(steps[3].length);
    expect(brief(merged)).toEqual([`MERGE UPDATED Actor ${P}a [sourceIds]`, `MERGE DELETED Actor ${P}b [id,kind,name,sourceIds]`]);
    expect(JSON.parse(merged[0].after).sourceIds).toEqual([`${P}s`]);
  });

  it("answers `changes` to admins with filters and paging, and each entity's `history`", async () => {
    const all = await db.client.data(`{ changes(first: 3, entityId: "${P}a") { totalCount pageInfo { hasNextPage } edges { node { seq op how who fields before after } } } }`);
    expect(all.changes.totalCount).toBe(3);
    expect(all.changes.edges.map((e: any) => `${e.node.how} ${e.node.op}`)).toEqual(["MERGE UPDATED", "MUTATION UPDATED", "MUTATION CREATED"]);
    expect(all.changes.edges[1].node.before.name).toBe("Ville de Créteil");
    const deletes = await db.client.data(`{ changes(first: 10, how: DELETE, entity: MEMBERSHIP) { edges { node { entityId } } } }`);
    expect(deletes.changes.edges.map((e: any) => e.node.entityId).filter((id: string) => id.startsWith(P)).sort()).toEqual([`${P}al/${P}a`, `${P}al/${P}b`]);
    const since = new Date(steps[3][steps[3].length - 1].at).toISOString();
    const recent = await db.client.data(`{ changes(first: 50, since: "${since}") { edges { node { entityId op } } } }`);
    expect(recent.changes.edges.map((e: any) => `${e.node.op} ${e.node.entityId}`).filter((s: string) => s.includes(P))).toEqual(
      expect.arrayContaining([`UPDATED ${P}a`, `DELETED ${P}b`]),
    );
    const history = await db.client.data(`{ actor(id: "${P}a") { history(first: 1) { totalCount pageInfo { hasNextPage endCursor } edges { node { op fields } } } } }`);
    expect(history.actor.history).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true }, edges: [{ node: { op: "UPDATED", fields: ["sourceIds"] } }] });
    const next = await db.client.data(`{ actor(id: "${P}a") { history(first: 5, after: "${history.actor.history.pageInfo.endCursor}") { edges { node { op } } } } }`);
    expect(next.actor.history.edges.map((e: any) => e.node.op)).toEqual(["UPDATED", "CREATED"]);
  });

  it("keeps who made a change from anyone but admins", async () => {
    const { createApollo } = await import("../../src/server");
    const { createSchema } = await import("../../src/graphql/schema");
    const apollo = createApollo(await createSchema());
    await apollo.start();
    try {
      const ask = async (query: string) => {
        const contextValue = createContext(db.connection.executor, { viewer: { role: Role.READER, subject: "r", caller: { kind: "api-key", id: "r" } } as any });
        const response = await apollo.executeOperation({ query }, { contextValue });
        return (response.body as any).singleResult;
      };
      const open = await ask(`{ actor(id: "${P}a") { history(first: 1) { edges { node { op } } } } }`);
      expect(open.errors).toBeUndefined();
      const who = await ask(`{ actor(id: "${P}a") { history(first: 1) { edges { node { who } } } } }`);
      expect(who.errors[0].extensions.code).toBe("FORBIDDEN");
      const log = await ask(`{ changes(first: 1) { totalCount } }`);
      expect(log.errors[0].extensions.code).toBe("FORBIDDEN");
    } finally {
      await apollo.stop();
    }
  });
});
