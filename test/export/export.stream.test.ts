import { once } from "node:events";
import { mkdtempSync, readFileSync } from "node:fs";
import { createWriteStream } from "node:fs";
import { IncomingMessage, ServerResponse } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Connection } from "../../src/neo4j/connect";
import { Executor, Params, Row, TxOptions } from "../../src/neo4j/executor";
import { loadDocument } from "../../src/seed/document";
import { GRAPH_ALLIANCES, GRAPH_MEMBERSHIPS } from "../../src/export/export.cypher";
import { ExportFormat } from "../../src/export/export.formats";
import { exportText, openExport, writeExport } from "../../src/export/export.service";
import { ExportScope, GraphMode, WHOLE_GRAPH } from "../../src/export/export.scope";
import { createServer, MaillageServer } from "../../src/server";
import { KEYS, testAuthConfig } from "../auth/auth-support";
import { deleteByPrefix, openTestDatabase } from "../support/database";
import { knownGraph } from "../support/known-graph";
import { named, parseStrictXml } from "./strict-xml";

// knownGraph plus Beta2 in Xylo: "beta" starts "beta2", so the pair keys "actor:…beta2|…" sort before "actor:…beta|…".
const P = "expstream-";
const mine: ExportScope = { ...WHOLE_GRAPH, idPrefix: P };
const CASES = [
  [ExportFormat.JSON, "bipartite"] as const,
  ...[ExportFormat.GEXF, ExportFormat.GRAPHML, ExportFormat.CYTOSCAPE].flatMap((f) => (["bipartite", "projected"] as GraphMode[]).map((m) => [f, m] as const)),
];
let connection: Connection;

beforeAll(async () => {
  connection = await openTestDatabase();
  await deleteByPrefix(connection, P);
  const doc = knownGraph(P);
  doc.actors = doc.actors.map(({ siren: _s, rna: _r, ...actor }: any) => actor);
  doc.actors.push({ id: `${P}beta2`, name: "Beta Deux", kind: "COMPANY" });
  doc.memberships.push({ actorId: `${P}beta2`, allianceId: `${P}xylo`, role: "PARTNER", startDate: "2020-06-01", sourceIds: [`${P}src`] });
  await loadDocument(connection.executor, doc);
});

afterAll(async () => {
  await deleteByPrefix(connection, P);
  await connection.close();
});

const text = (format: ExportFormat, mode: GraphMode, pageSize?: number) => openExport(connection.executor, format, mine, mode, { pageSize }).then(exportText);

describe("exports read a page at a time", () => {
  it.each(CASES)("writes %s (%s) identically with pages of 2 rows and of 1000", async (format, mode) => {
    const small = await text(format, mode, 2);
    expect(small).toBe(await text(format, mode));
    expect(small).toContain(`${P}beta2`);
  });

  it("writes projected edges in the order of their keys, even when one actor id starts another", async () => {
    const edges = named(parseStrictXml(await text(ExportFormat.GRAPHML, "projected", 2)), "edge").map((e) => e.attributes.id);
    expect(edges).toEqual([...edges].sort());
    expect(edges.filter((id) => id.includes("beta"))).toEqual([
      `actor:${P}alpha|actor:${P}beta`, `actor:${P}alpha|actor:${P}beta2`,
      `actor:${P}beta2|actor:${P}gamma`, `actor:${P}beta|actor:${P}beta2`, `actor:${P}beta|actor:${P}gamma`,
    ]);
  });

  it("writes a file through a stream as exportText has it", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "maillage-export-")), "out.gexf");
    await writeExport(await openExport(connection.executor, ExportFormat.GEXF, mine, "bipartite", { pageSize: 2 }), createWriteStream(path));
    expect(readFileSync(path, "utf8")).toBe(await text(ExportFormat.GEXF, "bipartite"));
  });
});

/**
 * An executor whose graph page reads after the actors (alliances, memberships) wait at a
 * turnstile: an export holds its slot, its body begun, until they are let through.
 */
class TurnstileExecutor extends Executor {
  held = 0;
  /** Alliance and membership page reads asked for. */
  reads = 0;
  /** The last read that waited, once let through. */
  lastHeld: Promise<Row[]> = Promise.resolve([]);
  private waiting: (() => void)[] = [];
  private closed = true;
  private onHeld: (() => void) | null = null;

  /** Resolves when a read is waiting at the turnstile. */
  someoneHeld(): Promise<void> {
    return this.held > 0 ? Promise.resolve() : new Promise((resolve) => (this.onHeld = resolve));
  }

  override forRequest(): Executor {
    return this;
  }

  override async read(cypher: string, params: Params = {}, options: TxOptions = {}): Promise<Row[]> {
    if (cypher !== GRAPH_ALLIANCES && cypher !== GRAPH_MEMBERSHIPS) return super.read(cypher, params, options);
    this.reads++;
    if (!this.closed) return super.read(cypher, params, options);
    this.held++;
    this.onHeld?.();
    await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.held--;
    this.lastHeld = super.read(cypher, params, options);
    return this.lastHeld;
  }

  /** Lets every waiting read through; with `open`, later ones too. */
  admit(open = false): void {
    this.closed = !open;
    this.waiting.splice(0).forEach((resolve) => resolve());
  }
}

describe("how many exports run at once", () => {
  let server: MaillageServer;
  let base: string;
  let executor: TurnstileExecutor;
  const responses: ServerResponse[] = [];

  beforeAll(async () => {
    executor = new TurnstileExecutor(connection.executor.driver, connection.executor.database);
    server = await createServer(executor, { auth: testAuthConfig(), maxConcurrentExports: 1 });
    server.httpServer.on("request", (_req: IncomingMessage, res: ServerResponse) => responses.push(res));
    base = `http://127.0.0.1:${await server.listen(0)}/export`;
  });

  afterAll(async () => {
    executor.admit(true);
    await server.stop();
    server.httpServer.close();
  });

  /** Waits until the server has closed every response so far, so their slots are free. */
  const allClosed = async () => {
    await Promise.all(responses.map((res) => (res.closed ? null : once(res, "close"))));
    await new Promise((resolve) => setImmediate(resolve));
  };
  const get = (path: string, signal?: AbortSignal) => fetch(`${base}/${path}`, { headers: { "x-api-key": KEYS.admin }, signal });

  it("answers one export too many 429 with Retry-After, in the export error shape, while another streams", async () => {
    executor.admit(false);
    const first = await get("gexf");
    expect(first.status).toBe(200);
    await executor.someoneHeld(); // the first export has sent its actors and waits for a page of alliances
    expect(executor.held).toBe(1);

    const refused = await get("graphml?mode=projected");
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("5");
    expect(await refused.json()).toEqual({ error: { code: "TOO_MANY_REQUESTS", message: expect.stringContaining("1 exports are running already (at most 1 at once)") } });

    executor.admit(true);
    const xml = parseStrictXml(await first.text());
    expect(named(xml, "node").filter((n) => n.attributes.id.includes(P))).toHaveLength(10);
    await allClosed();
    const after = await get(`cytoscape?mode=projected`);
    expect(after.status).toBe(200);
    expect(JSON.parse(await after.text()).elements.nodes.length).toBeGreaterThan(0);
  });

  it("stops reading, and frees its slot, when the client goes away", async () => {
    await allClosed();
    executor.admit(false);
    const controller = new AbortController();
    const served = responses.length;
    const first = await get("graphml", controller.signal);
    expect(first.status).toBe(200);
    await executor.someoneHeld();
    expect(executor.held).toBe(1);
    const readsBefore = executor.reads;
    controller.abort();
    await once(responses[served], "close");
    await new Promise((resolve) => setImmediate(resolve));
    // The slot is free as soon as the response closes, though the held read has not returned.
    const next = await get("json");
    expect(next.status).toBe(200);
    expect(JSON.parse(await next.text()).actors.length).toBeGreaterThan(0);
    // Let the abandoned export finish the read it was in: it asks for no further page.
    executor.admit(true);
    await executor.lastHeld;
    for (let turn = 0; turn < 5; turn++) await new Promise((resolve) => setImmediate(resolve));
    expect(executor.reads).toBe(readsBefore);
  });
});
