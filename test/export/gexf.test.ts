import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import cytoscape from "cytoscape";
import Graph from "graphology";
import { parse as parseGexf } from "graphology-gexf";
import { parse as parseGraphml } from "graphology-graphml";
import { explorerGexf } from "../../explorer/gexf";
import { ActorKind, AllianceKind } from "../../src/common/enums";
import { GRAPH_ACTORS, GRAPH_SHARED_SOURCES } from "../../src/export/export.cypher";
import { ExportFormat } from "../../src/export/export.formats";
import { exportText, openExport } from "../../src/export/export.service";
import { ExportScope, GraphMode, WHOLE_GRAPH } from "../../src/export/export.scope";
import { sizeOfDegree } from "../../src/export/gexf.writer";
import { KIND_COLOURS } from "../../src/export/kind-palette";
import { Executor } from "../../src/neo4j/executor";
import { loadDocument } from "../../src/seed/document";
import { deleteByPrefix, useGraphQLClient } from "../support/database";
import { knownGraph } from "../support/known-graph";
import { parseStrictXml } from "./strict-xml";

// knownGraph (see there) with three sources and dated memberships, so every answer is known by hand:
//   src cites everything but Gamma; Yak cites src2; Alpha's Yak membership cites src3.
//   Memberships start 2020-01-01 but Alpha in Yak (2019-06-01 → 2021-12-31) and Gamma in Zeta (ends 2022-06-30).
const P = "gexf-";
const mine: ExportScope = { ...WHOLE_GRAPH, idPrefix: P };
const actor = (name: string) => `actor:${P}${name}`;
const alliance = (name: string) => `alliance:${P}${name}`;
const [src, src2, src3] = [`${P}src`, `${P}src2`, `${P}src3`];
// Declared before the client's own afterAll, which closes the connection: Jest runs them in this order.
afterAll(() => deleteByPrefix(suite.connection, P));
const suite = useGraphQLClient();
const dir = mkdtempSync(join(tmpdir(), "maillage-gexf-"));
const run = promisify(execFile);

beforeAll(async () => {
  await deleteByPrefix(suite.connection, P);
  const doc = knownGraph(P);
  doc.actors = doc.actors.map(({ siren: _s, rna: _r, ...a }: any) => a); // unique in the database: other files load theirs
  doc.sources.push(
    { id: src2, title: "Rapport Yak", publisher: "Fondation Yak", date: "2022-01-15", kind: "STUDY" },
    { id: src3, title: "Convention Alpha–Yak", date: "2019-05-20", kind: "OTHER" },
  );
  doc.alliances = doc.alliances.map((al: any) => (al.id === `${P}yak` ? { ...al, sourceIds: [src2] } : al));
  doc.memberships = doc.memberships.map((m: any) =>
    m.actorId === `${P}alpha` && m.allianceId === `${P}yak` ? { ...m, startDate: "2019-06-01", endDate: "2021-12-31", sourceIds: [src3] }
    : m.actorId === `${P}gamma` && m.allianceId === `${P}zeta` ? { ...m, endDate: "2022-06-30" }
    : m,
  );
  await loadDocument(suite.connection.executor, doc);
});

const text = async (format: ExportFormat, mode: GraphMode, scope: ExportScope = mine) =>
  exportText(await openExport(suite.connection.executor, format, scope, mode));

/** The text in a file of the test's folder: what the Python scripts read. */
function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const python = async (script: string, ...args: string[]) =>
  JSON.parse((await run("python3", [join(__dirname, "..", "python", script), ...args], { maxBuffer: 1 << 28 })).stdout);

interface NetworkxGraph {
  directed: boolean;
  graph: Record<string, string>;
  nodes: Record<string, Record<string, any>>;
  edges: [string, string, Record<string, any>][];
}
const networkx = (format: "gexf" | "graphml", path: string): Promise<NetworkxGraph> => python("read_graph.py", format, path);

describe("GEXF 1.3", () => {
  it.each(["bipartite", "projected"] as const)("is valid against the official RelaxNG grammar and XSD (%s)", async (mode) => {
    const path = file(`mine-${mode}.gexf`, await text(ExportFormat.GEXF, mode));
    expect(await python("validate_gexf.py", path)).toEqual({ rng: [], xsd: [] });
  });

  it("is a dynamic graph: alliances, memberships and actors start and end on their dates, open ends left out", async () => {
    const { graph, nodes, edges } = await networkx("gexf", file("dates.gexf", await text(ExportFormat.GEXF, "bipartite")));
    expect(graph.mode).toBe("dynamic");
    const interval = (data: Record<string, any>) => [data.start ?? null, data.end ?? null];
    expect(interval(nodes[alliance("yak")])).toEqual(["2019-05-01", "2021-12-31"]);
    expect(interval(nodes[alliance("xylo")])).toEqual(["2020-01-01", null]);
    expect(interval(nodes[alliance("zeta")])).toEqual([null, null]);
    // An actor appears with its first membership, and stays.
    expect(interval(nodes[actor("alpha")])).toEqual(["2019-06-01", null]);
    expect(interval(nodes[actor("delta")])).toEqual(["2020-01-01", null]);
    const edge = (id: string) => edges.find(([, , data]) => data.id === id)![2];
    expect(interval(edge(`membership:${P}yak/${P}alpha`))).toEqual(["2019-06-01", "2021-12-31"]);
    expect(interval(edge(`membership:${P}zeta/${P}gamma`))).toEqual(["2020-01-01", "2022-06-30"]);

    const projected = await networkx("gexf", file("dates-projected.gexf", await text(ExportFormat.GEXF, "projected")));
    const pair = (a: string, b: string) => projected.edges.find(([u, v]) => [u, v].sort().join() === [actor(a), actor(b)].join())![2];
    // Alpha and Beta: in Xylo from 2020-01-01 (open end), in Yak both from 2020-01-01 to 2021-12-31.
    expect(interval(pair("alpha", "beta"))).toEqual(["2020-01-01", null]);
    expect(interval(pair("delta", "gamma"))).toEqual(["2020-01-01", "2022-06-30"]);
  });

  it("colours nodes by kind with the explorer's palette and sizes them by degree", async () => {
    const { nodes } = await networkx("gexf", file("viz.gexf", await text(ExportFormat.GEXF, "bipartite")));
    const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
    const colour = (id: string) => ["r", "g", "b"].map((c) => Number(nodes[id].viz.color[c]));
    expect(colour(actor("alpha"))).toEqual(rgb(KIND_COLOURS.ASSOCIATION));
    expect(colour(actor("gamma"))).toEqual(rgb(KIND_COLOURS.LOCAL_AUTHORITY));
    expect(colour(alliance("yak"))).toEqual(rgb(KIND_COLOURS.PHILANTHROPY));
    expect(nodes[alliance("xylo")].viz.size).toBeCloseTo(sizeOfDegree(3), 5);
    expect(nodes[alliance("wolf")].viz.size).toBe(sizeOfDegree(1));
    expect([sizeOfDegree(0), sizeOfDegree(1), sizeOfDegree(3)]).toEqual([4, 8, 12]);
  });

  it("has a colour for every actor and alliance kind", () => {
    expect(Object.keys(KIND_COLOURS).sort()).toEqual([...Object.values(ActorKind), ...Object.values(AllianceKind)].sort());
    expect(new Set(Object.values(KIND_COLOURS)).size).toBe(Object.keys(KIND_COLOURS).length);
  });
});

describe("sources in the graph exports", () => {
  it("gives every node and edge the sorted ids of the sources it cites, as a GEXF list", async () => {
    const xml = await text(ExportFormat.GEXF, "bipartite");
    const back = parseGexf(Graph, xml);
    expect(back.getNodeAttribute(actor("alpha"), "sourceIds")).toEqual([src]);
    expect(back.getNodeAttribute(actor("gamma"), "sourceIds")).toEqual([]);
    expect(back.getNodeAttribute(alliance("yak"), "sourceIds")).toEqual([src2]);
    expect(back.getEdgeAttribute(`membership:${P}yak/${P}alpha`, "sourceIds")).toEqual([src3]);
    expect(back.getEdgeAttribute(`membership:${P}yak/${P}beta`, "sourceIds")).toEqual([src]);
    const { nodes } = await networkx("gexf", file("sources.gexf", xml));
    expect(JSON.parse(nodes[alliance("yak")].sourceIds)).toEqual([src2]);
  });

  it("gives a CO_CONSTRUCTS edge the sources of the shared alliances and of the pair's memberships there", async () => {
    const back = parseGexf(Graph, await text(ExportFormat.GEXF, "projected"));
    const pair = (a: string, b: string) => back.getEdgeAttributes(back.edge(actor(a), actor(b))!);
    expect(pair("alpha", "beta")).toMatchObject({ alliances: [`${P}xylo`, `${P}yak`], sourceIds: [src, src2, src3] });
    expect(pair("alpha", "gamma")).toMatchObject({ alliances: [`${P}xylo`], sourceIds: [src] });
    expect(pair("delta", "gamma")).toMatchObject({ alliances: [`${P}zeta`], sourceIds: [src] });
  });

  it("carries the scope's sources table in GEXF, GraphML and Cytoscape, and lists as JSON arrays outside GEXF", async () => {
    const table = [
      { id: src, title: "Étude de test", publisher: "Observatoire des partenariats", date: "2021-06-01", url: "https://example.org/etude", kind: "STUDY" },
      { id: src2, title: "Rapport Yak", publisher: "Fondation Yak", date: "2022-01-15", kind: "STUDY" },
      { id: src3, title: "Convention Alpha–Yak", date: "2019-05-20", kind: "OTHER" },
    ];
    const gexf = parseGexf(Graph, await text(ExportFormat.GEXF, "projected"));
    expect(JSON.parse(gexf.getAttribute("description"))).toEqual({ title: "Maillage: prefix-gexf-_projected", sources: table.map(expect.objectContaining) });

    const graphml = await text(ExportFormat.GRAPHML, "projected");
    const read = await networkx("graphml", file("sources.graphml", graphml));
    expect(JSON.parse(read.graph.sources)).toEqual(table.map(expect.objectContaining));
    const pair = read.edges.find(([u, v]) => [u, v].sort().join() === [actor("alpha"), actor("beta")].join())![2];
    expect([JSON.parse(pair.alliances), JSON.parse(pair.sourceIds)]).toEqual([[`${P}xylo`, `${P}yak`], [src, src2, src3]]);

    const elements = JSON.parse(await text(ExportFormat.CYTOSCAPE, "projected"));
    expect(elements.sources).toEqual(table.map(expect.objectContaining));
    const edge = elements.elements.edges.find((e: any) => e.data.id === `${actor("alpha")}|${actor("beta")}`);
    expect(edge.data).toMatchObject({ alliances: [`${P}xylo`, `${P}yak`], sourceIds: [src, src2, src3] });
  });
});

describe("sources, read with the pages", () => {
  it("reads a page of CO_CONSTRUCTS edges' sources in one query: no query per edge", async () => {
    const reads = new Map<string, number>();
    const executor = suite.connection.executor;
    const counting = new Proxy(executor, {
      get: (target, name) =>
        name === "read"
          ? (cypher: string, ...rest: any[]) => (reads.set(cypher, (reads.get(cypher) ?? 0) + 1), target.read(cypher, ...rest))
          : Reflect.get(target, name),
    }) as Executor;
    const doc = JSON.parse(await exportText(await openExport(counting, ExportFormat.CYTOSCAPE, mine, "projected", { pageSize: 1 })));
    expect(doc.elements.edges).toHaveLength(4);
    // A page of 1: five actor pages; pairs flushed after Alpha (2), Beta (1), Delta (1): three edge pages.
    expect([reads.get(GRAPH_ACTORS), reads.get(GRAPH_SHARED_SOURCES)]).toEqual([5, 3]);
  });

  it("keeps the GEXF well-formed, and its sources table readable, when a source's title holds characters XML forbids", async () => {
    const hostile = "Convention\u0001 </description>&\"<x>";
    await suite.connection.executor.write((tx) => tx.run("MATCH (s:Source {id: $id}) SET s.title = $title", { id: src3, title: hostile }));
    try {
      const xml = await text(ExportFormat.GEXF, "bipartite");
      expect(() => parseStrictXml(xml)).not.toThrow();
      const { sources } = JSON.parse(parseGexf(Graph, xml).getAttribute("description"));
      // JSON writes the control character as \u0001, which XML carries as is: the title comes back whole.
      expect(sources.find((row: any) => row.id === src3).title).toBe(hostile);
    } finally {
      await suite.connection.executor.write((tx) => tx.run("MATCH (s:Source {id: $id}) SET s.title = $title", { id: src3, title: "Convention Alpha–Yak" }));
    }
  });
});

describe("read back by other libraries, with the API's counts", () => {
  // A scope of the test database's generated graph (and our data): Val-de-Marne.
  const scope: ExportScope = { ...WHOLE_GRAPH, territoryId: "DEPARTEMENT:94" };
  let api: { actors: number; ties: number; alliances: number; memberships: number };

  beforeAll(async () => {
    const { networkAnalytics, alliances } = await suite.client.data(
      `query { networkAnalytics(filter: { territory: "DEPARTEMENT:94" }) { actorCount tieCount } alliances(filter: { territory: "DEPARTEMENT:94" }) { totalCount } }`,
    );
    let memberships = 0;
    for (let after: string | null = null; ; ) {
      const page: any = await suite.client.data(
        `query ($after: String) { alliances(filter: { territory: "DEPARTEMENT:94" }, first: 100, after: $after) {
          edges { node { members(first: 1) { totalCount } } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      memberships += page.alliances.edges.reduce((sum: number, e: any) => sum + e.node.members.totalCount, 0);
      if (!page.alliances.pageInfo.hasNextPage) break;
      after = page.alliances.pageInfo.endCursor;
    }
    api = { actors: networkAnalytics.actorCount, ties: networkAnalytics.tieCount, alliances: alliances.totalCount, memberships };
    expect(api.actors).toBeGreaterThan(3); // our Alpha, Beta, Gamma and the generated graph's
  });

  const expected = (mode: GraphMode) =>
    mode === "bipartite" ? [api.actors + api.alliances, api.memberships] : [api.actors, api.ties];

  it.each(["bipartite", "projected"] as const)("GEXF (%s): networkx, graphology-gexf, and both schemas", async (mode) => {
    const xml = await text(ExportFormat.GEXF, mode, scope);
    const path = file(`94-${mode}.gexf`, xml);
    const read = await networkx("gexf", path);
    expect([Object.keys(read.nodes).length, read.edges.length]).toEqual(expected(mode));
    expect(read.directed).toBe(mode === "bipartite");
    const back = parseGexf(Graph, xml);
    expect([back.order, back.size]).toEqual(expected(mode));
    expect(await python("validate_gexf.py", path)).toEqual({ rng: [], xsd: [] });
  });

  it.each(["bipartite", "projected"] as const)("GraphML (%s): networkx and graphology-graphml", async (mode) => {
    const xml = await text(ExportFormat.GRAPHML, mode, scope);
    const read = await networkx("graphml", file(`94-${mode}.graphml`, xml));
    expect([Object.keys(read.nodes).length, read.edges.length]).toEqual(expected(mode));
    const back = parseGraphml(Graph, xml);
    expect([back.order, back.size]).toEqual(expected(mode));
  });

  it.each(["bipartite", "projected"] as const)("Cytoscape (%s): cytoscape.js, headless", async (mode) => {
    const doc = JSON.parse(await text(ExportFormat.CYTOSCAPE, mode, scope));
    const cy = cytoscape({ headless: true, elements: doc.elements });
    expect([cy.nodes().length, cy.edges().length]).toEqual(expected(mode));
    expect(cy.getElementById(actor("alpha")).data("sourceIds")).toEqual([src]);
    cy.destroy();
  });
});

describe("the explorer's GEXF", () => {
  it("is the same writer's GEXF 1.3, with the drawing's colours, sizes and positions, valid against both schemas", async () => {
    // As explorer/graph.ts buildGraph draws a network: API attributes, layout and paint.
    const drawn = new Graph({ type: "undirected" });
    drawn.addNode("actor:le-rameau", {
      label: "Le RAMEAU", x: 1.5, y: -2.25, entityId: "le-rameau", kind: "ASSOCIATION", seed: true, distance: 0, degree: 1, weightedDegree: 2,
      community: 0, betweenness: 0, pageRank: 0.5, color: "#f28e2b", size: 20,
    });
    drawn.addNode("actor:journalistes", {
      label: "Journalistes", x: -3, y: 4, entityId: "journalistes", kind: "MEDIA", seed: false, distance: 1, degree: 1, weightedDegree: 2,
      community: null, betweenness: 0, pageRank: 0.5, color: "#bbbbbb", size: 4,
    });
    drawn.addEdge("actor:journalistes", "actor:le-rameau", { weight: 2, alliances: ["alliance-dialogue-avec-les-medias", "alliance-x"], size: 2 });
    const xml = explorerGexf(drawn, "maillage-le-rameau");
    expect(xml).toContain('<gexf version="1.3" xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz"');
    const path = file("explorer.gexf", xml);
    expect(await python("validate_gexf.py", path)).toEqual({ rng: [], xsd: [] });
    const { graph, nodes, edges } = await networkx("gexf", path);
    expect(graph.mode).toBe("static");
    expect(nodes["actor:le-rameau"]).toMatchObject({
      label: "Le RAMEAU", type: "Actor", entityId: "le-rameau", kind: "ASSOCIATION", seed: true, degree: 1,
      viz: { color: { r: 242, g: 142, b: 43, a: 1 }, size: 20, position: { x: 1.5, y: -2.25, z: 0 } },
    });
    expect(nodes["actor:journalistes"].viz.color).toEqual({ r: 187, g: 187, b: 187, a: 1 });
    expect(nodes["actor:journalistes"].community).toBeUndefined();
    expect(edges[0][2]).toMatchObject({ type: "CO_CONSTRUCTS", weight: 2, alliances: '["alliance-dialogue-avec-les-medias","alliance-x"]' });
    // networkx reads no edge viz: graphology-gexf does.
    const back = parseGexf(Graph, xml);
    expect(back.getEdgeAttributes(back.edges()[0])).toEqual({
      type: "CO_CONSTRUCTS", weight: 2, alliances: ["alliance-dialogue-avec-les-medias", "alliance-x"], thickness: 2,
    });
  });
});
