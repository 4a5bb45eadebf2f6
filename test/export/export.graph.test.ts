import Graph from "graphology";
import { parse as parseGexf } from "graphology-gexf";
import { parse as parseGraphml } from "graphology-graphml";
import { Connection } from "../../src/neo4j/connect";
import { loadDocument } from "../../src/seed/document";
import { exportGraph, ExportNode } from "../../src/export/export.graph";
import { ExportFormat } from "../../src/export/export.formats";
import { exportText, openExport } from "../../src/export/export.service";
import { ExportScope, GraphMode, WHOLE_GRAPH } from "../../src/export/export.scope";
import { deleteByPrefix, openTestDatabase } from "../support/database";
import { exportKnownGraph } from "./known-export-graph";
import { parseStrictXml } from "./strict-xml";

// knownGraph: Xylo (DEPARTEMENT:94) Alpha LEADER, Beta, Gamma; Yak (Créteil, 2019-05-01 → 2021-12-31)
// Alpha, Beta; Zeta (REGION:84) Gamma, Delta; Wolf (nowhere) Epsilon. Memberships start 2020-01-01.
const P = "exp-";
const actor = (name: string) => `actor:${P}${name}`;
const alliance = (name: string) => `alliance:${P}${name}`;
const mine: ExportScope = { ...WHOLE_GRAPH, idPrefix: P };
let connection: Connection;

beforeAll(async () => {
  connection = await openTestDatabase();
  await deleteByPrefix(connection, P);
  await loadDocument(connection.executor, exportKnownGraph(P, 1));
});

afterAll(async () => {
  await deleteByPrefix(connection, P);
  await connection.close();
});

const graph = (scope: Partial<ExportScope> = {}, mode: "bipartite" | "projected" = "bipartite") =>
  exportGraph(connection.executor, { ...mine, ...scope }, mode);
const text = async (format: ExportFormat, mode: GraphMode = "bipartite") => exportText(await openExport(connection.executor, format, mine, mode));
const sourceIds = [`${P}src`];

describe("exportGraph, bipartite", () => {
  it("has every actor and alliance, one MEMBER_OF edge per membership, with their attributes", async () => {
    const g = await graph();
    expect([g.order, g.size, g.type]).toEqual([9, 8, "directed"]);
    expect(g.getNodeAttributes(actor("alpha"))).toEqual({
      label: "Alpha Association", type: "Actor", entityId: `${P}alpha`, kind: "ASSOCIATION",
      territoryId: "COMMUNE:94028", territoryName: "Créteil", startDate: "2020-01-01", degree: 2, weightedDegree: 2, sourceIds,
    });
    expect(g.getNodeAttributes(alliance("yak"))).toEqual({
      label: "Yak alliance", type: "Alliance", entityId: `${P}yak`, kind: "PHILANTHROPY", status: "ENDED",
      territoryId: "COMMUNE:94028", territoryName: "Créteil", startDate: "2019-05-01", endDate: "2021-12-31", degree: 2, weightedDegree: 2, sourceIds,
    });
    expect(g.getNodeAttributes(alliance("wolf"))).toMatchObject({ degree: 1 });
    expect(g.getNodeAttribute(alliance("wolf"), "territoryId")).toBeUndefined();
    // Gamma cites no source: its list is empty, not missing.
    expect(g.getNodeAttribute(actor("gamma"), "sourceIds")).toEqual([]);
    const edge = g.edge(actor("gamma"), alliance("xylo"))!;
    expect(g.getEdgeAttributes(edge)).toEqual({ type: "MEMBER_OF", weight: 1, role: "FUNDER", startDate: "2020-01-01", sourceIds });
  });

  it("writes GEXF that parses back to the same nodes, edges and typed attributes, dates as the elements' intervals", async () => {
    const xml = await text(ExportFormat.GEXF);
    expect(() => parseStrictXml(xml)).not.toThrow();
    expect(xml).toContain('<attribute id="sourceIds" title="sourceIds" type="liststring"/>');
    expect(xml).toContain(`<node id="${alliance("yak")}" label="Yak alliance" start="2019-05-01" end="2021-12-31">`);
    const back = parseGexf(Graph, xml);
    expect([back.order, back.size]).toEqual([9, 8]);
    // graphology-gexf reads viz colour and size; start and end are not attributes.
    const { startDate: _s, ...alpha } = (await graph()).getNodeAttributes(actor("alpha"));
    expect(back.getNodeAttributes(actor("alpha"))).toEqual({ ...alpha, color: "rgb(242,142,43)", size: 4 + 4 * Math.log2(3) });
    const edge = back.edge(actor("gamma"), alliance("xylo"))!;
    expect(back.getEdgeAttributes(edge)).toEqual({ type: "MEMBER_OF", weight: 1, role: "FUNDER", sourceIds });
  });

  it("writes GraphML that parses back to the same nodes, edges and typed attributes, lists as JSON arrays", async () => {
    const g = await graph();
    const xml = await text(ExportFormat.GRAPHML);
    expect(() => parseStrictXml(xml)).not.toThrow();
    const back = parseGraphml(Graph, xml);
    expect([back.order, back.size]).toEqual([9, 8]);
    const json = (attributes: ExportNode) => ({ ...attributes, sourceIds: JSON.stringify(attributes.sourceIds) });
    expect(back.getNodeAttributes(actor("alpha"))).toEqual(json(g.getNodeAttributes(actor("alpha"))));
    expect(back.getNodeAttributes(alliance("yak"))).toEqual(json(g.getNodeAttributes(alliance("yak"))));
    const edge = back.edge(actor("gamma"), alliance("xylo"))!;
    expect(back.getEdgeAttributes(edge)).toEqual({ type: "MEMBER_OF", weight: 1, role: "FUNDER", startDate: "2020-01-01", sourceIds: JSON.stringify(sourceIds) });
  });

  it("writes Cytoscape.js elements with ids, sources and targets, lists as arrays", async () => {
    const { elements } = JSON.parse(await text(ExportFormat.CYTOSCAPE));
    expect(elements.nodes).toHaveLength(9);
    expect(elements.nodes[0]).toEqual({ data: expect.objectContaining({ id: actor("alpha"), label: "Alpha Association", type: "Actor", sourceIds }) });
    expect(elements.edges).toContainEqual({
      data: {
        id: `membership:${P}xylo/${P}gamma`, source: actor("gamma"), target: alliance("xylo"), type: "MEMBER_OF", weight: 1, role: "FUNDER",
        startDate: "2020-01-01", sourceIds,
      },
    });
  });
});

describe("exportGraph, projected", () => {
  it("links actors sharing alliances, weight = how many, with the alliances and the span", async () => {
    const g = await graph({}, "projected");
    expect([g.order, g.size, g.type]).toEqual([5, 4, "undirected"]);
    expect(g.mapEdges((key, attributes) => [key, attributes.weight, attributes.alliances])).toEqual([
      [`${actor("alpha")}|${actor("beta")}`, 2, [`${P}xylo`, `${P}yak`]],
      [`${actor("alpha")}|${actor("gamma")}`, 1, [`${P}xylo`]],
      [`${actor("beta")}|${actor("gamma")}`, 1, [`${P}xylo`]],
      [`${actor("delta")}|${actor("gamma")}`, 1, [`${P}zeta`]],
    ]);
    expect(g.getEdgeAttributes(`${actor("alpha")}|${actor("beta")}`)).toEqual({
      type: "CO_CONSTRUCTS", weight: 2, alliances: [`${P}xylo`, `${P}yak`], startDate: "2020-01-01", sourceIds,
    });
    expect(g.getNodeAttributes(actor("alpha"))).toMatchObject({ degree: 2, weightedDegree: 3 });
    expect(g.getNodeAttributes(actor("epsilon"))).toMatchObject({ degree: 0, weightedDegree: 0 });
    const xml = await text(ExportFormat.GEXF, "projected");
    expect(() => parseStrictXml(xml)).not.toThrow();
    const back = parseGexf(Graph, xml);
    expect([back.order, back.size]).toEqual([5, 4]);
    expect(back.getEdgeAttributes(back.edge(actor("alpha"), actor("beta"))!)).toMatchObject({ weight: 2, type: "CO_CONSTRUCTS", alliances: [`${P}xylo`, `${P}yak`] });
  });
});

describe("export scope", () => {
  it("keeps, for a territory, the alliances acting in it or inside it and their members", async () => {
    const g = await graph({ territoryId: "DEPARTEMENT:94" });
    expect(g.nodes().sort()).toEqual([actor("alpha"), actor("beta"), actor("gamma"), alliance("xylo"), alliance("yak")].sort());
    expect(g.size).toBe(5);
  });

  it("keeps, at a date, the alliances and memberships active then", async () => {
    const g = await graph({ at: "2022-06-01" });
    expect(g.hasNode(alliance("yak"))).toBe(false);
    expect(g.order).toBe(8);
    expect(g.size).toBe(6);
    const before = await graph({ at: "2019-06-01" });
    // Yak had started, Zeta and Wolf have no dates; but every membership starts in 2020.
    expect(before.nodes().sort()).toEqual([alliance("wolf"), alliance("yak"), alliance("zeta")]);
  });

  it("keeps, for a period, what overlaps it, and combines criteria", async () => {
    const g = await graph({ from: "2022-01-01" });
    expect(g.hasNode(alliance("yak"))).toBe(false);
    const both = await graph({ territoryId: "DEPARTEMENT:94", at: "2022-06-01" });
    expect(both.nodes().sort()).toEqual([actor("alpha"), actor("beta"), actor("gamma"), alliance("xylo")].sort());
  });

  it("keeps alliances of some kinds, or actors of some kinds and their alliances", async () => {
    const byAlliance = await graph({ allianceKinds: ["PHILANTHROPY" as any] });
    expect(byAlliance.nodes().sort()).toEqual([actor("alpha"), actor("beta"), alliance("yak")].sort());
    const byActor = await graph({ actorKinds: ["FOUNDATION" as any, "ACADEMIC" as any] });
    expect(byActor.nodes().sort()).toEqual([actor("delta"), actor("epsilon"), alliance("wolf"), alliance("zeta")].sort());
    expect(byActor.size).toBe(2);
  });
});
