import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Cite } from "@citation-js/core";
import "@citation-js/plugin-bibtex";
import "@citation-js/plugin-csl";
import { loadDocument } from "../../src/seed/document";
import { ExportFormat } from "../../src/export/export.formats";
import { exportText, openExport } from "../../src/export/export.service";
import { WHOLE_GRAPH } from "../../src/export/export.scope";
import { Label, Rel } from "../../src/neo4j/graph-model";
import { GraphQLClient } from "../support/database";
import { deleteByPrefix } from "../support/database";
import { useHttpServers } from "../support/http-servers";
import { runCli } from "../support/cli";
import { KEYS, testAuthConfig } from "../auth/auth-support";
import { citationGraph } from "./citation-graph";
import demoGraph from "../../src/seed/demo-graph.json";
import { BibtexWriter, CslJsonWriter } from "../../src/citation/citation.writer";
import { SourceRow } from "../../src/citation/csl";

/** Exports are for admins: every request here carries the admin key. */
const get = (url: string) => fetch(url, { headers: { "x-api-key": KEYS.admin } });

// citationGraph: five sources cited by one fact kind each in Créteil, one cited by nothing, and one
// whose id holds "~". Other files' data (the demo graph, the bg- graph) share DEPARTEMENT:94.
const P = "cite-";
const id = (name: string) => `${P}${name}`;
const mine = { ...WHOLE_GRAPH, idPrefix: P };
const CITED = ["article", "event", "other", "register", "report"].map(id);

const servers = useHttpServers((database) => deleteByPrefix(database, P));
let base: string;
let client: GraphQLClient;

beforeAll(async () => {
  const doc = citationGraph(P);
  doc.sources.push({ id: id("tilde~key"), kind: "OTHER", title: "Clé à tilde" });
  await loadDocument(servers.connection().executor, doc);
  base = await servers.start({ auth: testAuthConfig() });
  client = await GraphQLClient.create(servers.connection());
});

afterAll(async () => {
  await client?.stop();
});

/** Parsed back by Citation.js's BibTeX reader: CSL items, by citation key. */
/** APA references as citeproc-js writes them in plain text, no-break spaces (it puts them inside « ») read as spaces. */
const apa = (items: object[]): string[] =>
  new Cite(items).format("bibliography", { template: "apa", format: "text", lang: "en-US" }).trim().replace(/[\u00A0\u202F]/g, " ").split("\n");

const parseBibtex = (text: string): Record<string, any> =>
  Object.fromEntries(new Cite(text, { forceType: "@biblatex/text" }).data.map((item) => [item["citation-key"], item]));

// The sources behind DEPARTEMENT:94, counted independently of the export's queries: what alliances acting
// there, their memberships, members, outcomes, the actors these benefit, and the assessments of members
// and of territories there cite.
const SCOPE_SOURCES = `MATCH (d:${Label.Territory} {id: $territory})
CALL (d) {
  MATCH (al:${Label.Alliance})-[:${Rel.ACTS_IN}]->(:${Label.Territory})-[:${Rel.PART_OF}*0..4]->(d)
  WITH DISTINCT al
  CALL (al) {
    MATCH (al)-[:${Rel.CITES}]->(s) RETURN s
    UNION MATCH (:${Label.Actor})-[:${Rel.HAS_MEMBERSHIP}]->(m)-[:${Rel.IN_ALLIANCE}]->(al) MATCH (m)-[:${Rel.CITES}]->(s) RETURN s
    UNION MATCH (a:${Label.Actor})-[:${Rel.HAS_MEMBERSHIP}]->()-[:${Rel.IN_ALLIANCE}]->(al) MATCH (a)-[:${Rel.CITES}]->(s) RETURN s
    UNION MATCH (al)-[:${Rel.PRODUCED}]->(o) MATCH (o)-[:${Rel.CITES}]->(s) RETURN s
    UNION MATCH (al)-[:${Rel.PRODUCED}]->()-[:${Rel.BENEFITS}]->(b:${Label.Actor}) MATCH (b)-[:${Rel.CITES}]->(s) RETURN s
    UNION MATCH (a:${Label.Actor})-[:${Rel.HAS_MEMBERSHIP}]->()-[:${Rel.IN_ALLIANCE}]->(al) MATCH (ma:${Label.MaturityAssessment})-[:${Rel.ASSESSES}]->(a) MATCH (ma)-[:${Rel.CITES}]->(s) RETURN s
  }
  RETURN s
  UNION
  MATCH (ma:${Label.MaturityAssessment})-[:${Rel.ASSESSES}]->(:${Label.Territory})-[:${Rel.PART_OF}*0..4]->(d)
  MATCH (ma)-[:${Rel.CITES}]->(s)
  RETURN s
}
RETURN collect(DISTINCT s.id) AS ids`;

describe("GET /export/bibtex and /export/csl-json", () => {
  let bibtex: Record<string, any>;
  let cslText: string;

  beforeAll(async () => {
    const response = await get(`${base}/export/bibtex?territory=DEPARTEMENT:94`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/x-bibtex/);
    expect(response.headers.get("content-disposition")).toBe("attachment; filename=maillage-departement-94.bib");
    bibtex = parseBibtex(await response.text());
    const csl = await get(`${base}/export/csl-json?territory=DEPARTEMENT:94`);
    expect(csl.headers.get("content-type")).toMatch(/^application\/vnd\.citationstyles\.csl\+json/);
    cslText = await csl.text();
  });

  it("has one entry per source the scope cites: as many as the JSON export and an independent Cypher count", async () => {
    const [{ ids }] = await servers.connection().executor.read(SCOPE_SOURCES, { territory: "DEPARTEMENT:94" });
    const document = (await (await get(`${base}/export/json?territory=DEPARTEMENT:94`)).json()) as { sources: { id: string }[] };
    const keys = Object.keys(bibtex).sort();
    expect(keys).toEqual([...(ids as string[])].sort());
    expect(keys).toEqual(document.sources.map((s) => s.id));
    expect(JSON.parse(cslText).map((item: any) => item.id)).toEqual(keys);
    expect(keys).toEqual(expect.arrayContaining(CITED));
    expect(keys).not.toContain(id("uncited"));
  });

  it("lists the sources the GraphQL API shows on our facts", async () => {
    const data = await client.data(
      `query($al: ID!, $ma: ID!) {
        alliance(id: $al) {
          sources { id }
          members(first: 100) { edges { node { sources { id } actor { sources { id } } } } }
          outcomes(first: 100) { edges { node { sources { id } } } }
        }
        maturityAssessment(id: $ma) { sources { id } }
      }`,
      { al: id("brise"), ma: id("assess") },
    );
    const viaApi = new Set<string>([
      ...data.alliance.sources,
      ...data.alliance.members.edges.flatMap((e: any) => [...e.node.sources, ...e.node.actor.sources]),
      ...data.alliance.outcomes.edges.flatMap((e: any) => e.node.sources),
      ...data.maturityAssessment.sources,
    ].map((s: any) => s.id));
    expect([...viaApi].sort()).toEqual(CITED);
    expect(Object.keys(bibtex).filter((key) => key.startsWith(P))).toEqual(CITED);
  });

  it("keeps titles, authors, DOIs and special characters through BibTeX", () => {
    expect(bibtex[id("report")]).toMatchObject({
      type: "report",
      title: "Étude d’impact : 100 % {co-construction} & territoires",
      author: [{ family: "Dupré", given: "Élise" }, { family: "Nguyễn", given: "Văn An" }, { family: "Observatoire des partenariats" }],
      publisher: "Le RAMEAU & associés",
      issued: { "date-parts": [[2021, 6, 1]] },
      page: "12-18",
      URL: "https://example.org/etude?a=1&b=%C3%A9",
    });
    expect(bibtex[id("article")]).toMatchObject({ type: "article-journal", title: "The DOI Handbook", DOI: "10.1000/182", author: [{ family: "International DOI Foundation" }] });
    expect(bibtex[id("event")]).toMatchObject({ title: "Rencontre « faire alliance » à Créteil", author: [{ family: "Çelik", given: "Zoë" }] });
  });

  it("gives CSL-JSON that citeproc-js formats in APA, one reference per source", () => {
    const items = JSON.parse(cslText);
    const references = apa(items);
    expect(references).toHaveLength(items.length);
    expect(references).toEqual(expect.arrayContaining([
      "Dupré, É., Nguyễn, V. A., & Observatoire des partenariats. (2021). Étude d’impact : 100 % {co-construction} & territoires (pp. 12–18). Le RAMEAU & associés. https://example.org/etude?a=1&b=%C3%A9",
      "International DOI Foundation. (2012). The DOI Handbook. https://doi.org/10.1000/182",
      "Çelik, Z. (2022, March 30). Rencontre « faire alliance » à Créteil.",
      "Répertoire national des associations. (n.d.). [Data set]. Ministère de l’Intérieur.",
    ]));
    expect(items.find((item: any) => item.id === id("report"))).toEqual({
      id: id("report"), "citation-key": id("report"), type: "report", title: "Étude d’impact : 100 % {co-construction} & territoires",
      author: [{ family: "Dupré", given: "Élise" }, { family: "Nguyễn", given: "Văn An" }, { literal: "Observatoire des partenariats" }],
      publisher: "Le RAMEAU & associés", issued: { "date-parts": [[2021, 6, 1]] }, URL: "https://example.org/etude?a=1&b=%C3%A9",
      page: "12-18", license: "CC-BY-4.0", accessed: { "date-parts": [[2024, 1, 15]] },
    });
  });
});

describe("the demo graph's source", () => {
  it("keeps its title, author and date through BibTeX and APA", () => {
    const sources = demoGraph.sources as unknown as SourceRow[];
    const [entry] = Object.values(parseBibtex(new BibtexWriter().page(sources)));
    expect(entry).toMatchObject({
      "citation-key": "src-rameau-2022-faire-alliance", type: "article-journal", title: "Apprenons à valoriser le « faire alliance »",
      author: [{ family: "Le RAMEAU" }], issued: { "date-parts": [[2022, 3, 10]] },
    });
    expect(entry.DOI).toBeUndefined();
    const items = JSON.parse(`${new CslJsonWriter().start()}${new CslJsonWriter().page(sources)}\n]`);
    expect(apa(items)).toEqual(["Le RAMEAU. (2022). Apprenons à valoriser le « faire alliance »."]);
  });
});

describe("openExport in the citation formats", () => {
  it("exports every source of a prefix (the whole graph, cited or not), keys made safe", async () => {
    const text = await exportText(await openExport(servers.connection().executor, ExportFormat.BIBTEX, mine));
    expect(Object.keys(parseBibtex(text)).sort()).toEqual([...CITED, id("tilde+key"), id("uncited")].sort());
    expect(text).toContain(`@misc{${id("tilde+key")},`);
  });

  it("exports every source of the whole graph, reading no fact", async () => {
    const executor = servers.connection().executor.forRequest();
    const items = JSON.parse(await exportText(await openExport(executor, ExportFormat.CSL_JSON, WHOLE_GRAPH)));
    expect(items.map((item: any) => item.id).filter((key: string) => key.startsWith(P))).toEqual([...CITED, id("tilde~key"), id("uncited")].sort());
    expect(items.map((item: any) => item.id)).toContain("bg-source");
    expect(executor.roundTrips).toBe(1);
  });

  it("writes an empty bibliography for a scope that cites nothing", async () => {
    const empty = { ...mine, idPrefix: "cite-none-" };
    expect(await exportText(await openExport(servers.connection().executor, ExportFormat.BIBTEX, empty))).toBe("");
    expect(JSON.parse(await exportText(await openExport(servers.connection().executor, ExportFormat.CSL_JSON, empty)))).toEqual([]);
  });

  it("streams a page at a time with the same text", async () => {
    const executor = servers.connection().executor;
    const whole = await exportText(await openExport(executor, ExportFormat.CSL_JSON, mine));
    const paged = await exportText(await openExport(executor, ExportFormat.CSL_JSON, mine, "bipartite", { pageSize: 2 }));
    expect(paged).toBe(whole);
    expect(JSON.parse(whole)).toHaveLength(7);
    expect(whole).toBe(`${JSON.stringify(JSON.parse(whole), null, 2)}\n`);
  });
});

describe("maillage export --format csl-json|bibtex", () => {
  it("writes the same sources as the HTTP export", async () => {
    const dir = mkdtempSync(join(tmpdir(), "maillage-cite-"));
    for (const format of ["csl-json", "bibtex"]) {
      const out = join(dir, `sources.${format}`);
      const { code } = await runCli(["export", "--format", format, "--territory", "DEPARTEMENT:94", "--out", out, "--quiet"]);
      expect(code).toBe(0);
      expect(readFileSync(out, "utf8")).toBe(await (await get(`${base}/export/${format}?territory=DEPARTEMENT:94`)).text());
    }
  });
});
