import { GraphDocument } from "../../src/seed/document";

/**
 * A small graph whose answers are obvious by hand. Ids start with `prefix` so each test
 * file owns its data.
 *
 *   Xylo (acts in DEPARTEMENT:94, SDG 11 + 17): Alpha LEADER, Beta PARTNER, Gamma FUNDER; outcomes ox1, ox2
 *   Yak  (acts in COMMUNE:94028 Créteil, SDG 4): Alpha LEADER, Beta PARTNER; outcome oy1
 *   Zeta (acts in REGION:84 Auvergne-Rhône-Alpes): Gamma PARTNER, Delta LEADER
 *   Wolf (no territory): Epsilon alone
 *
 *   Alpha: Créteil (94028)  Beta: Vincennes (94080)  Gamma: Paris (75056)  Delta: Lyon (69123)
 *
 * So: Alpha co-constructs with Beta (Xylo, Yak) then Gamma (Xylo); Gamma with Alpha, Beta
 * and Delta (one alliance each); Epsilon with nobody.
 */
export function knownGraph(prefix: string): GraphDocument {
  const id = (name: string) => `${prefix}${name}`;
  const source = [id("src")];
  const member = (actor: string, alliance: string, role: string) => ({
    actorId: id(actor),
    allianceId: id(alliance),
    role,
    startDate: "2020-01-01",
    sourceIds: source,
  });
  return {
    sources: [{ id: id("src"), title: "Étude de test", publisher: "Observatoire des partenariats", date: "2021-06-01", url: "https://example.org/etude", kind: "STUDY" }],
    actors: [
      { id: id("alpha"), name: "Alpha Association", kind: "ASSOCIATION", basedIn: "94028", rna: "W941000001", sourceIds: source },
      { id: id("beta"), name: "Beta Entreprise", kind: "COMPANY", basedIn: "COMMUNE:94080", siren: "732829320", sourceIds: source },
      { id: id("gamma"), name: "Gamma Collectivité", kind: "LOCAL_AUTHORITY", basedIn: "COMMUNE:75056" },
      { id: id("delta"), name: "Delta Fondation", kind: "FOUNDATION", basedIn: "69123" },
      { id: id("epsilon"), name: "Epsilon Laboratoire", kind: "ACADEMIC" },
    ],
    alliances: [
      {
        id: id("xylo"), name: "Xylo alliance", kind: "TERRITORIAL_CO_CONSTRUCTION", objectives: ["LOCAL_CO_CONSTRUCTION"],
        status: "ACTIVE", startDate: "2020-01-01", territories: ["DEPARTEMENT:94"], sdgs: [11, 17], sourceIds: source,
      },
      {
        id: id("yak"), name: "Yak alliance", kind: "PHILANTHROPY", objectives: ["PERFORMANCE_AND_ENGAGEMENT", "SOCIETAL_INNOVATION"],
        status: "ENDED", startDate: "2019-05-01", endDate: "2021-12-31", territories: ["94028"], sdgs: [4], sourceIds: source,
      },
      {
        id: id("zeta"), name: "Zeta alliance", kind: "RESEARCH_PARTNERSHIP", objectives: ["SOCIETAL_INNOVATION"],
        status: "ACTIVE", territories: ["REGION:84"], sdgs: [17], sourceIds: source,
      },
      { id: id("wolf"), name: "Wolf alliance", kind: "ECONOMIC_COOPERATION", objectives: ["HYBRID_ECONOMIC_MODEL"], status: "PROPOSED", sourceIds: source },
    ],
    memberships: [
      member("alpha", "xylo", "LEADER"),
      member("beta", "xylo", "PARTNER"),
      member("gamma", "xylo", "FUNDER"),
      member("alpha", "yak", "LEADER"),
      member("beta", "yak", "PARTNER"),
      member("gamma", "zeta", "PARTNER"),
      member("delta", "zeta", "LEADER"),
      member("epsilon", "wolf", "LEADER"),
    ],
    outcomes: [
      {
        id: id("ox1"), allianceId: id("xylo"), kind: "RESULT", title: "Xylo: 40 emplois locaux",
        indicator: { value: 40, unit: "emplois", measuredOn: "2021-12-31" }, sdgs: [8], beneficiaryTerritories: ["DEPARTEMENT:94"], sourceIds: source,
      },
      { id: id("ox2"), allianceId: id("xylo"), kind: "PRACTICE", title: "Xylo: guide de co-construction", sdgs: [17], beneficiaryActorIds: [id("gamma")], sourceIds: source },
      { id: id("oy1"), allianceId: id("yak"), kind: "PUBLICATION", title: "Yak: rapport d'évaluation", sdgs: [4], sourceIds: source },
    ],
  };
}
