import { GraphDocument } from "../../src/seed/document";

/**
 * A small graph in Créteil (COMMUNE:94028, so inside DEPARTEMENT:94) where each kind of fact
 * cites its own source: actor Aube → report, alliance Brise → article (a real DOI: the DOI
 * Handbook's, given with its resolver prefix), Aube's membership → event, Brise's outcome →
 * register, Aube's assessment → other. `uncited` is cited by nothing. Titles and names hold
 * what BibTeX must escape: accents, &, %, { and }.
 */
export function citationGraph(prefix: string): GraphDocument & { maturityAssessments: object[] } {
  const id = (name: string) => `${prefix}${name}`;
  return {
    sources: [
      {
        id: id("report"), kind: "STUDY", title: "Étude d’impact : 100 % {co-construction} & territoires",
        authors: ["Dupré, Élise", "Nguyễn, Văn An", "Observatoire des partenariats"], publisher: "Le RAMEAU & associés",
        date: "2021-06-01", url: "https://example.org/etude?a=1&b=%C3%A9", pages: "12-18", licence: "CC-BY-4.0", accessedOn: "2024-01-15",
      },
      { id: id("article"), kind: "ARTICLE", title: "The DOI Handbook", authors: ["International DOI Foundation"], date: "2012-01-01", doi: "https://doi.org/10.1000/182" },
      { id: id("event"), kind: "EVENT", title: "Rencontre « faire alliance » à Créteil", authors: ["Çelik, Zoë"], date: "2022-03-30" },
      { id: id("register"), kind: "OFFICIAL_REGISTER", title: "Répertoire national des associations", publisher: "Ministère de l’Intérieur" },
      { id: id("other"), kind: "OTHER", title: "Grille d’auto-évaluation", pages: "xii" },
      { id: id("uncited"), kind: "STUDY", title: "Une étude que rien ne cite" },
    ],
    actors: [
      { id: id("aube"), name: "Aube Association", kind: "ASSOCIATION", basedIn: "COMMUNE:94028", sourceIds: [id("report")] },
      { id: id("cap"), name: "Cap Entreprise", kind: "COMPANY", basedIn: "COMMUNE:94028" },
    ],
    alliances: [
      {
        id: id("brise"), name: "Brise alliance", kind: "TERRITORIAL_CO_CONSTRUCTION", objectives: ["LOCAL_CO_CONSTRUCTION"],
        status: "ACTIVE", startDate: "2021-01-01", territories: ["COMMUNE:94028"], sdgs: [17], sourceIds: [id("article")],
      },
    ],
    memberships: [
      { actorId: id("aube"), allianceId: id("brise"), role: "LEADER", startDate: "2021-01-01", sourceIds: [id("event")] },
      { actorId: id("cap"), allianceId: id("brise"), role: "PARTNER", startDate: "2021-01-01", sourceIds: [id("event")] },
    ],
    outcomes: [{ id: id("result"), allianceId: id("brise"), kind: "PRACTICE", title: "Brise : guide", sdgs: [17], sourceIds: [id("register")] }],
    maturityAssessments: [{ id: id("assess"), subjectType: "ACTOR", subjectId: id("aube"), level: "EXPERIMENTING", assessedOn: "2023-05-01", sourceIds: [id("other")] }],
  };
}
