import { spawn } from "node:child_process";
import { join } from "node:path";
import { loadAuthConfig } from "../../src/auth/auth.config";
import { PROJECT_ROOT } from "../../src/common/paths";
import { loadConfig } from "../../src/config";
import { connect, Connection } from "../../src/neo4j/connect";
import { migrate } from "../../src/neo4j/migrate";
import { readGeography } from "../../src/seed/geography";
import { seedTerritories } from "../../src/seed/territory.seed";
import { createServer, MaillageServer } from "../../src/server";
import { OwnNeo4j, sleep } from "./own-neo4j";

/**
 * Database faults (issue "Hardening" §5): Neo4j is SIGKILLed in the middle of a stream of
 * writes. While it is down requests fail fast with SERVICE_UNAVAILABLE; once it is back
 * the same API process serves again, and every write it acknowledged is there, once, with
 * exactly one entry in the change log.
 */
const PORT = 17699;
const WRITES = 60;
const WORKERS = 3;
const KILL_AFTER = 15; // acknowledged writes before the kill
const DOWN_FOR_MS = 3_000; // keep sending this long before restarting Neo4j
const FAIL_FAST_MS = 3_000;
const STREAM_DEADLINE_MS = 240_000; // a write still not acknowledged by then fails the test
const EDITOR_KEY = "faults-editor-key-0123456789";

const db = new OwnNeo4j(PORT);
let connection: Connection;
let server: MaillageServer;
let base: string;

beforeAll(async () => {
  await db.start();
  connection = await connect(loadConfig({ ...process.env, NEO4J_URI: db.uri }));
  await migrate(connection.executor);
  // A little geography, so that `isSeeded` holds when main.js starts on this database below.
  await seedTerritories(connection.executor, readGeography({ departements: ["94"] }));
  server = await createServer(connection.executor, { auth: loadAuthConfig({ MAILLAGE_API_KEYS: `editor:${EDITOR_KEY}` }) });
  base = `http://127.0.0.1:${await server.listen(0)}`;
}, 240_000);

afterAll(async () => {
  await server?.stop();
  await connection?.close();
  db.destroy();
}, 120_000);

interface Attempt {
  id: string;
  at: number;
  ms: number;
  status: number;
  code?: string;
  acknowledged: boolean;
  errors?: unknown;
}

const CREATE_ACTOR = `mutation ($input: ActorInput!) { createActor(input: $input) { id } }`;

async function createActor(id: string): Promise<Attempt> {
  const at = Date.now();
  const response = await fetch(`${base}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-api-key": EDITOR_KEY },
    body: JSON.stringify({ query: CREATE_ACTOR, variables: { input: { id, name: `Acteur ${id}`, kind: "ASSOCIATION" } } }),
  });
  const body = (await response.json()) as any;
  return {
    id,
    at,
    ms: Date.now() - at,
    status: response.status,
    code: body.errors?.[0]?.extensions?.code,
    acknowledged: response.status === 200 && body.data?.createActor?.id === id && !body.errors,
    errors: body.errors,
  };
}

async function readyzStatus(): Promise<number> {
  return (await fetch(`${base}/readyz`)).status;
}

describe("Neo4j killed mid-stream", () => {
  it("fails fast while down, recovers by itself, and keeps every acknowledged write exactly once", async () => {
    const attempts: Attempt[] = [];
    const acknowledged = new Set<string>();
    const queue = Array.from({ length: WRITES }, (_, i) => `kill-${i + 1}`);

    // Each worker takes the next id and retries it until the API acknowledges it; only
    // SERVICE_UNAVAILABLE is worth retrying, anything else stops the stream at once.
    const deadline = Date.now() + STREAM_DEADLINE_MS;
    const worker = async () => {
      for (let id = queue.shift(); id; id = queue.shift()) {
        for (;;) {
          const attempt = await createActor(id);
          attempts.push(attempt);
          if (attempt.acknowledged) {
            acknowledged.add(id);
            break;
          }
          if (attempt.code !== "SERVICE_UNAVAILABLE" || Date.now() > deadline) {
            throw new Error(`write ${id} not acknowledged: HTTP ${attempt.status} ${JSON.stringify(attempt.errors)}`);
          }
          await sleep(100);
        }
        await sleep(20);
      }
    };

    const chaos = async () => {
      while (acknowledged.size < KILL_AFTER) await sleep(10);
      await db.kill();
      const killedAt = Date.now();
      await sleep(500);
      const readyWhileDown = await readyzStatus();
      await sleep(DOWN_FOR_MS);
      const restartAt = Date.now();
      await db.start();
      const backAt = Date.now();
      const readyAfter = await readyzStatus();
      return { killedAt, restartAt, backAt, readyWhileDown, readyAfter };
    };

    const [timeline] = await Promise.all([chaos(), ...Array.from({ length: WORKERS }, worker)]);

    // While down: only SERVICE_UNAVAILABLE, as HTTP 503, each within a few seconds.
    const failures = attempts.filter((a) => !a.acknowledged);
    expect(failures.length).toBeGreaterThan(0);
    for (const failure of failures) {
      expect({ id: failure.id, status: failure.status, code: failure.code }).toEqual({ id: failure.id, status: 503, code: "SERVICE_UNAVAILABLE" });
      expect(failure.ms).toBeLessThan(FAIL_FAST_MS);
    }
    expect(timeline.readyWhileDown).toBe(503);
    expect(timeline.readyAfter).toBe(200);

    // Every write was acknowledged in the end, and each acknowledged actor exists exactly once.
    expect(acknowledged.size).toBe(WRITES);
    const rows = await connection.executor.read(
      "MATCH (a:Actor) WHERE a.id STARTS WITH 'kill-' RETURN a.id AS id, count(*) AS copies",
    );
    const copies = new Map(rows.map((row) => [row.id as string, row.copies as number]));
    for (const id of acknowledged) expect({ id, copies: copies.get(id) }).toEqual({ id, copies: 1 });
    expect(copies.size).toBe(WRITES);

    // The change log survived with them, written by the same transactions: exactly one entry per
    // acknowledged write (a retried write whose first try had committed finds nothing to change),
    // each with a seq of its own, and none for a write that did not commit.
    const logged = await connection.executor.read(
      "MATCH (c:Change) WHERE c.entityId STARTS WITH 'kill-' RETURN c.entityId AS id, collect(c.op) AS ops, collect(c.seq) AS seqs",
    );
    const entries = new Map(logged.map((row) => [row.id as string, row.ops as string[]]));
    for (const id of acknowledged) expect({ id, ops: entries.get(id) }).toEqual({ id, ops: ["CREATED"] });
    expect(entries.size).toBe(WRITES);
    expect(new Set(logged.flatMap((row) => row.seqs)).size).toBe(WRITES);
    const [clock] = await connection.executor.read("MATCH (c:HistoryClock) RETURN c.seq AS seq");
    expect(clock.seq).toBeGreaterThanOrEqual(WRITES);

    const firstAckAfterRestart = Math.min(...attempts.filter((a) => a.acknowledged && a.at >= timeline.restartAt).map((a) => a.at + a.ms));
    const firstSentAfterBack = attempts.find((a) => a.at >= timeline.backAt);
    const summary = {
      attempts: attempts.length,
      failures: failures.length,
      failMsMax: Math.max(...failures.map((f) => f.ms)),
      failMsMedian: failures.map((f) => f.ms).sort((a, b) => a - b)[Math.floor(failures.length / 2)],
      neo4jRestartMs: timeline.backAt - timeline.restartAt,
      firstAckAfterNeo4jBackMs: firstAckAfterRestart - timeline.backAt,
      firstRequestAfterBack: firstSentAfterBack && { ms: firstSentAfterBack.ms, status: firstSentAfterBack.status },
    };
    if (process.env.FAULTS_REPORT) console.log(JSON.stringify(summary));
  }, 300_000);
});

describe("main.js on SIGTERM", () => {
  it("stops serving, closes the driver and exits 0", async () => {
    const child = spawn(process.execPath, ["-r", "ts-node/register/transpile-only", join(PROJECT_ROOT, "src", "main.ts")], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, NEO4J_URI: db.uri, MAILLAGE_AUTOSTART_DB: "false", PORT: "17698", LOG_LEVEL: "info", TS_NODE_PROJECT: join(PROJECT_ROOT, "tsconfig.json") },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let log = "";
    child.stdout.on("data", (chunk) => (log += chunk));
    child.stderr.on("data", (chunk) => (log += chunk));
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    try {
      const deadline = Date.now() + 90_000;
      while (!log.includes("Maillage ready")) {
        if (Date.now() > deadline || child.exitCode !== null) throw new Error(`main did not start:\n${log}`);
        await sleep(100);
      }
      expect((await fetch("http://127.0.0.1:17698/readyz")).status).toBe(200);

      child.kill("SIGTERM");
      expect(await exited).toBe(0);
      expect(log).toContain("shut down");
      await expect(fetch("http://127.0.0.1:17698/healthz")).rejects.toThrow();
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
    }
  }, 120_000);
});
