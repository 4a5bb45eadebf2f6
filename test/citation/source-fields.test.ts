import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { exportDocument } from "../../src/export/export.document";
import { WHOLE_GRAPH } from "../../src/export/export.scope";
import { importFiles } from "../../src/import/importer";
import { loadDocument } from "../../src/seed/document";
import { Connection } from "../../src/neo4j/connect";
import { deleteByPrefix, GraphQLClient, openTestDatabase } from "../support/database";
import { writeCsvFiles } from "../import/csv-files";

const P = "citefield-";
const id = (name: string) => `${P}${name}`;
const db = {} as { connection: Connection; client: GraphQLClient };

beforeAll(async () => {
  db.connection = await openTestDatabase();
  db.client = await GraphQLClient.create(db.connection);
  await deleteByPrefix(db.connection, P);
});

afterAll(async () => {
  await deleteByPrefix(db.connection, P);
  await db.client.stop();
  await db.connection.close();
});

const CREATE = `mutation($input: SourceInput!) { createSource(input: $input) { id title authors doi pages licence accessedOn url kind } }`;
const create = (input: Record<string, unknown>) => db.client.run(CREATE, { input: { kind: "ARTICLE", title: "Titre", ...input } });
/** The first error's field and message, as a client reads them. */
const refusal = async (input: Record<string, unknown>) => {
  const { errors } = await create(input);
  return errors?.map((e) => e.message)[0];
};

describe("SourceInput's citation fields", () => {
  it("stores a DOI without the https://doi.org/ or doi: prefix, its case as given", async () => {
    expect((await db.client.data(CREATE, { input: { id: id("a"), kind: "ARTICLE", title: "A", doi: "https://doi.org/10.1000/182" } })).createSource.doi).toBe("10.1000/182");
    expect((await db.client.data(CREATE, { input: { id: id("b"), kind: "ARTICLE", title: "B", doi: "doi:10.5555/ABC-def" } })).createSource.doi).toBe("10.5555/ABC-def");
    expect((await db.client.data(CREATE, { input: { id: id("c"), kind: "ARTICLE", title: "C", doi: "10.1234/x(y)z" } })).createSource.doi).toBe("10.1234/x(y)z");
  });

  it("keeps authors in the order given, with pages, licence and access date", async () => {
    const input = {
      id: id("d"), kind: "STUDY", title: "D", authors: ["Zola, Émile", "Abel, Ann", "Le RAMEAU"], pages: "xii", licence: "CC-BY-4.0",
      accessedOn: "2024-02-29", url: "https://example.org/d",
    };
    expect((await db.client.data(CREATE, { input })).createSource).toEqual({ ...input, doi: null });
  });

  it.each([
    [{ doi: "10.12/abc" }, 'input.doi: "10.12/abc" is not a DOI'],
    [{ doi: "https://example.org/10.1000/182" }, 'input.doi: "https://example.org/10.1000/182" is not a DOI'],
    [{ doi: "10.1000/a b" }, 'input.doi: "10.1000/a b" is not a DOI'],
    [{ pages: "12 to 18" }, 'input.pages: "12 to 18" are not pages: "12", "12-18", "xii" or "12-18, 25"'],
    [{ accessedOn: "2999-01-01" }, 'input.accessedOn: "2999-01-01" is after today'],
    [{ authors: [""] }, 'input.authors: [""] is 0 characters long; 1–200 expected'],
    [{ authors: ["x".repeat(201)] }, "input.authors: "],
    [{ authors: Array.from({ length: 101 }, (_, i) => `Auteur ${i}`) }, "input.authors: 101 values given; at most 100 expected"],
    [{ licence: "CC\u0000BY" }, "input.licence: contains U+0000"],
  ])("refuses %j", async (input, message) => {
    expect(await refusal({ id: id("bad"), ...input })).toContain(message);
  });

  it("imports them from JSON and CSV and exports them as given", async () => {
    const sources = [
      { id: id("json"), title: "Par JSON", authors: ["Zola, Émile", "Abel, Ann"], doi: "doi:10.1000/182", pages: "12-18", licence: "https://creativecommons.org/licenses/by/4.0/", accessedOn: "2024-01-02", kind: "STUDY" },
    ];
    await loadDocument(db.connection.executor, { sources, actors: [], alliances: [], memberships: [], outcomes: [] });
    const dir = mkdtempSync(join(tmpdir(), "maillage-citefield-"));
    const csv = [{ id: id("csv"), title: "Par CSV", authors: ["Dupré, Élise", "Observatoire des partenariats"], doi: "https://doi.org/10.1000/182", pages: "5", kind: "STUDY" }];
    const result = await importFiles(db.connection.executor, writeCsvFiles({ sources: csv }, dir));
    expect(result.rejected).toEqual([]);
    const doc = await exportDocument(db.connection.executor, { ...WHOLE_GRAPH, idPrefix: `${P}csv` });
    expect(doc.sources).toEqual([{ id: id("csv"), title: "Par CSV", authors: ["Dupré, Élise", "Observatoire des partenariats"], doi: "10.1000/182", pages: "5", kind: "STUDY" }]);
    const json = await exportDocument(db.connection.executor, { ...WHOLE_GRAPH, idPrefix: `${P}json` });
    expect(json.sources).toEqual([{ ...sources[0], doi: "10.1000/182" }]);
  });
});

describe("Source.citation", () => {
  beforeAll(async () => {
    const source = { id: id("cited"), title: "Par JSON", authors: ["Zola, Émile", "Abel, Ann"], doi: "10.1000/182", pages: "12-18", kind: "STUDY" };
    await loadDocument(db.connection.executor, { sources: [source], actors: [], alliances: [], memberships: [], outcomes: [] });
  });

  it("writes one source in a citation style, as BibTeX or as CSL-JSON", async () => {
    const data = await db.client.data(
      `query($id: ID!) { source(id: $id) {
        apa: citation
        fr: citation(style: APA, locale: FR_FR)
        vancouver: citation(style: VANCOUVER)
        bibtex: citation(style: BIBTEX)
        csl: citation(style: CSL_JSON)
      } }`,
      { id: id("cited") },
    );
    const { apa, fr, vancouver, bibtex, csl } = data.source;
    expect(apa).toBe("Zola, É., & Abel, A. (n.d.). Par JSON (pp. 12–18). https://doi.org/10.1000/182");
    // citeproc-js's French locale puts a no-break space in "s. d." and a non-breaking hyphen in page ranges.
    expect(fr).toBe("Zola, É., & Abel, A. (s.\u00A0d.). Par JSON (p. 12\u201118). https://doi.org/10.1000/182");
    expect(vancouver).toBe("1.  Zola É, Abel A. Par JSON. p. 12\u20138."); // Vancouver shortens page ranges
    expect(bibtex).toMatch(/^@techreport\{citefield-cited,/);
    expect(JSON.parse(csl)).toMatchObject({ id: id("cited"), type: "report", DOI: "10.1000/182", author: [{ family: "Zola", given: "Émile" }, { family: "Abel", given: "Ann" }] });
  });

  it("costs 100 in the query cost, so a page of 100 sources cannot ask for five styles", async () => {
    const styles = (n: number) => Array.from({ length: n }, (_, i) => `s${i}: citation`).join(" ");
    const { errors: one } = await db.client.run(`{ sources(first: 100) { edges { node { ${styles(1)} } } } }`);
    expect(one).toBeUndefined();
    const { errors: five } = await db.client.run(`{ sources(first: 100) { edges { node { ${styles(5)} } } } }`);
    expect(five?.[0].extensions.code).toBe("QUERY_TOO_COMPLEX");
  });
});

