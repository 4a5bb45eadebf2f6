import { sirenFrom } from "../../src/generate/names";

/** A small import document, ids prefixed "imp-": a source, three actors, two alliances, members, an outcome, maturity. */
export function smallDocument(prefix = "imp-") {
  const src = `${prefix}src`;
  return {
    sources: [{ id: src, title: "Étude test", publisher: "Observatoire", date: "2023-06-01", url: null, kind: "STUDY" }],
    actors: [
      { id: `${prefix}ville`, name: "Ville de Créteil (test)", kind: "LOCAL_AUTHORITY", basedIn: "94028", sourceIds: [src] },
      { id: `${prefix}entreprise`, name: "Entreprise Test", kind: "COMPANY", siren: sirenFrom("91234567"), basedIn: "COMMUNE:75056", sourceIds: [src] },
      { id: `${prefix}asso`, name: "Association Test", kind: "ASSOCIATION", rna: "W941234567", sourceIds: [src] },
    ],
    alliances: [
      {
        id: `${prefix}alliance-a`, name: "Créteil solidaire (test)", kind: "TERRITORIAL_CO_CONSTRUCTION", objectives: ["LOCAL_CO_CONSTRUCTION"],
        status: "ACTIVE", startDate: "2023-01-01", endDate: null, territories: ["94028"], sdgs: [11, 17], sourceIds: [src],
      },
      {
        id: `${prefix}alliance-b`, name: "Mécénat test", kind: "PHILANTHROPY", objectives: ["HYBRID_ECONOMIC_MODEL", "SOCIETAL_INNOVATION"],
        status: "ENDED", startDate: "2020-01-01", endDate: "2022-12-31", territories: ["DEPARTEMENT:94"], sdgs: [17], sourceIds: [src],
      },
    ],
    memberships: [
      { actorId: `${prefix}ville`, allianceId: `${prefix}alliance-a`, role: "LEADER", startDate: "2023-01-01", endDate: null, sourceIds: [src] },
      { actorId: `${prefix}asso`, allianceId: `${prefix}alliance-a`, role: "PARTNER", startDate: "2023-02-01", endDate: null, sourceIds: [src] },
      { actorId: `${prefix}entreprise`, allianceId: `${prefix}alliance-b`, role: "FUNDER", startDate: "2020-01-01", endDate: "2022-12-31", sourceIds: [src] },
      { actorId: `${prefix}asso`, allianceId: `${prefix}alliance-b`, role: "LEADER", startDate: "2020-01-01", endDate: "2022-12-31", sourceIds: [src] },
    ],
    outcomes: [
      {
        id: `${prefix}outcome`, allianceId: `${prefix}alliance-a`, kind: "RESULT", title: "Personnes accompagnées", description: null,
        indicator: { value: 120, unit: "personnes", measuredOn: "2023-12-31" }, sdgs: [11], beneficiaryTerritories: ["94028"],
        beneficiaryActorIds: [`${prefix}asso`], sourceIds: [src],
      },
    ],
    maturityAssessments: [
      { id: `${prefix}maturity-creteil`, subjectType: "TERRITORY", subjectId: "94028", level: "STRUCTURING", assessedOn: "2023-06-01", sourceIds: [src] },
      { id: `${prefix}maturity-asso`, subjectType: "ACTOR", subjectId: `${prefix}asso`, level: "PIONEERING", assessedOn: "2023-06-01", sourceIds: [src] },
    ],
  };
}
