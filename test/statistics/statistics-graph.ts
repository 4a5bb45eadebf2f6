import { GraphDocument } from "../../src/seed/document";

/**
 * A small graph whose statistics are obvious by hand (ids start with `prefix`).
 *
 *   actors: la1 Commune Alpha, la2 Commune Bravo (LOCAL_AUTHORITY), co1 Entreprise Charlie (COMPANY),
 *           as1 Association Delta (ASSOCIATION), fo1 Fondation Echo (FOUNDATION), ac1 Université Foxtrot (ACADEMIC)
 *
 *   agora  TERRITORIAL_CO_CONSTRUCTION  LOCAL_CO_CONSTRUCTION + HYBRID_ECONOMIC_MODEL  ACTIVE
 *          2020-01-01 →          REGION:11 + COMMUNE:94028   SDG 11, 17   la1, co1, as1 (as1 from 2022-01-01)
 *   bise   PHILANTHROPY                 PERFORMANCE_AND_ENGAGEMENT                    ENDED
 *          2018-03-01 → 2019-12-31  DEPARTEMENT:94             SDG 17       co1, fo1
 *   cedre  TERRITORIAL_CO_CONSTRUCTION  LOCAL_CO_CONSTRUCTION                         ACTIVE
 *          2020-06-01 →          COMMUNE:94080              SDG 4        la1, la2, as1
 *   dune   RESEARCH_PARTNERSHIP         SOCIETAL_INNOVATION                           PROPOSED
 *          no dates              COMMUNE:69123 (Lyon)       no SDG       ac1, co1
 *   ecume  RESPONSIBLE_PRACTICES        PERFORMANCE_AND_ENGAGEMENT                    ACTIVE
 *          2021-05-01 →          COMMUNE:94028              SDG 17       co1, fo1
 *
 * In Val-de-Marne (94): agora, bise, cedre, ecume; only agora joins three kinds of actor.
 */
export function statisticsGraph(prefix: string): GraphDocument {
  const id = (name: string) => `${prefix}${name}`;
  const sourceIds = [id("src")];
  const actor = (name: string, fullName: string, kind: string, basedIn?: string) => ({ id: id(name), name: fullName, kind, basedIn, sourceIds });
  const alliance = (name: string, kind: string, objectives: string[], status: string, territories: string[], sdgs: number[], dates: object) => ({
    id: id(name), name: `Alliance ${name}`, kind, objectives, status, territories, sdgs, sourceIds, ...dates,
  });
  const member = (actorName: string, allianceName: string, startDate?: string) => ({
    actorId: id(actorName), allianceId: id(allianceName), role: "PARTNER", startDate, sourceIds,
  });
  return {
    sources: [{ id: id("src"), title: "Baromètre de test", publisher: "Observatoire des partenariats", date: "2023-01-01", kind: "STUDY" }],
    actors: [
      actor("la1", "Commune Alpha", "LOCAL_AUTHORITY", "94028"),
      actor("la2", "Commune Bravo", "LOCAL_AUTHORITY", "94080"),
      actor("co1", "Entreprise Charlie", "COMPANY", "69123"),
      actor("as1", "Association Delta", "ASSOCIATION", "COMMUNE:75056"),
      actor("fo1", "Fondation Echo", "FOUNDATION"),
      actor("ac1", "Université Foxtrot", "ACADEMIC", "69123"),
    ],
    alliances: [
      alliance("agora", "TERRITORIAL_CO_CONSTRUCTION", ["LOCAL_CO_CONSTRUCTION", "HYBRID_ECONOMIC_MODEL"], "ACTIVE", ["REGION:11", "COMMUNE:94028"], [11, 17], { startDate: "2020-01-01" }),
      alliance("bise", "PHILANTHROPY", ["PERFORMANCE_AND_ENGAGEMENT"], "ENDED", ["DEPARTEMENT:94"], [17], { startDate: "2018-03-01", endDate: "2019-12-31" }),
      alliance("cedre", "TERRITORIAL_CO_CONSTRUCTION", ["LOCAL_CO_CONSTRUCTION"], "ACTIVE", ["COMMUNE:94080"], [4], { startDate: "2020-06-01" }),
      alliance("dune", "RESEARCH_PARTNERSHIP", ["SOCIETAL_INNOVATION"], "PROPOSED", ["COMMUNE:69123"], [], {}),
      alliance("ecume", "RESPONSIBLE_PRACTICES", ["PERFORMANCE_AND_ENGAGEMENT"], "ACTIVE", ["COMMUNE:94028"], [17], { startDate: "2021-05-01" }),
    ],
    memberships: [
      member("la1", "agora"),
      member("co1", "agora"),
      member("as1", "agora", "2022-01-01"),
      member("co1", "bise"),
      member("fo1", "bise"),
      member("la1", "cedre"),
      member("la2", "cedre"),
      member("as1", "cedre"),
      member("ac1", "dune"),
      member("co1", "dune"),
      member("co1", "ecume"),
      member("fo1", "ecume"),
    ],
    outcomes: [],
  };
}
