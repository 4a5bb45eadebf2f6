import { DocumentPage, SECTIONS } from "../../src/export/export.document";
import { linkedDataOf } from "../../src/linked-data/linked-data.export";
import { Iris, safeIri, segment } from "../../src/linked-data/iri";
import { DEMO_GRAPH } from "../../src/seed/seed";
import { jsonldTriples, objectsOf, ORG, PROV, SCHEMA, SOSA, subjectsOf, TIME, triplesAbout, turtleTriples, XSD } from "./rdf-read";

const BASE = "https://maillage.example/id/";
const RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>";
const pagesOf = (doc: Record<string, object[]>): DocumentPage[] =>
  SECTIONS.map((section) => ({ section, rows: (doc[section] as object[] | undefined) ?? [] }));

/** Both serialisations of the same pages, each read back by its own RDF library. */
async function bothWays(pages: DocumentPage[], base = BASE) {
  const fromJsonld = await jsonldTriples(linkedDataOf("jsonld", pages, base));
  const fromTurtle = turtleTriples(linkedDataOf("turtle", pages, base));
  return { fromJsonld, fromTurtle };
}

describe("IRIs", () => {
  it("puts every entity under the base, its id percent-encoded into one path segment", () => {
    const iris = new Iris(BASE);
    expect(iris.of("actor", "le-rameau")).toBe("https://maillage.example/id/actor/le-rameau");
    expect(iris.of("membership", "alliance-x/le-rameau")).toBe("https://maillage.example/id/membership/alliance-x%2Fle-rameau");
    expect(iris.of("actor", 'a>b"c d#e?f')).toBe("https://maillage.example/id/actor/a%3Eb%22c%20d%23e%3Ff");
    expect(iris.territory("COMMUNE:94028")).toBe("https://maillage.example/id/territory/commune/94028");
    expect(iris.term("MembershipRole", "LEADER")).toBe("https://maillage.example/id/vocab/MembershipRole/LEADER");
  });

  it("keeps ':' and '@', replaces a lone surrogate, and makes outside addresses safe between < >", () => {
    expect(segment("x:y@z")).toBe("x:y@z");
    expect(segment("a\uD800b")).toBe("a%EF%BF%BDb");
    expect(safeIri('https://example.org/a b<c>"d')).toBe("https://example.org/a%20b%3Cc%3E%22d");
  });
});

describe("the demo graph as linked data", () => {
  const pages = pagesOf(DEMO_GRAPH as unknown as Record<string, object[]>);
  const rameau = `${BASE}actor/le-rameau`;
  const medias = `${BASE}membership/alliance-dialogue-avec-les-medias%2Fle-rameau`;
  const source = `${BASE}source/src-rameau-2022-faire-alliance`;

  it("gives the same triples through JSON-LD (jsonld.js) and Turtle (N3.js)", async () => {
    const { fromJsonld, fromTurtle } = await bothWays(pages);
    expect(fromJsonld.size).toBeGreaterThan(500);
    expect([...fromTurtle].sort()).toEqual([...fromJsonld].sort());
  });

  it("counts one org:Organization per actor and alliance, one org:Membership per membership, one prov:Entity per source", async () => {
    const { fromJsonld, fromTurtle } = await bothWays(pages);
    for (const triples of [fromJsonld, fromTurtle]) {
      expect(subjectsOf(triples, `${ORG}Organization`)).toHaveLength(DEMO_GRAPH.actors.length + DEMO_GRAPH.alliances.length);
      expect(subjectsOf(triples, `${ORG}OrganizationalCollaboration`)).toHaveLength(9);
      expect(subjectsOf(triples, `${ORG}Membership`)).toHaveLength(28);
      expect(subjectsOf(triples, `${PROV}Entity`)).toEqual([source]);
    }
  });

  it("describes Le RAMEAU: an NGO based in Paris, derived from the article", async () => {
    const { fromTurtle } = await bothWays(pages);
    const description = (DEMO_GRAPH.actors[0] as { description: string }).description;
    expect(triplesAbout(fromTurtle, rameau)).toEqual(
      [
        `<${rameau}> ${RDF_TYPE} <${ORG}Organization>`,
        `<${rameau}> ${RDF_TYPE} <${SCHEMA}NGO>`,
        `<${rameau}> <${SCHEMA}name> "Le RAMEAU"^^<${XSD}string>`,
        `<${rameau}> <${SCHEMA}description> "${description}"^^<${XSD}string>`,
        `<${rameau}> <${SCHEMA}additionalType> <${BASE}vocab/ActorKind/ASSOCIATION>`,
        `<${rameau}> <${ORG}hasSite> <${rameau}#site>`,
        `<${rameau}> <${PROV}wasDerivedFrom> <${source}>`,
      ].sort(),
    );
    expect(objectsOf(fromTurtle, `${rameau}#site`, `${SCHEMA}containedInPlace`)).toEqual([`<${BASE}territory/commune/75056>`]);
  });

  it("describes a membership: member, organisation, role and the period it began, derived from the article", async () => {
    const { fromJsonld } = await bothWays(pages);
    expect(triplesAbout(fromJsonld, medias)).toEqual(
      [
        `<${medias}> ${RDF_TYPE} <${ORG}Membership>`,
        `<${medias}> <${ORG}member> <${rameau}>`,
        `<${medias}> <${ORG}organization> <${BASE}alliance/alliance-dialogue-avec-les-medias>`,
        `<${medias}> <${ORG}role> <${BASE}vocab/MembershipRole/LEADER>`,
        `<${medias}> <${ORG}memberDuring> <${medias}#period>`,
        `<${medias}> <${PROV}wasDerivedFrom> <${source}>`,
      ].sort(),
    );
    expect(triplesAbout(fromJsonld, `${medias}#period`)).toEqual(
      [`<${medias}#period> ${RDF_TYPE} <${TIME}Interval>`, `<${medias}#period> <${TIME}hasBeginning> <${medias}#start>`].sort(),
    );
    expect(objectsOf(fromJsonld, `${medias}#start`, `${TIME}inXSDDate`)).toEqual([`"2022-03-28"^^<${XSD}date>`]);
    expect(subjectsOf(fromJsonld, `${ORG}Role`)).toEqual(expect.arrayContaining([`${BASE}vocab/MembershipRole/LEADER`]));
  });

  it("mints every IRI under the configured base", async () => {
    const other = "https://data.example.org/maillage/";
    const { fromJsonld, fromTurtle } = await bothWays(pages, other);
    expect([...fromTurtle].sort()).toEqual([...fromJsonld].sort());
    expect(subjectsOf(fromTurtle, `${ORG}Organization`).every((s) => s.startsWith(other))).toBe(true);
    expect(objectsOf(fromTurtle, `${other}actor/le-rameau`, `${PROV}wasDerivedFrom`)).toEqual([`<${other}source/src-rameau-2022-faire-alliance>`]);
  });
});

describe("identifiers and citations", () => {
  const actor = {
    id: "ident-1", name: "Université", kind: "ACADEMIC", website: "https://www.u-pec.fr/",
    siren: "130021769", siret: "13002176900015", rna: "W941000001", ror: "05ggc9x40", uai: "0941111X", wikidata: "Q1273585", inseeCog: "94028",
  };
  const source = {
    id: "s-1", title: "Rapport", kind: "STUDY", authors: ["Dupont, Jean", "Observatoire des partenariats"], doi: "10.1000/xyz-123",
    pages: "12-18", licence: "CC-BY-4.0", url: "https://example.org/r",
  };

  it("writes each identifier as a schema:PropertyValue, and sameAs to the Wikidata, ROR and register pages", async () => {
    const { fromJsonld, fromTurtle } = await bothWays([{ section: "sources", rows: [source] }, { section: "actors", rows: [actor] }]);
    expect([...fromTurtle].sort()).toEqual([...fromJsonld].sort());
    const iri = `${BASE}actor/ident-1`;
    expect(objectsOf(fromTurtle, iri, `${SCHEMA}identifier`)).toEqual(
      ["inseeCog", "rna", "ror", "siren", "siret", "uai", "wikidata"].map((scheme) => `<${iri}#${scheme}>`),
    );
    expect(triplesAbout(fromTurtle, `${iri}#siren`)).toEqual(
      [
        `<${iri}#siren> ${RDF_TYPE} <${SCHEMA}PropertyValue>`,
        `<${iri}#siren> <${SCHEMA}propertyID> "SIREN"^^<${XSD}string>`,
        `<${iri}#siren> <${SCHEMA}value> "130021769"^^<${XSD}string>`,
        `<${iri}#siren> <${SCHEMA}url> <https://annuaire-entreprises.data.gouv.fr/entreprise/130021769>`,
      ].sort(),
    );
    expect(objectsOf(fromTurtle, iri, "http://www.w3.org/2002/07/owl#sameAs")).toEqual(["<http://www.wikidata.org/entity/Q1273585>", "<https://ror.org/05ggc9x40>"]);
    expect(objectsOf(fromTurtle, iri, `${SCHEMA}url`)).toEqual(["<https://www.u-pec.fr/>"]);
    expect(objectsOf(fromTurtle, `${iri}#rna`, `${SCHEMA}value`)).toEqual([`"W941000001"^^<${XSD}string>`]);
  });

  it("writes a source's authors, DOI, pages and licence", async () => {
    const { fromTurtle } = await bothWays([{ section: "sources", rows: [source] }]);
    const iri = `${BASE}source/s-1`;
    expect(objectsOf(fromTurtle, iri, `${SCHEMA}author`)).toEqual([`"Dupont, Jean"^^<${XSD}string>`, `"Observatoire des partenariats"^^<${XSD}string>`]);
    expect(objectsOf(fromTurtle, iri, `${SCHEMA}sameAs`)).toEqual(["<https://doi.org/10.1000/xyz-123>"]);
    expect(objectsOf(fromTurtle, `${iri}#doi`, `${SCHEMA}value`)).toEqual([`"10.1000/xyz-123"^^<${XSD}string>`]);
    expect(objectsOf(fromTurtle, iri, `${SCHEMA}pagination`)).toEqual([`"12-18"^^<${XSD}string>`]);
    expect(objectsOf(fromTurtle, iri, `${SCHEMA}license`)).toEqual([`"CC-BY-4.0"^^<${XSD}string>`]);
  });
});

describe("maturity assessments", () => {
  const assessments = [
    { id: "ma-1", subjectType: "ACTOR", subjectId: "ident-1", level: "STRUCTURING", assessedOn: "2023-06-01", note: "Comité partenarial installé", sourceIds: ["s-1"] },
    { id: "ma-2", subjectType: "TERRITORY", subjectId: "COMMUNE:94028", level: "EXPERIMENTING", assessedOn: "2021-01-15", sourceIds: ["s-1"] },
  ];

  it("are SOSA observations of their actor or territory, the level their result, on their date, derived from their sources", async () => {
    const { fromJsonld, fromTurtle } = await bothWays([{ section: "maturityAssessments", rows: assessments }]);
    expect([...fromTurtle].sort()).toEqual([...fromJsonld].sort());
    const [actor, territory] = [`${BASE}assessment/ma-1`, `${BASE}assessment/ma-2`];
    expect(subjectsOf(fromTurtle, `${SOSA}Observation`)).toEqual([actor, territory]);
    expect(triplesAbout(fromTurtle, actor)).toEqual(
      [
        `<${actor}> ${RDF_TYPE} <${SOSA}Observation>`,
        `<${actor}> ${RDF_TYPE} <${BASE}vocab/MaturityAssessment>`,
        `<${actor}> <${SOSA}hasFeatureOfInterest> <${BASE}actor/ident-1>`,
        `<${actor}> <${SOSA}observedProperty> <${BASE}vocab/maturity>`,
        `<${actor}> <${SOSA}hasResult> <${BASE}vocab/MaturityLevel/STRUCTURING>`,
        `<${actor}> <${SOSA}phenomenonTime> <${actor}#date>`,
        `<${actor}> <${SCHEMA}description> "Comité partenarial installé"^^<${XSD}string>`,
        `<${actor}> <${PROV}wasDerivedFrom> <${BASE}source/s-1>`,
      ].sort(),
    );
    expect(objectsOf(fromTurtle, `${actor}#date`, `${TIME}inXSDDate`)).toEqual([`"2023-06-01"^^<${XSD}date>`]);
    expect(objectsOf(fromTurtle, territory, `${SOSA}hasFeatureOfInterest`)).toEqual([`<${BASE}territory/commune/94028>`]);
    expect(objectsOf(fromTurtle, `${BASE}territory/commune/94028`, "http://purl.org/dc/terms/identifier")).toEqual([`"COMMUNE:94028"^^<${XSD}string>`]);
  });
});

describe("hostile text", () => {
  const id = 'x>y"z{1}|2^3`4\\5 6#7?8%9/\uD800';
  const name = 'Il a dit "non" <b>\\n</b> ; — 𝄞 🎉 \u202Eטקסט';
  const description = "ligne 1\nligne 2\r\n\ttabulée \"citée\" 'simple' \\ fin";
  const pages: DocumentPage[] = [
    { section: "sources", rows: [{ id, title: name, kind: "OTHER", doi: '10.1/a>b c#d"e', licence: "https://example.org/l i<c>", authors: ['O"Brien, Pat'] }] },
    { section: "actors", rows: [{ id, name, kind: "COMPANY", description, website: "https://example.org/a b<c>", siren: '1">2', basedIn: "COMMUNE:9>4", sourceIds: [id] }] },
    { section: "alliances", rows: [{ id, name, kind: "PHILANTHROPY", objectives: [], status: "ACTIVE", territories: ['X:"y"'], sdgs: [], sourceIds: [id] }] },
    { section: "memberships", rows: [{ actorId: id, allianceId: id, role: "LEADER", startDate: "2020-01-01", endDate: "2021-01-01", sourceIds: [id] }] },
  ];

  it("stays valid in both formats, and both read back the same text", async () => {
    const { fromJsonld, fromTurtle } = await bothWays(pages);
    expect([...fromTurtle].sort()).toEqual([...fromJsonld].sort());
    const actor = `${BASE}actor/x%3Ey%22z%7B1%7D%7C2%5E3%604%5C5%206%237%3F8%259%2F%EF%BF%BD`;
    expect(subjectsOf(fromTurtle, `${ORG}Organization`)).toContain(actor);
    expect(objectsOf(fromTurtle, actor, `${SCHEMA}name`)).toEqual([`"${name}"^^<${XSD}string>`]);
    expect(objectsOf(fromJsonld, actor, `${SCHEMA}description`)).toEqual([`"${description}"^^<${XSD}string>`]);
    expect(subjectsOf(fromJsonld, `${ORG}Membership`)).toHaveLength(1);
  });
});
