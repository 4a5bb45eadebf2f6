import { Router } from "express";
import { DeadlineError, withDeadline } from "../common/deadline";
import { isCodedError } from "../common/errors";
import { logger } from "../logger";
import { Executor, mapDriverError } from "../neo4j/executor";
import { Migration, readMigrations } from "../neo4j/migrate";

/** How long /readyz waits for Neo4j before answering 503. */
export const READINESS_TIMEOUT_MS = 2_000;

// Which migrations the database has recorded (a cheap read: also proves Neo4j answers).
const APPLIED_MIGRATIONS = "MATCH (m:Migration) RETURN m.id AS id, m.checksum AS checksum";

export type Readiness = { ready: true } | { ready: false; reason: string };

/**
 * Liveness and readiness, for orchestrators and load balancers:
 *
 *   GET /healthz   200 {status:"ok", neo4j:{available, since?, refused, probes}} while the process serves HTTP
 *                  (no database call: `neo4j` is the availability gate's view, see neo4j/availability.ts)
 *   GET /readyz    200 {status:"ok"} when Neo4j answers a read within READINESS_TIMEOUT_MS
 *                  and has recorded every cypher/ migration with its checksum;
 *                  503 {status:"unavailable", reason} otherwise
 *
 * Usage: `app.use(healthRoutes(executor))`.
 */
export function healthRoutes(
  executor: Executor,
  options: { migrations?: Migration[]; timeoutMs?: number } = {},
): Router {
  // The migration files ship with the code: read them once.
  const migrations = options.migrations ?? readMigrations();
  const timeoutMs = options.timeoutMs ?? READINESS_TIMEOUT_MS;
  const router = Router();
  router.get("/healthz", (_req, res) => {
    res.setHeader("Cache-Control", "no-store");
    res.json({ status: "ok", neo4j: executor.availability.state() });
  });
  router.get("/readyz", async (_req, res) => {
    const readiness = await checkReadiness(executor, migrations, timeoutMs);
    res.setHeader("Cache-Control", "no-store");
    if (readiness.ready) res.json({ status: "ok" });
    else res.status(503).json({ status: "unavailable", reason: readiness.reason });
  });
  return router;
}

/** Whether Neo4j answers within `timeoutMs` and has recorded every migration as applied. Never throws. */
export async function checkReadiness(executor: Executor, migrations: Migration[], timeoutMs: number): Promise<Readiness> {
  let rows;
  // While the gate refuses requests, ask Neo4j itself: readiness must see it back at once.
  if (!executor.availability.available) await withDeadline(executor.availability.probeNow(), timeoutMs).catch(() => false);
  try {
    rows = await withDeadline(executor.forRequest().read(APPLIED_MIGRATIONS, {}, { timeoutMs }), timeoutMs);
  } catch (caught) {
    const error = mapDriverError(caught);
    if (!isCodedError(error)) logger.warn({ err: caught }, "readiness check failed");
    return { ready: false, reason: caught instanceof DeadlineError || isCodedError(error) ? "neo4j unreachable" : "neo4j check failed" };
  }
  const applied = new Map(rows.map((row) => [row.id as string, row.checksum as string]));
  const pending = migrations.filter((migration) => applied.get(migration.id) !== migration.checksum).map((m) => m.id);
  if (pending.length) return { ready: false, reason: `migrations not applied: ${pending.join(", ")}` };
  return { ready: true };
}
