import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import { ApolloServerPlugin } from "@apollo/server";
import { Router } from "express";

/**
 * Prometheus metrics (prom-client), served at GET /metrics:
 *   maillage_graphql_requests_total{operation}            requests by operation name
 *   maillage_graphql_request_duration_seconds{operation}  latency by operation
 *   maillage_graphql_errors_total{code}                   errors by code
 *   maillage_neo4j_sessions_in_use                        Neo4j sessions open now (pool use)
 *   maillage_neo4j_round_trips_total{mode}                Cypher round trips, read or write
 * plus Node's process metrics (memory, event loop, GC).
 */
export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: "maillage_" });

const requests = new Counter({ name: "maillage_graphql_requests_total", help: "GraphQL requests", labelNames: ["operation"], registers: [registry] });
const duration = new Histogram({
  name: "maillage_graphql_request_duration_seconds",
  help: "GraphQL request latency",
  labelNames: ["operation"],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
});
const errors = new Counter({ name: "maillage_graphql_errors_total", help: "GraphQL errors by code", labelNames: ["code"], registers: [registry] });
const sessionsInUse = new Gauge({ name: "maillage_neo4j_sessions_in_use", help: "Neo4j sessions open now", registers: [registry] });
const roundTrips = new Counter({ name: "maillage_neo4j_round_trips_total", help: "Cypher round trips", labelNames: ["mode"], registers: [registry] });

/** Called by the Executor around every session, so pool use and round trips show. */
export const neo4jMetrics = {
  sessionOpened(mode: "read" | "write") {
    sessionsInUse.inc();
    roundTrips.inc({ mode });
  },
  sessionClosed() {
    sessionsInUse.dec();
  },
};

/** Counts and times every GraphQL request by operation name (`anonymous` when unnamed), and errors by code. */
export function metricsPlugin<T extends object>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      const stop = duration.startTimer();
      return {
        async didEncounterErrors({ errors: found }) {
          for (const error of found) errors.inc({ code: String(error.extensions?.code ?? "INTERNAL_SERVER_ERROR") });
        },
        async willSendResponse({ operationName }) {
          const operation = operationName ?? "anonymous";
          requests.inc({ operation });
          stop({ operation });
        },
      };
    },
  };
}

/** GET /metrics in Prometheus' text format. */
export function metricsRoutes(): Router {
  const router = Router();
  router.get("/metrics", async (_req, res) => {
    res.type(registry.contentType).send(await registry.metrics());
  });
  return router;
}
