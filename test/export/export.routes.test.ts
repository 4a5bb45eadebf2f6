import { ExportFormat } from "../../src/export/export.formats";
import Graph from "graphology";
import neo4j from "neo4j-driver";
import { parse as parseGexf } from "graphology-gexf";
import { parse as parseGraphml } from "graphology-graphml";
import { Connection } from "../../src/neo4j/connect";
import { Executor } from "../../src/neo4j/executor";
import { loadDocument } from "../../src/seed/document";
import { KEYS, testAuthConfig } from "../auth/auth-support";

/** Exports are for admins: every request here carries the admin key. */
const get = (url: string) => fetch(url, { headers: { "x-api-key": KEYS.admin } });
import { deleteByPrefix } from "../support/database";
import { createServer } from "../../src/server";
import { useHttpServers } from "../support/http-servers";
import { exportKnownGraph } from "./known-export-graph";
import { parseStrictXml } from "./strict-xml";

// knownGraph: PHILANTHROPY in Créteil is Yak (Alpha, Beta); RESEARCH_PARTNERSHIP in REGION:84 is
// Zeta (Gamma, Delta). Other files' data may match these scopes too, so assertions keep our ids.
const P = "exphttp-";
const ours = (ids: string[]) => ids.filter((id) => id.includes(P)).sort();
const servers = useHttpServers((database) => deleteByPrefix(database, P));
let connection: Connection;
let base: string;

beforeAll(async () => {
  connection = servers.connection();
  await loadDocument(connection.executor, exportKnownGraph(P, 2));
  base = `${await servers.start({ auth: testAuthConfig() })}/export`;
});

const YAK = "territory=94028&allianceKinds=PHILANTHROPY";

describe("GET /export/<format>", () => {
  it("answers GEXF as an attachment named after the scope", async () => {
    const response = await get(`${base}/gexf?${YAK}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/gexf\+xml/);
    expect(response.headers.get("content-disposition")).toBe("attachment; filename=maillage-commune-94028_philanthropy.gexf");
    const xml = await response.text();
    expect(() => parseStrictXml(xml)).not.toThrow();
    const graph = parseGexf(Graph, xml);
    expect(ours(graph.nodes())).toEqual([`actor:${P}alpha`, `actor:${P}beta`, `alliance:${P}yak`]);
  });

  it("answers GraphML, and a projected graph with mode=projected", async () => {
    const response = await get(`${base}/graphml?territory=REGION:84&allianceKinds=RESEARCH_PARTNERSHIP&mode=projected`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/graphml\+xml/);
    expect(response.headers.get("content-disposition")).toContain("maillage-region-84_research_partnership_projected.graphml");
    const xml = await response.text();
    expect(() => parseStrictXml(xml)).not.toThrow();
    const graph = parseGraphml(Graph, xml);
    const edges = graph.edges().filter((e) => e.includes(P));
    expect(edges.map((e) => [graph.source(e), graph.target(e), graph.getEdgeAttribute(e, "weight")])).toEqual([
      [`actor:${P}delta`, `actor:${P}gamma`, 1],
    ]);
  });

  it("answers Cytoscape.js elements and the JSON document", async () => {
    const cytoscape = await get(`${base}/cytoscape?${YAK}&at=2021-06-01`);
    expect(cytoscape.headers.get("content-type")).toMatch(/^application\/json/);
    expect(cytoscape.headers.get("content-disposition")).toContain(".cytoscape.json");
    const { elements } = (await cytoscape.json()) as any;
    expect(ours(elements.nodes.map((n: any) => n.data.id))).toEqual([`actor:${P}alpha`, `actor:${P}beta`, `alliance:${P}yak`]);
    expect(ours(elements.edges.map((e: any) => e.data.id))).toHaveLength(2);

    const json = await get(`${base}/json?${YAK}`);
    expect(json.headers.get("content-type")).toMatch(/^application\/json/);
    expect(json.headers.get("content-disposition")).toBe("attachment; filename=maillage-commune-94028_philanthropy.json");
    const doc = (await json.json()) as any;
    expect(ours(doc.alliances.map((a: any) => a.id))).toEqual([`${P}yak`]);
    expect(ours(doc.outcomes.map((o: any) => o.id))).toEqual([`${P}oy1`]);
    expect(doc.maturityAssessments.filter((m: any) => m.id.includes(P))).toEqual([]);
  });

  it.each([
    ["territory=99999", "territory"],
    ["territory=11", "territory"],
    ["at=2021-02-30", "at"],
    ["from=yesterday", "from"],
    ["from=2022-01-01&to=2021-01-01", "to"],
    ["allianceKinds=PHILANTHROPY,NOPE", "allianceKinds"],
    ["actorKinds=ALIEN", "actorKinds"],
    ["mode=circular", "mode"],
    ["at=2021-01-01&at=2022-01-01", "at"],
    ["territorry=94", "territorry"],
  ])("refuses %s with a 400 naming the parameter", async (query, field) => {
    const response = await get(`${base}/gexf?${query}`);
    expect(response.status).toBe(400);
    const body = (await response.json()) as any;
    // territory=11 is région 11 and département 11: the answer lists both (test/territory/ambiguous.test.ts)
    const candidates = query === "territory=11" ? { candidates: [{ id: "DEPARTEMENT:11", name: "Aude" }, { id: "REGION:11", name: "Île-de-France" }] } : {};
    expect(body.error).toEqual({ code: "BAD_USER_INPUT", field, message: expect.any(String), ...candidates });
  });

  it("takes an empty parameter as no criterion", async () => {
    expect((await get(`${base}/cytoscape?${YAK}&actorKinds=&at=`)).status).toBe(200);
  });

  // Every format reads the scope and its first page before the headers: none sends a byte, even a zip's.
  it.each(Object.values(ExportFormat))("answers 503 to /export/%s when Neo4j is unreachable", async (format) => {
    const driver = neo4j.driver("bolt://127.0.0.1:9", neo4j.auth.basic("neo4j", "password"), { maxTransactionRetryTime: 0, connectionTimeout: 1000 });
    const down = await createServer(new Executor(driver, undefined), { auth: testAuthConfig() });
    try {
      const port = await down.listen(0);
      const response = await get(`http://127.0.0.1:${port}/export/${format}`);
      expect(response.status).toBe(503);
      expect(((await response.json()) as any).error.code).toBe("SERVICE_UNAVAILABLE");
    } finally {
      await down.stop();
      down.httpServer.close();
      await driver.close();
    }
  });
});

describe("who may export", () => {
  it("answers 401 without a key and 403 to a reader", async () => {
    expect((await fetch(`${base}/json`)).status).toBe(401);
    expect((await fetch(`${base}/json`, { headers: { "x-api-key": KEYS.reader } })).status).toBe(403);
  });
});
