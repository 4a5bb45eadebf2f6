import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Graph from "graphology";
import { parse as parseGexf } from "graphology-gexf";
import { loadDocument } from "../../src/seed/document";
import { KEYS, testAuthConfig } from "../auth/auth-support";
import { runCli } from "../support/cli";
import { deleteByPrefix } from "../support/database";
import { useHttpServers } from "../support/http-servers";
import { knownGraph } from "../support/known-graph";
import { pythonReadBack, rowsOf, unzipTables } from "./csv-read";

// knownGraph: PHILANTHROPY in Créteil (94028) is Yak (Alpha LEADER, Beta PARTNER, 2019-05-01 →
// 2021-12-31). Other files' data may match these scopes too, so assertions keep our ids.
const P = "expcsvhttp-";
const ours = (ids: string[]) => ids.filter((id) => id.includes(P)).sort();
const servers = useHttpServers((database) => deleteByPrefix(database, P));
const get = (url: string) => fetch(url, { headers: { "x-api-key": KEYS.admin } });
const YAK = "territory=94028&allianceKinds=PHILANTHROPY";
let base: string;
let dir: string;

beforeAll(async () => {
  const doc = knownGraph(P);
  // No SIREN or RNA: those are unique, and other files load the known graph with theirs.
  doc.actors = doc.actors.map(({ siren: _s, rna: _r, ...actor }: any) => actor);
  await loadDocument(servers.connection().executor, doc);
  base = `${await servers.start({ auth: testAuthConfig() })}/export`;
  dir = mkdtempSync(join(tmpdir(), "maillage-csv-"));
});

const zipOf = async (response: Response) => new Uint8Array(await response.arrayBuffer());

describe("GET /export/csv", () => {
  it("answers a zip attachment named after the scope, streamed, of the three tables", async () => {
    const response = await get(`${base}/csv?${YAK}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/zip");
    expect(response.headers.get("content-disposition")).toBe("attachment; filename=maillage-commune-94028_philanthropy.csv.zip");
    expect(response.headers.get("content-length")).toBeNull(); // sent a page at a time (chunked)
    const { names, text } = unzipTables(await zipOf(response));
    expect(names).toEqual(["nodes.csv", "edges.csv", "sources.csv"]);
    expect(ours(rowsOf(text["nodes.csv"]).map((n) => n.Id))).toEqual([`actor:${P}alpha`, `actor:${P}beta`, `alliance:${P}yak`]);
    expect(rowsOf(text["edges.csv"]).filter((e) => e.Id.includes(P)).map((e) => [e.Source, e.Target, e.Type, e.Label, e.role])).toEqual([
      [`actor:${P}alpha`, `alliance:${P}yak`, "Directed", "MEMBER_OF", "LEADER"],
      [`actor:${P}beta`, `alliance:${P}yak`, "Directed", "MEMBER_OF", "PARTNER"],
    ]);
    expect(ours(rowsOf(text["sources.csv"]).map((s) => s.id))).toEqual([`${P}src`]);
  });

  it("answers the projected graph with mode=projected", async () => {
    const response = await get(`${base}/csv?${YAK}&mode=projected`);
    expect(response.headers.get("content-disposition")).toContain("maillage-commune-94028_philanthropy_projected.csv.zip");
    const { text } = unzipTables(await zipOf(response));
    expect(rowsOf(text["edges.csv"]).filter((e) => e.Id.includes(P)).map((e) => [e.Source, e.Target, e.Type, e.Label, e.Weight])).toEqual([
      [`actor:${P}alpha`, `actor:${P}beta`, "Undirected", "CO_CONSTRUCTS", "1"],
    ]);
  });

  it.each(["bipartite", "projected"])("counts, %s, in DEPARTEMENT:94, the nodes and edges of the GEXF export, read back by networkx", async (mode) => {
    const query = `territory=DEPARTEMENT:94&mode=${mode}`;
    const path = join(dir, `94-${mode}.zip`);
    writeFileSync(path, await zipOf(await get(`${base}/csv?${query}`)));
    const python = pythonReadBack(path, P);
    const gexf = parseGexf(Graph, await (await get(`${base}/gexf?${query}`)).text());
    expect([python.nodes, python.edges]).toEqual([gexf.order, gexf.size]);
    expect(python.nodes).toBeGreaterThan(3);
    expect(Object.keys(python.ourNodes)).toEqual(ours(gexf.nodes()));
  });

  it.each([
    ["territory=99999", "territory"],
    ["at=2021-02-30", "at"],
    ["allianceKinds=PHILANTHROPY,NOPE", "allianceKinds"],
    ["mode=circular", "mode"],
    ["format=xlsx", "format"],
  ])("refuses %s with a 400 naming the parameter", async (query, field) => {
    const response = await get(`${base}/csv?${query}`);
    expect(response.status).toBe(400);
    expect(((await response.json()) as any).error).toEqual({ code: "BAD_USER_INPUT", field, message: expect.any(String) });
  });
});

describe("maillage export --format csv", () => {
  const args = ["export", "--format", "csv", "--territory", "94028", "--alliance-kinds", "PHILANTHROPY", "--quiet"];

  it("writes a zip with --out <name>.zip, and the same tables in a folder with any other --out", async () => {
    const zipPath = join(dir, "yak.zip");
    expect(await runCli([...args, "--out", zipPath])).toEqual({ out: "", code: 0 });
    const zipped = unzipTables(readFileSync(zipPath));
    expect(zipped.text).toEqual(unzipTables(await zipOf(await get(`${base}/csv?${YAK}`))).text);

    const folder = join(dir, "yak", "tables");
    expect(await runCli([...args, "--out", folder])).toEqual({ out: "", code: 0 });
    expect(readdirSync(folder).sort()).toEqual(["edges.csv", "nodes.csv", "sources.csv"]);
    for (const name of zipped.names) expect(readFileSync(join(folder, name), "utf8")).toBe(zipped.text[name]);

    // Python reads both the same way.
    const fromZip = pythonReadBack(zipPath, P);
    expect(pythonReadBack(folder, P)).toEqual({ ...fromZip, files: ["edges.csv", "nodes.csv", "sources.csv"] });
    expect(Object.keys(fromZip.ourNodes)).toEqual([`actor:${P}alpha`, `actor:${P}beta`, `alliance:${P}yak`]);
  });

  it("writes the projected tables with --mode projected", async () => {
    const folder = join(dir, "yak-projected");
    expect((await runCli([...args, "--mode", "projected", "--out", folder])).code).toBe(0);
    const edges = rowsOf(readFileSync(join(folder, "edges.csv"), "utf8")).filter((e) => e.Id.includes(P));
    expect(edges.map((e) => [e.Source, e.Target, e.Type, e.Weight])).toEqual([[`actor:${P}alpha`, `actor:${P}beta`, "Undirected", "1"]]);
  });

  it("refuses a bad option naming it, and writes nothing", async () => {
    const folder = join(dir, "refused");
    await expect(runCli([...args, "--at", "2021-02-30", "--out", folder])).rejects.toThrow(/^at: .*"2021-02-30"/);
    expect(readdirSync(dir)).not.toContain("refused");
  });

  it("refuses to write the zip on a terminal", async () => {
    const tty = process.stdout.isTTY;
    process.stdout.isTTY = true;
    try {
      await expect(runCli(args)).rejects.toThrow("--format csv writes a zip: give --out maillage.zip");
    } finally {
      process.stdout.isTTY = tty;
    }
  });
});
