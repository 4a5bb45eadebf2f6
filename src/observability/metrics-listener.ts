import http from "node:http";
import express from "express";
import { jsonErrors, notFound, onlyMethods, requestId } from "../http/middleware";
import { securityHeaders } from "../http/security-headers";
import { metricsRoutes } from "./metrics";

/**
 * The listener of its own for /metrics (MAILLAGE_METRICS_PORT): GET /metrics behind the key
 * when there is one, a JSON 404 anywhere else. createServer starts and stops it with the main one.
 */
export function metricsListener(key: string | undefined): http.Server {
  const app = express();
  app.disable("x-powered-by");
  app.use(requestId(), securityHeaders({ ide: false }), onlyMethods("GET", "HEAD"), metricsRoutes({ key }), notFound(), jsonErrors());
  return http.createServer(app);
}
