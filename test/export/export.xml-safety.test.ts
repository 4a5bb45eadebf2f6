import { Connection } from "../../src/neo4j/connect";
import { loadDocument } from "../../src/seed/document";
import { ExportFormat } from "../../src/export/export.formats";
import { exportText, openExport } from "../../src/export/export.service";
import { ExportScope, GraphMode, WHOLE_GRAPH } from "../../src/export/export.scope";
import { xmlText } from "../../src/export/xml-text";
import { KEYS, testAuthConfig } from "../auth/auth-support";
import { deleteByPrefix } from "../support/database";
import { useHttpServers } from "../support/http-servers";
import { knownGraph } from "../support/known-graph";
import { named, parseStrictXml } from "./strict-xml";

// Defect 3: names stored with characters XML 1.0 forbids (written with Cypher, as data stored
// before the validators refused them, or by another tool) must not break GEXF or GraphML.
const P = "expxml-";
const mine: ExportScope = { ...WHOLE_GRAPH, idPrefix: P };
const BAD_NAMES: Record<string, string> = {
  alpha: "Alpha\u0000nul",
  beta: "Beta\u0001\u0008\u000B\u000C\u001F",
  gamma: "Gamma\uFFFE\uFFFF",
  delta: "Delta\uD800lone",
};
const ALLIANCE_NAME = "Xylo\u001B\u007F\u0085";
const servers = useHttpServers((database) => deleteByPrefix(database, P));
let connection: Connection;
let base: string;
let counts: { actors: number; alliances: number; memberships: number; pairs: number };

beforeAll(async () => {
  connection = servers.connection();
  const doc = knownGraph(P);
  // No SIREN or RNA: those are unique, and other files load the known graph with theirs.
  doc.actors = doc.actors.map(({ siren: _s, rna: _r, ...actor }: any) => actor);
  await loadDocument(connection.executor, doc);
  await connection.executor.write(async (tx) => {
    for (const [name, value] of Object.entries(BAD_NAMES)) await tx.run("MATCH (a:Actor {id: $id}) SET a.name = $value", { id: P + name, value });
    await tx.run("MATCH (al:Alliance {id: $id}) SET al.name = $value", { id: `${P}xylo`, value: ALLIANCE_NAME });
  });
  const [row] = await connection.executor.read(
    `MATCH (a:Actor) WHERE a.id STARTS WITH $p WITH count(a) AS actors
     MATCH (al:Alliance) WHERE al.id STARTS WITH $p WITH actors, count(al) AS alliances
     MATCH (m:Membership) WHERE m.id STARTS WITH $p WITH actors, alliances, count(m) AS memberships
     OPTIONAL MATCH (a:Actor)-[:HAS_MEMBERSHIP]->(:Membership)-[:IN_ALLIANCE]->(al:Alliance)<-[:IN_ALLIANCE]-(:Membership)<-[:HAS_MEMBERSHIP]-(b:Actor)
     WHERE a.id STARTS WITH $p AND a.id < b.id
     RETURN actors, alliances, memberships, count(DISTINCT [a.id, b.id]) AS pairs`,
    { p: P },
  );
  counts = row as typeof counts;
  base = `${await servers.start({ auth: testAuthConfig() })}/export`;
});

const GRAPH_FORMATS = [ExportFormat.GEXF, ExportFormat.GRAPHML, ExportFormat.CYTOSCAPE];
const MODES: GraphMode[] = ["bipartite", "projected"];
const CASES = [[ExportFormat.JSON, "bipartite"] as const, ...GRAPH_FORMATS.flatMap((f) => MODES.map((m) => [f, m] as const))];

/** Node and edge ids of an export, whatever its format; throws if it is not well-formed. */
function elementsOf(format: ExportFormat, text: string): { nodes: string[]; edges: string[]; labels: Map<string, string> } {
  if (format === ExportFormat.CYTOSCAPE) {
    const { elements } = JSON.parse(text);
    return {
      nodes: elements.nodes.map((n: any) => n.data.id), edges: elements.edges.map((e: any) => e.data.id),
      labels: new Map(elements.nodes.map((n: any) => [n.data.id, n.data.label])),
    };
  }
  const xml = parseStrictXml(text);
  const nodes = named(xml, "node");
  const labels = new Map<string, string>();
  if (format === ExportFormat.GEXF) nodes.forEach((n) => labels.set(n.attributes.id, n.attributes.label));
  else {
    // GraphML: the label is the node's first <data> (key n_label), the element after the node.
    xml.forEach((e, i) => e.name === "node" && labels.set(e.attributes.id, xml[i + 1].text));
  }
  return { nodes: nodes.map((n) => n.attributes.id), edges: named(xml, "edge").map((e) => e.attributes.id), labels };
}

describe("exports of names with characters XML forbids", () => {
  it("makes the one XML escaping replace each forbidden character with U+FFFD and keep every allowed one", () => {
    expect(xmlText("a\u0000b\u0001\u001F\uFFFE\uFFFF\uD800\uDC00z")).toBe("a\uFFFDb\uFFFD\uFFFD\uFFFD\uFFFD\uD800\uDC00z");
    expect(xmlText("x\uDBFFy\uDC00")).toBe("x\uFFFDy\uFFFD");
    expect(xmlText(`<a href="x">&'\t\n\r é 🎉 \u0085 \uFFFD`)).toBe(`&lt;a href=&quot;x&quot;&gt;&amp;'&#x9;&#xA;&#xD; é 🎉 \u0085 \uFFFD`);
    expect(() => parseStrictXml(`<a b="${xmlText("\u0000\uFFFF\uD800")}">${xmlText("\u0001]]>")}</a>`)).not.toThrow();
  });

  it.each(CASES)("writes %s (%s) that a strict parser reads, with as many elements as the database holds", async (format, mode) => {
    const text = await exportText(await openExport(connection.executor, format, mine, mode));
    if (format === ExportFormat.JSON) {
      const doc = JSON.parse(text);
      expect([doc.actors.length, doc.alliances.length, doc.memberships.length]).toEqual([counts.actors, counts.alliances, counts.memberships]);
      expect(doc.actors.find((a: any) => a.id === `${P}alpha`).name).toBe(BAD_NAMES.alpha);
      return;
    }
    const { nodes, edges, labels } = elementsOf(format, text);
    expect(nodes).toHaveLength(mode === "projected" ? counts.actors : counts.actors + counts.alliances);
    expect(edges).toHaveLength(mode === "projected" ? counts.pairs : counts.memberships);
    if (format === ExportFormat.CYTOSCAPE) {
      expect(labels.get(`actor:${P}gamma`)).toBe(BAD_NAMES.gamma);
      return;
    }
    expect(labels.get(`actor:${P}alpha`)).toBe("Alpha\uFFFDnul");
    expect(labels.get(`actor:${P}beta`)).toBe("Beta\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD");
    expect(labels.get(`actor:${P}gamma`)).toBe("Gamma\uFFFD\uFFFD");
    // The driver sends a lone surrogate as U+FFFD (UTF-8 cannot carry it): stored so, written so.
    expect(labels.get(`actor:${P}delta`)).toBe("Delta\uFFFDlone");
    if (mode === "bipartite") expect(labels.get(`alliance:${P}xylo`)).toBe("Xylo\uFFFD\u007F\u0085");
  });

  it.each(CASES)("answers GET /export/%s (%s) of the whole graph as well-formed text holding our elements", async (format, mode) => {
    const response = await fetch(`${base}/${format}?mode=${mode}`, { headers: { "x-api-key": KEYS.admin } });
    expect(response.status).toBe(200);
    const text = await response.text();
    if (format === ExportFormat.JSON) {
      const doc = JSON.parse(text);
      expect(doc.actors.filter((a: any) => a.id.startsWith(P))).toHaveLength(counts.actors);
      return;
    }
    const { nodes, edges } = elementsOf(format, text);
    const ours = (ids: string[]) => ids.filter((id) => id.includes(P));
    expect(ours(nodes)).toHaveLength(mode === "projected" ? counts.actors : counts.actors + counts.alliances);
    expect(ours(edges)).toHaveLength(mode === "projected" ? counts.pairs : counts.memberships);
  });
});
