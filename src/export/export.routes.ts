import { Router } from "express";
import { Executor } from "../neo4j/executor";

/** HTTP export endpoints (GET /export/<format>) for visualisation tools. */
export function exportRoutes(_executor: Executor): Router {
  return Router();
}
