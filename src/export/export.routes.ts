import { Request, Response, Router } from "express";
import { GraphQLError } from "graphql";
import { ErrorCode, isCodedError } from "../common/errors";
import { logger } from "../logger";
import { Executor, mapDriverError } from "../neo4j/executor";
import { ExportFormat } from "./export.formats";
import { runExport } from "./export.service";
import { parseExportOptions, RAW_OPTION_NAMES, RawExportOptions } from "./export.scope";

/**
 * HTTP export endpoints for visualisation tools and archives:
 *
 *   GET /export/json | /export/gexf | /export/graphml | /export/cytoscape
 *       ?territory=DEPARTEMENT:94&at=2021-06-01&from=…&to=…&allianceKinds=PHILANTHROPY,…&actorKinds=…&mode=projected
 *
 * Answers an attachment (`maillage-<scope>.<ext>`). Bad parameters are a 400
 * `{ error: { code: "BAD_USER_INPUT", field, message } }`, Neo4j down a 503; anything
 * else a masked 500 (logged).
 */
export function exportRoutes(executor: Executor): Router {
  const router = Router();
  for (const format of Object.values(ExportFormat)) {
    router.get(`/${format}`, (req, res) => handle(executor, format, req, res));
  }
  return router;
}

async function handle(executor: Executor, format: ExportFormat, req: Request, res: Response): Promise<void> {
  const requestExecutor = executor.forRequest();
  try {
    const unknown = Object.keys(req.query).find((name) => !RAW_OPTION_NAMES.includes(name as keyof RawExportOptions));
    if (unknown) {
      sendError(res, 400, ErrorCode.BAD_USER_INPUT, `unknown parameter; expected one of ${RAW_OPTION_NAMES.join(", ")}`, unknown);
      return;
    }
    const { scope, mode } = await parseExportOptions(requestExecutor, req.query as RawExportOptions);
    const file = await runExport(requestExecutor, format, scope, mode);
    res.status(200).attachment(file.filename).type(file.contentType).send(file.body);
  } catch (caught) {
    const error = mapDriverError(caught);
    if (isCodedError(error)) {
      const code = error.extensions.code as ErrorCode;
      const status = code === ErrorCode.BAD_USER_INPUT ? 400 : code === ErrorCode.SERVICE_UNAVAILABLE ? 503 : code === ErrorCode.NOT_FOUND ? 404 : 500;
      sendError(res, status, code, messageOf(error), error.extensions.field as string | undefined);
      return;
    }
    logger.error({ err: caught, path: req.path }, "export failed");
    sendError(res, 500, ErrorCode.INTERNAL_SERVER_ERROR, "Unexpected error");
  }
}

/** The reason without the "field: " prefix BadUserInputError puts in its message. */
function messageOf(error: GraphQLError): string {
  const field = error.extensions.field;
  return typeof field === "string" && error.message.startsWith(`${field}: `) ? error.message.slice(field.length + 2) : error.message;
}

function sendError(res: Response, status: number, code: ErrorCode, message: string, field?: string): void {
  if (res.headersSent) return;
  res.status(status).json({ error: { code, ...(field ? { field } : {}), message } });
}
