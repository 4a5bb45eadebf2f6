import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { backup } from "../../src/backup/backup";
import { GraphChecksum, nodeDigest, relationshipDigest } from "../../src/backup/checksum";
import { BACKUP_FORMAT, BackupWriter } from "../../src/backup/format";
import { restore } from "../../src/backup/restore";
import { BackupNode, BackupRelationship } from "../../src/backup/scan";
import { graphStats } from "../../src/cli/stats";
import { loadConfig } from "../../src/config";
import { connect, Connection } from "../../src/neo4j/connect";
import { Executor } from "../../src/neo4j/executor";
import { DEMO_GRAPH } from "../../src/seed/seed";
import { loadDocument } from "../../src/seed/document";
import { deleteByPrefix, openTestDatabase } from "../support/database";
import { OwnNeo4j } from "../faults/own-neo4j";
import { runCli } from "../support/cli";

const PREFIX = "backuptest-";
const LONG = 600_000;

// Every Neo4j type a property can have, on a node and on a relationship.
const EXOTIC = `CREATE (o:Outcome {id: $id, title: 'Every type', big: 9007199254740993, bigs: [9007199254740993, -9007199254740993],
  ratio: 0.1, notANumber: sqrt(-1), infinite: exp(1000), flags: [true, false], empty: [],
  at: datetime('2021-10-31T02:30:00+01:00[Europe/Paris]'), offsetAt: datetime('2022-03-10T10:00:00.123456789-03:30'),
  local: localdatetime('2022-03-10T10:00:00'), clock: localtime('23:59:59.999999999'), zonedClock: time('08:00+02:00'),
  lasted: duration('P1Y2M3DT4.5S'), where: point({longitude: 2.35, latitude: 48.85}), where3d: point({x: 1.0, y: 2.0, z: 3.0}),
  days: [date('2022-03-10'), date('+12345-01-01')]})
WITH o MATCH (s:SDG {number: 1})
CREATE (o)-[:ADVANCES {since: date('2022-03-10'), weight: 2, share: 0.5}]->(s)`;

// A node's properties as Neo4j shows them (its own toString, independent of the backup's encoding), by key.
const SHOWN = `MATCH (n {id: $id})
RETURN [k IN keys(n) | [k, valueType(n[k]), CASE WHEN n[k] IS :: LIST<ANY> THEN [x IN n[k] | toString(x)] ELSE toString(n[k]) END]] AS props`;

async function shown(executor: Executor, id: string): Promise<Record<string, [string, unknown]>> {
  const [row] = await executor.read(SHOWN, { id });
  return Object.fromEntries((row?.props ?? []).map(([key, type, value]: [string, string, unknown]) => [key, [type, value]]));
}

const KNOWN_IDS = [
  "src-rameau-2022-faire-alliance",
  "le-rameau",
  "alliance-programme-recherche-empirique",
  "alliance-dialogue-avec-les-medias",
  "alliance-dialogue-avec-les-medias/le-rameau",
  "outcome-350-catalyseurs-territoriaux",
  `${PREFIX}exotic`,
];

describe("maillage backup / restore", () => {
  const source = openTestDatabase();
  const other = new OwnNeo4j(17717); // restored into: a Neo4j of this file's own
  let target: Connection;
  const dir = mkdtempSync(join(tmpdir(), "maillage-backup-"));
  const file = join(dir, "full.jsonl.gz");

  beforeAll(async () => {
    const { executor } = await source;
    await loadDocument(executor, DEMO_GRAPH);
    await executor.write((tx) => tx.run(EXOTIC, { id: `${PREFIX}exotic` }));
    await other.start();
    target = await connect({ ...loadConfig(), neo4jUri: other.uri });
  }, 180_000);

  afterAll(async () => {
    await deleteByPrefix(await source, PREFIX);
    await (await source).close();
    await target?.close();
    other.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it("round-trips the whole graph into an empty database: same counts, same checksum", async () => {
    const { executor } = await source;
    const made = await backup(executor, file, { attempts: 3 });
    expect(made.trailer.nodes).toBe(made.header.counts.totalNodes);
    expect(made.header.counts.nodes.Outcome).toBeGreaterThan(0);
    expect(made.header.migrations.map((m) => m.id)).toContain("001_constraints");

    const restored = await restore(target.executor, file, { replace: false, batchSize: 5_000 });
    expect(restored.sha256).toBe(made.trailer.sha256);
    expect(restored.nodes).toBe(made.trailer.nodes);
    expect(restored.relationships).toBe(made.trailer.relationships);
    expect(await graphStats(target.executor)).toEqual(await graphStats(executor));
  }, LONG);

  it("keeps every property's value and type: dates, zoned datetimes, lists, integers beyond 2^53, points, durations", async () => {
    const { executor } = await source;
    for (const id of KNOWN_IDS) expect([id, await shown(target.executor, id)]).toEqual([id, await shown(executor, id)]);

    const exotic = await shown(target.executor, `${PREFIX}exotic`);
    expect(exotic.big).toEqual(["INTEGER NOT NULL", "9007199254740993"]);
    expect(exotic.bigs).toEqual(["LIST<INTEGER NOT NULL> NOT NULL", ["9007199254740993", "-9007199254740993"]]);
    expect(exotic.at).toEqual(["ZONED DATETIME NOT NULL", "2021-10-31T02:30:00+01:00[Europe/Paris]"]);
    expect(exotic.offsetAt).toEqual(["ZONED DATETIME NOT NULL", "2022-03-10T10:00:00.123456789-03:30"]);
    expect(exotic.clock).toEqual(["LOCAL TIME NOT NULL", "23:59:59.999999999"]);
    expect(exotic.zonedClock).toEqual(["ZONED TIME NOT NULL", "08:00:00+02:00"]);
    expect(exotic.lasted).toEqual(["DURATION NOT NULL", "P1Y2M3DT4.5S"]);
    expect(exotic.where[0]).toBe("POINT NOT NULL");
    expect(exotic.where3d[1]).toBe(await shown(executor, `${PREFIX}exotic`).then((s) => s.where3d[1]));
    expect(exotic.notANumber).toEqual(["FLOAT NOT NULL", "NaN"]);
    expect(exotic.infinite).toEqual(["FLOAT NOT NULL", "Infinity"]);
    expect(exotic.days).toEqual(["LIST<DATE NOT NULL> NOT NULL", ["2022-03-10", "+12345-01-01"]]);
    expect(exotic.empty[1]).toEqual([]);

    const demo = await shown(target.executor, "alliance-programme-recherche-empirique");
    expect(demo.objectives).toEqual(["LIST<STRING NOT NULL> NOT NULL", ["PERFORMANCE_AND_ENGAGEMENT", "HYBRID_ECONOMIC_MODEL", "SOCIETAL_INNOVATION", "LOCAL_CO_CONSTRUCTION"]]);
    expect((await shown(target.executor, "src-rameau-2022-faire-alliance")).date).toEqual(["DATE NOT NULL", "2022-03-10"]);
    expect((await shown(target.executor, "alliance-dialogue-avec-les-medias")).startDate).toEqual(["DATE NOT NULL", "2022-03-28"]);
    expect((await shown(target.executor, "outcome-350-catalyseurs-territoriaux")).indicatorValue).toEqual(["FLOAT NOT NULL", "350.0"]);

    const [advances] = await target.executor.read(
      "MATCH ({id: $id})-[r:ADVANCES]->(s:SDG) RETURN s.number AS sdg, toString(r.since) AS since, valueType(r.weight) AS weight, r.share AS share",
      { id: `${PREFIX}exotic` },
    );
    expect(advances).toEqual({ sdg: 1, since: "2022-03-10", weight: "INTEGER NOT NULL", share: 0.5 });
  }, LONG);

  it("gives the same checksum to two backups of the same graph, whatever the order they were read in", async () => {
    // The restored copy is read in its own order (its element ids differ); the source has not changed since.
    const again = await backup(target.executor, join(dir, "again.jsonl.gz"), { attempts: 3 });
    expect(again.trailer.sha256).toBe(trailerOf(file).sha256);
  }, LONG);

  it("refuses a damaged file before touching the database", async () => {
    const damaged = join(dir, "damaged.jsonl.gz");
    const text = gunzipSync(readFileSync(file)).toString("utf8");
    expect(text).toContain('["name","STRING","Le RAMEAU"]');
    writeFileSync(damaged, gzipSync(text.replace('["name","STRING","Le RAMEAU"]', '["name","STRING","Le RAMEAV"]')));
    await expect(restore(target.executor, damaged, { replace: true, batchSize: 5_000 })).rejects.toThrow(
      /damaged\.jsonl\.gz is damaged: its content's checksum is [0-9a-f]{64}, its trailer says [0-9a-f]{64}\. Use an intact copy/,
    );

    const cut = join(dir, "cut.jsonl.gz");
    writeFileSync(cut, gzipSync(text.split("\n").slice(0, -2).join("\n")));
    await expect(restore(target.executor, cut, { replace: true, batchSize: 5_000 })).rejects.toThrow(/ends without its trailer: it was cut short/);

    const garbled = join(dir, "garbled.jsonl.gz");
    const bytes = readFileSync(file);
    bytes[Math.floor(bytes.length / 2)] ^= 0xff;
    writeFileSync(garbled, bytes);
    await expect(restore(target.executor, garbled, { replace: true, batchSize: 5_000 })).rejects.toThrow(/garbled\.jsonl\.gz( cannot be read| is damaged|, line \d+: )/);

    expect((await graphStats(target.executor)).nodes).toEqual((await graphStats((await source).executor)).nodes); // untouched
  }, LONG);

  it("refuses labels and relationship types the graph model does not know, naming them", async () => {
    const foreign = join(dir, "foreign.jsonl.gz");
    await writeBackup(
      foreign,
      [
        { n: 0, labels: ["Actor"], props: [["id", "STRING", `${PREFIX}a`]] },
        { n: 1, labels: ["Hacker"], props: [["id", "STRING", `${PREFIX}h`]] },
      ],
      [{ type: "PWNS", start: 1, end: 0, props: [] }],
    );
    await expect(restore(target.executor, foreign, { replace: true, batchSize: 5_000 })).rejects.toThrow(
      /the file holds labels "Hacker" and relationship types "PWNS", which this Maillage's graph model \(src\/neo4j\/graph-model.ts\) does not know; nothing was loaded/,
    );
    const [{ count }] = await target.executor.read("MATCH (n) WHERE n.id STARTS WITH $prefix RETURN count(n) AS count", { prefix: `${PREFIX}a` });
    expect(count).toBe(0);
  }, LONG);

  it("refuses a non-empty database unless --replace, and then replaces its content", async () => {
    const { executor } = await source;
    await expect(restore(executor, file, { replace: false, batchSize: 5_000 })).rejects.toThrow(/the database is not empty \(\d+ nodes\).*Pass --replace/);

    // Last of the tests on the full copy: the target is emptied (in batches of 7,000) and gets a two-node graph.
    const small = join(dir, "small.jsonl.gz");
    await writeBackup(
      small,
      [
        { n: 0, labels: ["Actor"], props: [["id", "STRING", `${PREFIX}actor`], ["since", "DATE", "2022-03-10"]] },
        { n: 1, labels: ["Territory"], props: [["id", "STRING", `${PREFIX}territory`], ["population", "INTEGER", "9007199254740993"]] },
      ],
      [{ type: "BASED_IN", start: 0, end: 1, props: [["primary", "BOOLEAN", true]] }],
    );
    const restored = await restore(target.executor, small, { replace: true, batchSize: 7_000 });
    expect(restored).toEqual({ nodes: 2, relationships: 1, sha256: trailerOf(small).sha256 });
    const stats = await graphStats(target.executor);
    expect(stats.nodes).toEqual({ Actor: 1, Territory: 1 }); // labels with no node are left out of the stats
    expect(stats.relationships).toEqual({ BASED_IN: 1 });
    expect(await shown(target.executor, `${PREFIX}territory`)).toEqual({ id: ["STRING NOT NULL", `${PREFIX}territory`], population: ["INTEGER NOT NULL", "9007199254740993"] });
  }, LONG);

  it("notices a write during the backup: retries, and gives up with what to do", async () => {
    const { executor } = await source;
    const writeOnce = (id: string) => {
      let wrote = false;
      return async (stage: string) => {
        if (wrote || !stage.startsWith("backup")) return;
        wrote = true;
        await executor.write((tx) => tx.run("CREATE (:Source {id: $id, title: 'written during a backup'})", { id }));
      };
    };
    const refused = join(dir, "refused.jsonl.gz");
    await expect(backup(executor, refused, { attempts: 1, progress: writeOnce(`${PREFIX}during-1`) })).rejects.toThrow(
      /the database changed during each of 1 scans .* Run the backup when nothing writes/,
    );
    expect(existsSync(refused) || existsSync(`${refused}.partial`)).toBe(false);

    const retried = await backup(executor, join(dir, "retried.jsonl.gz"), { attempts: 2, progress: writeOnce(`${PREFIX}during-2`) });
    expect(retried.attempts).toBe(2);
    const [{ sources }] = await executor.read("MATCH (s:Source) RETURN count(s) AS sources");
    expect(retried.header.counts.nodes.Source).toBe(sources);
  }, LONG);

  it("runs as `maillage backup` and `maillage restore`, whose errors say what to do", async () => {
    const out = join(dir, "cli.jsonl.gz");
    const made = await runCli(["backup", "--out", out, "--quiet"]);
    expect(made.code).toBe(0);
    expect(made.out).toContain(` relationships to ${out}\n`);
    expect(made.out).toMatch(/^Backed up \d+ nodes and \d+ relationships to .*\nsha256 [0-9a-f]{64}\n$/);
    await expect(runCli(["restore", "--from", out, "--quiet"])).rejects.toThrow(/the database is not empty .* Pass --replace/);
    await expect(runCli(["restore", "--from", join(dir, "missing.jsonl.gz")])).rejects.toThrow(/missing\.jsonl\.gz cannot be read: ENOENT/);
    expect((await runCli(["backup", "--help"])).out).toContain("--attempts <n>");
  }, LONG);
});

describe("backup checksum", () => {
  it("depends on the content, not on the order elements are read in", () => {
    const nodes = [nodeDigest(["Actor"], [["id", "STRING", "a"], ["n", "INTEGER", "1"]]), nodeDigest(["SDG"], [["number", "INTEGER", "1"]])];
    const relationship = relationshipDigest("BASED_IN", nodes[0], nodes[1], []);
    const one = new GraphChecksum();
    [nodes[0], nodes[1]].forEach((d) => one.addNode(d));
    one.addRelationship(relationship);
    const two = new GraphChecksum();
    [nodes[1], nodes[0]].forEach((d) => two.addNode(d));
    two.addRelationship(relationship);
    expect(two.hex()).toBe(one.hex());
    expect(nodeDigest(["Actor"], [["n", "INTEGER", "1"], ["id", "STRING", "a"]])).toEqual(nodes[0]); // key order
    expect(nodeDigest(["Actor"], [["n", "FLOAT", 1], ["id", "STRING", "a"]])).not.toEqual(nodes[0]); // 1 ≠ 1.0
    const three = new GraphChecksum();
    nodes.forEach((d) => three.addNode(d));
    expect(three.hex()).not.toBe(one.hex()); // the relationship counts
  });
});

const trailerOf = (path: string) => JSON.parse(gunzipSync(readFileSync(path)).toString("utf8").trim().split("\n").at(-1)!).trailer;

/** Writes a well-formed backup (right counts and checksum) holding these elements. */
async function writeBackup(path: string, nodes: BackupNode[], relationships: BackupRelationship[]): Promise<void> {
  const checksum = new GraphChecksum();
  const digests = nodes.map((node) => nodeDigest(node.labels, node.props));
  digests.forEach((digest) => checksum.addNode(digest));
  for (const r of relationships) checksum.addRelationship(relationshipDigest(r.type, digests[r.start], digests[r.end], r.props));
  const tally = (names: string[]) => names.reduce<Record<string, number>>((counts, name) => ({ ...counts, [name]: (counts[name] ?? 0) + 1 }), {});
  const counts = {
    nodes: tally(nodes.flatMap((node) => node.labels)),
    relationships: tally(relationships.map((r) => r.type)),
    totalNodes: nodes.length,
    totalRelationships: relationships.length,
  };
  const writer = new BackupWriter(path);
  await writer.write({ header: { format: BACKUP_FORMAT, maillageVersion: "0.1.0", neo4jVersion: "5.26", createdAt: new Date().toISOString(), counts, migrations: [] } });
  for (const node of nodes) await writer.write({ node });
  for (const relationship of relationships) await writer.write({ relationship });
  await writer.write({ trailer: { nodes: nodes.length, relationships: relationships.length, sha256: checksum.hex() } });
  await writer.close();
}

