import { importRows } from "../../src/import/importer";
import { documentRows } from "../../src/import/read-json";
import { GraphQLClient } from "../support/database";
import { Connection } from "../../src/neo4j/connect";

/**
 * A small known graph for diffs, under `P` (e.g. "hr-d-"): in Créteil (94028) alliances al94
 * (a1, a2, keep) and al94b (remove); in Lyon (69123) al69 (a3). Then `writeChanges` makes, through
 * the real write paths: a created actor a4 joining al94, a1 renamed, a2 deleted, `remove` merged
 * into `keep` (its al94b membership re-keyed), and, outside DEPARTEMENT:94, a3 renamed.
 */
export async function loadDiffGraph(connection: Connection, P: string): Promise<void> {
  const s = [`${P}s1`];
  const doc = {
    sources: [{ id: `${P}s1`, title: "Annuaire", kind: "STUDY" }],
    actors: [
      { id: `${P}a1`, name: "Atelier Un", kind: "ASSOCIATION", basedIn: "94028", sourceIds: s },
      { id: `${P}a2`, name: "Atelier Deux", kind: "ASSOCIATION", basedIn: "94028", sourceIds: s },
      { id: `${P}a3`, name: "Atelier Trois", kind: "ASSOCIATION", basedIn: "69123", sourceIds: s },
      { id: `${P}keep`, name: "Maison Commune", kind: "ASSOCIATION", basedIn: "94028", sourceIds: s },
      { id: `${P}remove`, name: "Maison commune (doublon)", kind: "ASSOCIATION", basedIn: "94028", website: "https://maison.example.org", sourceIds: s },
    ],
    alliances: [
      { id: `${P}al94`, name: "Alliance Créteil", kind: "PHILANTHROPY", objectives: ["SOCIETAL_INNOVATION"], territories: ["94028"], sourceIds: s },
      { id: `${P}al94b`, name: "Alliance Créteil bis", kind: "PHILANTHROPY", objectives: ["SOCIETAL_INNOVATION"], territories: ["94028"], sourceIds: s },
      { id: `${P}al69`, name: "Alliance Lyon", kind: "PHILANTHROPY", objectives: ["SOCIETAL_INNOVATION"], territories: ["69123"], sourceIds: s },
    ],
    memberships: [
      { actorId: `${P}a1`, allianceId: `${P}al94`, role: "LEADER", sourceIds: s },
      { actorId: `${P}a2`, allianceId: `${P}al94`, role: "PARTNER", sourceIds: s },
      { actorId: `${P}keep`, allianceId: `${P}al94`, role: "PARTNER", sourceIds: s },
      { actorId: `${P}remove`, allianceId: `${P}al94b`, role: "PARTNER", sourceIds: s },
      { actorId: `${P}a3`, allianceId: `${P}al69`, role: "LEADER", sourceIds: s },
    ],
  };
  const { rejected } = await importRows(connection.executor, documentRows("hr-diff.json", doc));
  if (rejected.length > 0) throw new Error(`the diff graph was refused: ${JSON.stringify(rejected)}`);
}

export async function writeChanges(client: GraphQLClient, P: string): Promise<void> {
  await client.data(`mutation { createActor(input: { id: "${P}a4", name: "Atelier Quatre", kind: COMPANY, basedIn: "94028", sourceIds: ["${P}s1"] }) { id } }`);
  await client.data(`mutation { addMembership(input: { actorId: "${P}a4", allianceId: "${P}al94", role: PARTNER, sourceIds: ["${P}s1"] }) { id } }`);
  await client.data(`mutation { updateActor(id: "${P}a1", input: { name: "Atelier Un (renommé)" }) { id } }`);
  await client.data(`mutation { deleteActor(id: "${P}a2") }`);
  await client.data(`mutation { mergeActors(keep: "${P}keep", remove: "${P}remove") { removedId } }`);
  await client.data(`mutation { updateActor(id: "${P}a3", input: { name: "Atelier Trois (Lyon)" }) { id } }`);
}

/** What a diff of DEPARTEMENT:94 (ids under P) lists between before and after writeChanges: [entity, id, fields]. */
export const expectedInTerritory = (P: string) => ({
  added: [["Actor", `${P}a4`], ["Membership", `${P}al94/${P}a4`], ["Membership", `${P}al94b/${P}keep`]],
  removed: [["Actor", `${P}a2`], ["Actor", `${P}remove`], ["Membership", `${P}al94/${P}a2`], ["Membership", `${P}al94b/${P}remove`]],
  changed: [["Actor", `${P}a1`, ["name"]], ["Actor", `${P}keep`, ["website"]]],
});
