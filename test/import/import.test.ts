import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Connection } from "../../src/neo4j/connect";
import { checkRows, DEFAULT_BATCH_SIZE, importFiles, importRows, writeBatch } from "../../src/import/importer";
import { readJsonRows } from "../../src/import/read-json";
import { UPSERT_BY_ENTITY } from "../../src/import/import.cypher";
import { openTestDatabase } from "../support/database";
import { deleteImported, snapshot } from "./import-support";
import { smallDocument } from "./fixture";
import { writeCsvFiles } from "./csv-files";

const PREFIX = "imp-";
let connection: Connection;
let dir: string;

/** Writes `doc` as a JSON file and imports it. */
async function importDoc(doc: object, options: Parameters<typeof importFiles>[2] = {}) {
  const file = join(dir, `doc-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(doc));
  return { file, result: await importFiles(connection.executor, [file], options) };
}

beforeAll(async () => {
  connection = await openTestDatabase();
  dir = mkdtempSync(join(tmpdir(), "maillage-import-"));
});
beforeEach(() => deleteImported(connection, PREFIX));
afterAll(async () => {
  await deleteImported(connection, PREFIX);
  await connection.close();
});

describe("import of a JSON document", () => {
  it("writes every row with the links the API makes", async () => {
    const { result } = await importDoc(smallDocument());
    expect(result.rejected).toEqual([]);
    expect(result.imported.actors).toEqual({ created: 3, updated: 0, unchanged: 0 });
    const graph = (await snapshot(connection, PREFIX)) as { id: string; props: any; links: string[] }[];
    const byId = Object.fromEntries(graph.map((node) => [node.id, node]));
    expect(byId["imp-ville"].links).toEqual(["BASED_IN->COMMUNE:94028", "CITES->imp-src", "HAS_MEMBERSHIP->imp-alliance-a/imp-ville"]);
    expect(byId["imp-ville"].props.nameKey).toBe("ville de creteil (test)");
    expect(byId["imp-alliance-a"].links).toEqual([
      "ACTS_IN->COMMUNE:94028", "CITES->imp-src", "CONTRIBUTES_TO->11", "CONTRIBUTES_TO->17", "PRODUCED->imp-outcome",
    ]);
    expect(byId["imp-alliance-a"].props.startDate).toBe("2023-01-01");
    expect(byId["imp-alliance-a/imp-ville"].links).toEqual(["CITES->imp-src", "IN_ALLIANCE->imp-alliance-a"]);
    expect(byId["imp-outcome"].links).toEqual(["ADVANCES->11", "BENEFITS->COMMUNE:94028", "BENEFITS->imp-asso", "CITES->imp-src"]);
    expect(byId["imp-outcome"].props).toMatchObject({ indicatorValue: 120, indicatorUnit: "personnes", indicatorMeasuredOn: "2023-12-31" });
    expect(byId["imp-maturity-creteil"].links).toEqual(["ASSESSES->COMMUNE:94028", "CITES->imp-src"]);
    expect(byId["imp-maturity-asso"].links).toEqual(["ASSESSES->imp-asso", "CITES->imp-src"]);
  });

  it("changes nothing, not even updatedAt, when the same file is imported again", async () => {
    await importDoc(smallDocument());
    const before = await snapshot(connection, PREFIX, true);
    const { result } = await importDoc(smallDocument());
    expect(Object.values(result.imported).every((c) => c.created === 0 && c.updated === 0)).toBe(true);
    expect(await snapshot(connection, PREFIX, true)).toEqual(before);
  });

  it("updates a changed row in place", async () => {
    await importDoc(smallDocument());
    const doc = smallDocument();
    doc.alliances[0] = { ...doc.alliances[0], name: "Créteil solidaire, phase 2", territories: ["DEPARTEMENT:94"], sdgs: [17] };
    const { result } = await importDoc(doc);
    expect(result.imported.alliances).toEqual({ created: 0, updated: 1, unchanged: 1 });
    const graph = (await snapshot(connection, PREFIX)) as { id: string; props: any; links: string[] }[];
    const alliance = graph.find((node) => node.id === "imp-alliance-a")!;
    expect(alliance.props).toMatchObject({ name: "Créteil solidaire, phase 2", nameKey: "creteil solidaire, phase 2" });
    expect(alliance.links).toEqual(["ACTS_IN->DEPARTEMENT:94", "CITES->imp-src", "CONTRIBUTES_TO->17", "PRODUCED->imp-outcome"]);
    expect(graph.filter((node) => node.id.startsWith("imp-alliance-a")).length).toBe(1 + 2); // the alliance and its two memberships
  });

  it("reports invalid rows with their JSON pointer, field and reason, and imports the rest", async () => {
    const doc = smallDocument() as any;
    doc.actors[1].siren = "123456789";
    doc.memberships[1].role = "BOSS";
    doc.alliances[1].startDate = "2020-02-30";
    const { result } = await importDoc(doc);
    expect(result.rejected.map(({ pointer, field, key }) => ({ pointer, field, key }))).toEqual([
      { pointer: "/actors/1/siren", field: "siren", key: "imp-entreprise" },
      { pointer: "/alliances/1/startDate", field: "startDate", key: "imp-alliance-b" },
      { pointer: "/memberships/1/role", field: "role", key: "imp-alliance-a/imp-asso" },
      // rows that need the rejected actor and alliance
      { pointer: "/memberships/2/actorId", field: "actorId", key: "imp-alliance-b/imp-entreprise" },
      { pointer: "/memberships/2/allianceId", field: "allianceId", key: "imp-alliance-b/imp-entreprise" },
      { pointer: "/memberships/3/allianceId", field: "allianceId", key: "imp-alliance-b/imp-asso" },
    ]);
    expect(result.rejected[0].reason).toBe('"123456789": the check digit is wrong (Luhn)');
    expect(result.rejected[1].reason).toBe('"2020-02-30": 30 February does not exist');
    expect(result.rejected[2].reason).toBe('"BOSS" is not one of LEADER, PARTNER, FUNDER, CATALYST, EVALUATOR, ACADEMIC_PARTNER');
    expect(result.rejected[3].reason).toMatch(/rejected/);
    expect(result.rowsRejected).toBe(5);
    const ids = ((await snapshot(connection, PREFIX)) as { id: string }[]).map((node) => node.id);
    expect(ids).toEqual(expect.arrayContaining(["imp-ville", "imp-asso", "imp-alliance-a", "imp-alliance-a/imp-ville", "imp-outcome"]));
    expect(ids).not.toContain("imp-entreprise");
    expect(ids).not.toContain("imp-alliance-b");
  });

  it("rejects a dangling reference and the rows that depend on it, not the file", async () => {
    const doc = smallDocument();
    doc.alliances[0].territories = ["99999"];
    const { result } = await importDoc(doc);
    expect(result.rejected.map((r) => [r.pointer, r.reason])).toEqual([
      ["/alliances/0/territories/0", 'no territory has the code or id "99999"'],
      ["/memberships/0/allianceId", expect.stringMatching(/no Alliance "imp-alliance-a": its row in this import was rejected/)],
      ["/memberships/1/allianceId", expect.stringMatching(/no Alliance/)],
      ["/outcomes/0/allianceId", expect.stringMatching(/no Alliance/)],
    ]);
    expect(result.imported.alliances.created).toBe(1);
    expect(result.imported.memberships.created).toBe(2);
    expect(result.imported.maturityAssessments.created).toBe(2);
  });

  it("cites --source for rows without sources and rejects facts that still cite none", async () => {
    await importDoc({ sources: smallDocument().sources });
    const doc = smallDocument() as any;
    delete doc.actors[0].sourceIds;
    doc.alliances[0].sourceIds = [];
    const { result } = await importDoc({ actors: [doc.actors[0]], alliances: [doc.alliances[0]] }, { defaultSourceId: "imp-src" });
    expect(result.rejected).toEqual([]);
    const graph = (await snapshot(connection, PREFIX)) as { id: string; links: string[] }[];
    expect(graph.find((n) => n.id === "imp-alliance-a")!.links).toContain("CITES->imp-src");
    const { result: without } = await importDoc({ alliances: [doc.alliances[0]] });
    expect(without.rejected.map((r) => [r.pointer, r.field])).toEqual([["/alliances/0/sourceIds", "sourceIds"]]);
  });
});

describe("import of CSV files", () => {
  it("gives the same graph as the JSON document with the same content", async () => {
    await importDoc(smallDocument());
    const fromJson = await snapshot(connection, PREFIX);
    await deleteImported(connection, PREFIX);
    const csvDir = mkdtempSync(join(dir, "csv-"));
    const result = await importFiles(connection.executor, writeCsvFiles(smallDocument() as any, csvDir));
    expect(result.rejected).toEqual([]);
    expect(await snapshot(connection, PREFIX)).toEqual(fromJson);
  });

  it("reports a bad row by file, line and field", async () => {
    const file = join(mkdtempSync(join(dir, "csv-")), "actors.csv");
    writeFileSync(file, "id,name,kind,sourceIds\nimp-ok,Acteur,ASSOCIATION,\nimp-bad,Acteur,UNKNOWN_KIND,\n");
    const result = await importFiles(connection.executor, [file]);
    expect(result.rejected).toEqual([
      expect.objectContaining({ file, line: 3, field: "kind", key: "imp-bad", reason: '"UNKNOWN_KIND" is not one of LOCAL_AUTHORITY, PUBLIC_INSTITUTION, COMPANY, ASSOCIATION, FOUNDATION, ACADEMIC, MEDIA, INTERMEDIARY' }),
    ]);
    expect(result.imported.actors.created).toBe(1);
  });
});

describe("batched writes", () => {
  it("writes the same graph in batches of 2", async () => {
    await importDoc(smallDocument());
    const whole = await snapshot(connection, PREFIX);
    await deleteImported(connection, PREFIX);
    await importDoc(smallDocument(), { batchSize: 2 });
    expect(await snapshot(connection, PREFIX)).toEqual(whole);
  });

  it("leaves complete batches only when stopped mid-way, and a re-run completes the import", async () => {
    await importDoc(smallDocument());
    const complete = await snapshot(connection, PREFIX);
    await deleteImported(connection, PREFIX);

    const rows = readJsonRows("doc.json", JSON.stringify(smallDocument()));
    const crash = (entity: string, batch: number) => {
      if (entity === "memberships" && batch === 1) throw new Error("simulated crash");
    };
    await expect(importRows(connection.executor, rows, { batchSize: 2, beforeBatch: crash })).rejects.toThrow("simulated crash");
    const partial = (await snapshot(connection, PREFIX)) as { id: string; labels: string[] }[];
    const memberships = partial.filter((node) => node.labels.includes("Membership")).map((node) => node.id);
    expect(memberships).toEqual(["imp-alliance-a/imp-asso", "imp-alliance-a/imp-ville"]); // the first batch, whole
    expect(partial.some((node) => node.labels.includes("Outcome"))).toBe(false);

    const rerun = await importRows(connection.executor, rows, { batchSize: 2 });
    expect(rerun.imported.memberships).toEqual({ created: 2, updated: 0, unchanged: 2 });
    expect(await snapshot(connection, PREFIX)).toEqual(complete);
  });

  it("writes a batch's statements in one transaction: a failure in its last statement leaves nothing of the batch", async () => {
    const doc = { sources: smallDocument().sources, actors: smallDocument().actors.slice(0, 2) };
    await importDoc(doc);
    const before = await snapshot(connection, PREFIX, true);
    // The two stored actors change name and territory, a third is new: the batch creates it, then updates the others.
    const changed = { ...doc, actors: [...doc.actors.map((a) => ({ ...a, name: `${a.name} bis`, basedIn: "DEPARTEMENT:94" })), smallDocument().actors[2]] };
    const rows = readJsonRows("doc.json", JSON.stringify(changed));
    const { accepted } = await checkRows(connection.executor.read.bind(connection.executor), rows);
    const statements: string[] = [];
    const failing = (tx: { run: (q: string, p?: Record<string, unknown>) => Promise<any[]> }) => async (cypher: string, params?: Record<string, unknown>) => {
      const upsert = UPSERT_BY_ENTITY.actors;
      statements.push(Object.keys(upsert).find((name) => upsert[name as keyof typeof upsert] === cypher)!);
      if (cypher === upsert.update) throw new Error("simulated failure");
      return tx.run(cypher, params);
    };
    const actors = accepted.filter((row) => row.row.entity === "actors");
    await expect(connection.executor.write((tx) => writeBatch({ run: failing(tx), history: tx.history }, "actors", actors, "IMPORT"))).rejects.toThrow("simulated failure");
    // It created the new actor, then failed on the update of the others: neither stayed.
    expect(statements).toEqual(["existing", "changes", "create", "update"]);
    expect(await snapshot(connection, PREFIX, true)).toEqual(before);

    const rerun = await importRows(connection.executor, rows);
    expect(rerun.imported.actors).toEqual({ created: 1, updated: 2, unchanged: 0 });
    const after = (await snapshot(connection, PREFIX)) as { id: string; props: any; links: string[] }[];
    expect(after.find((node) => node.id === "imp-ville")).toMatchObject({ props: { name: "Ville de Créteil (test) bis" }, links: ["BASED_IN->DEPARTEMENT:94", "CITES->imp-src"] });
    expect(after.map((node) => node.id)).toEqual(["imp-asso", "imp-entreprise", "imp-src", "imp-ville"]);
  });

  it("imports every entity in one batch at the default batch size, and a crash before a batch leaves the earlier ones whole", async () => {
    expect(DEFAULT_BATCH_SIZE).toBeGreaterThanOrEqual(1000);
    const rows = readJsonRows("doc.json", JSON.stringify(smallDocument()));
    const batches: string[] = [];
    const crash = (entity: string, batch: number) => {
      batches.push(`${entity}#${batch}`);
      if (entity === "outcomes") throw new Error("simulated crash");
    };
    await expect(importRows(connection.executor, rows, { beforeBatch: crash })).rejects.toThrow("simulated crash");
    expect(batches).toEqual(["sources#0", "actors#0", "alliances#0", "memberships#0", "outcomes#0"]);
    const partial = (await snapshot(connection, PREFIX)) as { id: string; labels: string[] }[];
    expect(partial.filter((node) => node.labels.includes("Membership")).length).toBe(4);
    expect(partial.some((node) => node.labels.includes("Outcome"))).toBe(false);
    const rerun = await importRows(connection.executor, rows);
    expect(rerun.imported.memberships).toEqual({ created: 0, updated: 0, unchanged: 4 });
    expect(rerun.imported.outcomes).toEqual({ created: 1, updated: 0, unchanged: 0 });
  });
});
