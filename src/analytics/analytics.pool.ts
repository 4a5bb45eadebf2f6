import { join } from "node:path";
import { Piscina } from "piscina";
import { ANALYTICS_THREADS } from "./analytics.budget";
import type { Metrics, MetricsTask } from "./analytics.metrics";

// From ts-node/ts-jest this file is .ts and so is the worker's: the worker then registers ts-node itself.
const fromSource = __filename.endsWith(".ts");
let pool: Piscina | null = null;

/**
 * Runs a metrics task in the analytics worker pool (piscina), so graph algorithms that take
 * seconds never hold the event loop: /healthz and other requests are answered meanwhile.
 * Threads start on first use, and idle ones exit after a minute (the pool never keeps the process alive).
 */
export function runMetricsTask(task: MetricsTask): Promise<Partial<Metrics>> {
  pool ??= new Piscina({
    filename: join(__dirname, `analytics.worker.${fromSource ? "ts" : "js"}`),
    minThreads: 0,
    maxThreads: ANALYTICS_THREADS,
    idleTimeout: 60_000,
    execArgv: fromSource ? ["--require", "ts-node/register/transpile-only"] : [],
  });
  return pool.run(task);
}

/** Stops the pool's threads (server shutdown, tests). */
export async function closeAnalyticsPool(): Promise<void> {
  const closing = pool;
  pool = null;
  await closing?.destroy();
}
