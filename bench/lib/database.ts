import "reflect-metadata";
import { existsSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { loadConfig } from "../../src/config";
import { connect, Connection } from "../../src/neo4j/connect";
import { isListening } from "../../src/neo4j/embedded";
import { migrate } from "../../src/neo4j/migrate";
import { readGeography } from "../../src/seed/geography";
import { seedTerritories } from "../../src/seed/territory.seed";
import { seedSdgs } from "../../src/seed/sdg.seed";
import { generateDocument } from "../../src/generate/generate";
import { importFiles } from "../../src/import/importer";

export const BENCH_DIR = join(__dirname, "..");
export const DATA_DIR = join(BENCH_DIR, ".data");
export const SIZES: Record<string, number> = { "1k": 1_000, "10k": 10_000, "100k": 100_000, "1M": 1_000_000 };
export const BENCH_SEED = "maillage-bench";
const SECTIONS = ["sources", "actors", "alliances", "memberships", "outcomes", "maturityAssessments"];

export interface BenchDatabase {
  uri: string;
  port: number;
  dataDir: string;
  /** True when this run started Neo4j (and so must stop it). */
  startedHere: boolean;
  stop(): void;
}

const REPO = join(BENCH_DIR, "..");

/** Starts the embedded Neo4j on a dedicated port and data dir (one per size, so the imported graph is reused). */
export async function startDatabase(size: string, port: number, log: (m: string) => void): Promise<BenchDatabase> {
  if (port === 7687) throw new Error("the bench never uses the shared dev instance on 7687; pick another --port");
  const dataDir = join(DATA_DIR, `neo4j-${size}`);
  mkdirSync(dataDir, { recursive: true });
  const env = { ...process.env, NEO4J_BOLT_PORT: String(port), NEO4J_DATA_DIR: dataDir, NEO4J_HEAP: process.env.NEO4J_HEAP ?? "1g" };
  const already = await isListening("127.0.0.1", port);
  if (already) log(`Neo4j already answers on 127.0.0.1:${port}: using it, and leaving it running afterwards`);
  else {
    log(`Starting Neo4j on 127.0.0.1:${port} (data ${dataDir})`);
    const started = spawnSync("bash", [join(REPO, "scripts", "db-start.sh")], { env, stdio: ["ignore", "ignore", "inherit"] });
    if (started.status !== 0) throw new Error("Neo4j did not start; see " + join(dataDir, "launcher.log"));
  }
  let stopped = false;
  return {
    uri: `bolt://127.0.0.1:${port}`,
    port,
    dataDir,
    startedHere: !already,
    stop() {
      if (already || stopped) return;
      stopped = true;
      log("Stopping the bench Neo4j");
      spawnSync("bash", [join(REPO, "scripts", "db-stop.sh")], { env, stdio: ["ignore", "ignore", "inherit"] });
    },
  };
}

export async function openConnection(uri: string): Promise<Connection> {
  return connect(loadConfig({ ...process.env, NEO4J_URI: uri, NEO4J_TX_TIMEOUT_MS: "60000" }));
}

/** Migrates, seeds territories and SDGs, generates (cached) and imports the graph of `size` actors unless already there. */
export async function prepareGraph(connection: Connection, size: string, log: (m: string) => void): Promise<{ generatedFiles: string[]; loadMs: number }> {
  const actors = SIZES[size];
  if (!actors) throw new Error(`unknown size ${size}; one of ${Object.keys(SIZES).join(", ")}`);
  const started = Date.now();
  const ex = connection.executor;
  await prepareBase(connection, log);
  const generatedFiles = generatedDocument(size, log);
  const [{ present }] = await ex.read("MATCH (a:Actor) WHERE a.id STARTS WITH 'gen-actor-' RETURN count(a) AS present");
  if (present !== actors) {
    log(`Importing ${generatedFiles.length} file(s) (${present} of ${actors} actors present)…`);
    const result = await importFiles(ex, generatedFiles, { batchSize: 1000 });
    log(`Imported ${result.rowsRead} rows in ${(result.ms / 1000).toFixed(1)} s, ${result.rowsRejected} rejected`);
  }
  return { generatedFiles, loadMs: Date.now() - started };
}

/** What every bench graph starts from: migrations, all territories of France, the SDGs. */
export async function prepareBase(connection: Connection, log: (m: string) => void): Promise<void> {
  const ex = connection.executor;
  await migrate(ex);
  const [{ territories }] = await ex.read("MATCH (t:Territory) RETURN count(t) AS territories");
  if (territories < 30_000) {
    log("Seeding territories (all of France) and SDGs…");
    await seedTerritories(ex, readGeography());
  }
  await seedSdgs(ex);
}

/** The generated import document of `size` actors (bench/.data, generated once): its file(s). */
export function generatedDocument(size: string, log: (m: string) => void): string[] {
  const actors = SIZES[size];
  if (!actors) throw new Error(`unknown size ${size}; one of ${Object.keys(SIZES).join(", ")}`);
  mkdirSync(DATA_DIR, { recursive: true });
  // From 500k actors one file per section: a single JSON text would pass V8's ~512 MB string limit.
  const split = actors >= 500_000;
  const base = join(DATA_DIR, `gen-${size}-${BENCH_SEED}`);
  const generatedFiles = split ? SECTIONS.map((section) => `${base}.${section}.json`) : [`${base}.json`];
  if (!generatedFiles.every((f) => existsSync(f) && statSync(f).size > 0)) {
    log(`Generating ${actors} actors → ${generatedFiles.join(", ")}`);
    const doc: Record<string, unknown[]> = generateDocument({ actors, seed: BENCH_SEED, prefix: "gen-" });
    if (split) for (const section of SECTIONS) writeFileSync(`${base}.${section}.json`, JSON.stringify({ [section]: doc[section] }));
    else writeFileSync(generatedFiles[0], JSON.stringify(doc));
  }
  return generatedFiles;
}
