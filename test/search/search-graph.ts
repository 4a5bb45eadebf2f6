import { GraphDocument } from "../../src/seed/document";

/**
 * Names and descriptions whose search answers are obvious by hand. Ids start with `prefix`.
 *
 *   "wombat": the actor named Wombat (short name) > the alliance "Alliance Wombat Solidaire"
 *             > Koala Conseil (only its description mentions a wombat); the outcome "Guide du
 *             wombat" is in another index, so only its presence is certain
 *   "tatou":  three actors and an alliance all named exactly "Tatou": equal scores, so the
 *             order is kind (actors first) then id
 *   "collectivite": "Collectivité Ornithorynque"; "creteil": "Mairie de Créteil" (and the commune)
 */
export function searchGraph(prefix: string): GraphDocument {
  const id = (name: string) => `${prefix}${name}`;
  const source = [id("src")];
  return {
    sources: [{ id: id("src"), title: "Étude de recherche", publisher: "Observatoire", date: "2022-01-01", kind: "STUDY" }],
    actors: [
      { id: id("wombat"), name: "Wombat", kind: "ASSOCIATION", basedIn: "94028" },
      { id: id("koala"), name: "Koala Conseil", kind: "COMPANY", description: "Partenaire historique du wombat dans le Val-de-Marne" },
      { id: id("ornithorynque"), name: "Collectivité Ornithorynque", kind: "LOCAL_AUTHORITY" },
      { id: id("mairie"), name: "Mairie de Créteil", kind: "LOCAL_AUTHORITY", basedIn: "94028" },
      { id: id("tatou-b"), name: "Tatou", kind: "FOUNDATION" },
      { id: id("tatou-a"), name: "Tatou", kind: "FOUNDATION" },
      { id: id("tatou-c"), name: "Tatou", kind: "MEDIA" },
    ],
    alliances: [
      {
        id: id("wombat-alliance"), name: "Alliance Wombat Solidaire", kind: "PHILANTHROPY", objectives: ["SOCIETAL_INNOVATION"],
        status: "ACTIVE", startDate: "2021-01-01", territories: ["94028"], sdgs: [17], sourceIds: source,
      },
      { id: id("tatou-alliance"), name: "Tatou", kind: "ECONOMIC_COOPERATION", objectives: ["HYBRID_ECONOMIC_MODEL"], status: "PROPOSED", sourceIds: source },
    ],
    memberships: [
      { actorId: id("wombat"), allianceId: id("wombat-alliance"), role: "LEADER", startDate: "2021-01-01", sourceIds: source },
      { actorId: id("koala"), allianceId: id("wombat-alliance"), role: "PARTNER", startDate: "2021-01-01", sourceIds: source },
    ],
    outcomes: [
      {
        id: id("wombat-guide"), allianceId: id("wombat-alliance"), kind: "PRACTICE", title: "Guide du wombat",
        indicator: { value: 12, unit: "ateliers", measuredOn: "2022-06-30" }, sdgs: [17], sourceIds: source,
      },
    ],
  };
}
