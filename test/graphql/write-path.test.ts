import { Connection } from "../../src/neo4j/connect";
import { importRows } from "../../src/import/importer";
import { documentRows } from "../../src/import/read-json";
import { loadDocument } from "../../src/seed/document";
import { deleteByPrefix, GraphQLClient, openTestDatabase } from "../support/database";
import { knownGraph } from "../support/known-graph";

// Mutations, imports and the seed share one writer (the importer's batched upsert): same semantics.
const P = "wp-";
const doc = knownGraph(P);
let connection: Connection;
let client: GraphQLClient;

beforeAll(async () => {
  connection = await openTestDatabase();
  client = await GraphQLClient.create(connection);
});

beforeEach(async () => {
  await deleteByPrefix(connection, P);
  await loadDocument(connection.executor, doc);
});

afterAll(async () => {
  await deleteByPrefix(connection, P);
  await client.stop();
  await connection.close();
});

async function updatedAt(id: string): Promise<string> {
  const [row] = await connection.executor.read(`MATCH (n {id: $id}) RETURN toString(n.updatedAt) AS at`, { id });
  return row.at;
}

/** The element ids of node `id`'s outgoing `rel` relationships, by the target's key. */
async function links(id: string, rel: string): Promise<Record<string, string>> {
  const rows = await connection.executor.read(
    `MATCH (n {id: $id})-[r]->(t) WHERE type(r) = $rel RETURN coalesce(t.id, toString(t.number)) AS key, elementId(r) AS element`,
    { id, rel },
  );
  return Object.fromEntries(rows.map((row) => [row.key, row.element]));
}

const actorRow = (id: string) => (doc.actors as { id: string }[]).find((actor) => actor.id === id)!;

describe("an update that changes nothing leaves updatedAt as it was", () => {
  it("through updateActor giving the stored values", async () => {
    const before = await updatedAt(`${P}beta`);
    const { updateActor } = await client.data(
      `mutation { updateActor(id: "${P}beta", input: { name: "Beta Entreprise", siren: "732829320", basedIn: "COMMUNE:94080" }) { name siren } }`,
    );
    expect(updateActor).toEqual({ name: "Beta Entreprise", siren: "732829320" });
    expect(await updatedAt(`${P}beta`)).toBe(before);
  });

  it("through createActor replaying the stored actor", async () => {
    const before = await updatedAt(`${P}beta`);
    await client.data(`mutation ($input: ActorInput!) { createActor(input: $input) { id } }`, { input: actorRow(`${P}beta`) });
    expect(await updatedAt(`${P}beta`)).toBe(before);
  });

  it("through an import of the same row", async () => {
    const before = await updatedAt(`${P}beta`);
    const result = await importRows(connection.executor, documentRows("again.json", { actors: [actorRow(`${P}beta`)] }));
    expect(result.imported.actors).toEqual({ created: 0, updated: 0, unchanged: 1 });
    expect(await updatedAt(`${P}beta`)).toBe(before);
  });

  it("but moves when a field changes", async () => {
    const before = await updatedAt(`${P}beta`);
    await client.data(`mutation { updateActor(id: "${P}beta", input: { description: "Autre" }) { id } }`);
    expect(await updatedAt(`${P}beta`) > before).toBe(true);
  });
});

describe("a mutation syncs links as an import does", () => {
  it("keeps the relationships of the SDGs that stay when one is removed", async () => {
    const before = await links(`${P}xylo`, "CONTRIBUTES_TO");
    expect(Object.keys(before).sort()).toEqual(["11", "17"]);
    const { updateAlliance } = await client.data(`mutation { updateAlliance(id: "${P}xylo", input: { sdgs: [17] }) { sdgs { number } } }`);
    expect(updateAlliance.sdgs).toEqual([{ number: 17 }]);
    expect(await links(`${P}xylo`, "CONTRIBUTES_TO")).toEqual({ 17: before["17"] });
  });

  it("keeps the citation a patch does not touch", async () => {
    const before = await links(`${P}xylo/${P}alpha`, "CITES");
    await client.data(`mutation { updateMembership(id: "${P}xylo/${P}alpha", input: { role: FUNDER }) { role } }`);
    expect(await links(`${P}xylo/${P}alpha`, "CITES")).toEqual(before);
  });

  it("keeps an actor's base when only its name changes", async () => {
    const before = await links(`${P}alpha`, "BASED_IN");
    await client.data(`mutation { updateActor(id: "${P}alpha", input: { name: "Alpha renommée" }) { id } }`);
    expect(await links(`${P}alpha`, "BASED_IN")).toEqual(before);
  });
});
