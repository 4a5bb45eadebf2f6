import { computeMetrics, MetricsTask } from "./analytics.metrics";

/** The worker thread's task (analytics.pool.ts): a scope's metrics, computed off the server's event loop. */
export default function metricsTask(task: MetricsTask) {
  return computeMetrics(task);
}
