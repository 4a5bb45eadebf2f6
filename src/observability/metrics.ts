import { createHash, timingSafeEqual } from "node:crypto";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import { ApolloServerPlugin } from "@apollo/server";
import { ApolloServerErrorCode } from "@apollo/server/errors";
import { Router } from "express";
import { ErrorCode } from "../common/errors";
import { sendHttpError } from "../http/middleware";

/**
 * Prometheus metrics (prom-client), served at GET /metrics:
 *   maillage_graphql_requests_total{operation}            requests by operation name
 *   maillage_graphql_request_duration_seconds{operation}  latency by operation
 *   maillage_graphql_errors_total{code}                   errors by code
 *   maillage_neo4j_sessions_in_use                        Neo4j sessions open now (pool use)
 *   maillage_neo4j_round_trips_total{mode}                Cypher round trips, read or write
 * plus Node's process metrics (memory, event loop, GC).
 * Every label takes its value from a fixed set: a client can never add a series.
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

/** The `operation` label of a named operation not in the known set, and of an unnamed one. */
export const OTHER_OPERATION = "other";
export const ANONYMOUS_OPERATION = "anonymous";
/** The `code` label of an error whose code is neither ours nor Apollo's. */
export const OTHER_CODE = "other";

// Our codes and Apollo's fixed ones; a resolver or a library may put anything else in `code`.
const KNOWN_CODES: ReadonlySet<string> = new Set<string>([...Object.values(ErrorCode), ...Object.values(ApolloServerErrorCode)]);

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

export interface MetricsPluginOptions {
  /** Operation names that get a label of their own; any other name counts as `other`. */
  knownOperations?: ReadonlySet<string>;
}

/**
 * Counts and times every GraphQL request by operation name, and errors by code. The name is
 * the client's choice, so only a known one is kept (`other` otherwise, `anonymous` when unnamed).
 * Usage: `metricsPlugin({ knownOperations: new Set(["ExplorerSearch"]) })`.
 */
export function metricsPlugin<T extends object>(options: MetricsPluginOptions = {}): ApolloServerPlugin<T> {
  const known = options.knownOperations ?? new Set<string>();
  return {
    async requestDidStart() {
      const stop = duration.startTimer();
      return {
        async didEncounterErrors({ errors: found }) {
          for (const error of found) {
            const code = String(error.extensions?.code ?? ErrorCode.INTERNAL_SERVER_ERROR);
            errors.inc({ code: KNOWN_CODES.has(code) ? code : OTHER_CODE });
          }
        },
        async willSendResponse({ operationName }) {
          const operation = operationName == null ? ANONYMOUS_OPERATION : known.has(operationName) ? operationName : OTHER_OPERATION;
          requests.inc({ operation });
          stop({ operation });
        },
      };
    },
  };
}

/**
 * GET /metrics in Prometheus' text format; with a `key`, only for `Authorization: Bearer <key>`
 * (401 otherwise). Usage: `app.use(metricsRoutes({ key: config.http.metrics.key }))`.
 */
export function metricsRoutes(options: { key?: string } = {}): Router {
  const expected = options.key === undefined ? undefined : digest(options.key);
  const router = Router();
  router.get("/metrics", async (req, res) => {
    if (expected && !timingSafeEqual(digest(bearer(req.get("authorization"))), expected)) {
      res.set("www-authenticate", 'Bearer realm="metrics"');
      sendHttpError(req, res, 401, ErrorCode.UNAUTHENTICATED, "GET /metrics needs Authorization: Bearer <MAILLAGE_METRICS_KEY>");
      return;
    }
    res.type(registry.contentType).send(await registry.metrics());
  });
  return router;
}

function bearer(header: string | undefined): string {
  return /^Bearer (.+)$/i.exec(header ?? "")?.[1]?.trim() ?? "";
}

// Equal-length digests, so timingSafeEqual compares in the same time whatever the length given.
function digest(value: string): Buffer {
  return createHash("sha256").update(value).digest();
}
