import { Request, Response, Router } from "express";
import { GraphQLError } from "graphql";
import { ConcurrencyLimit } from "../common/concurrency-limit";
import { DEFAULT_MAX_CONCURRENT_EXPORTS } from "../config";
import { ErrorCode, isCodedError } from "../common/errors";
import { logger } from "../logger";
import { Executor, mapDriverError } from "../neo4j/executor";
import { ExportFormat } from "./export.formats";
import { ExportRun } from "./export.repository";
import { openExport, writeExport } from "./export.service";
import { openRecordedView } from "../history/view/recorded-view";
import { parseExportOptions, RAW_OPTION_NAMES, RawExportOptions } from "./export.scope";

const STATUS: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.TOO_MANY_REQUESTS]: 429,
  [ErrorCode.SERVICE_UNAVAILABLE]: 503,
};

/**
 * HTTP export endpoints for visualisation tools and archives:
 *
 *   GET /export/json | gexf | graphml | cytoscape | csv | jsonld | turtle | csl-json | bibtex
 *       ?territory=DEPARTEMENT:94&at=2021-06-01&from=…&to=…&allianceKinds=PHILANTHROPY,…&actorKinds=…&mode=projected
 *       &asRecordedOn=2026-03-01T00:00:00Z | &release=2026-Q4   (the graph as recorded then: README, History)
 *
 * Answers an attachment (`maillage-<scope>.<ext>`), streamed a page at a time in about
 * constant memory; at most `maxConcurrent` at once, one more is a 429 with Retry-After.
 * Bad parameters are a 400 `{ error: { code: "BAD_USER_INPUT", field, message } }` (an ambiguous territory adds
 * `candidates: [{ id, name }]`), Neo4j
 * down a 503; anything else a masked 500 (logged). Once the body has started, a failure can
 * only cut it short: the response is destroyed, so the client sees an incomplete transfer.
 */
export function exportRoutes(executor: Executor, maxConcurrent = DEFAULT_MAX_CONCURRENT_EXPORTS, run: Pick<ExportRun, "ldBase"> = {}): Router {
  const router = Router();
  const running = new ConcurrencyLimit("concurrentExports", maxConcurrent, "exports");
  for (const format of Object.values(ExportFormat)) {
    router.get(`/${format}`, (req, res) => handle(executor, running, format, req, res, run));
  }
  return router;
}

async function handle(executor: Executor, running: ConcurrencyLimit, format: ExportFormat, req: Request, res: Response, run: ExportRun): Promise<void> {
  const requestExecutor = executor.forRequest();
  try {
    const unknown = Object.keys(req.query).find((name) => !RAW_OPTION_NAMES.includes(name as keyof RawExportOptions));
    if (unknown) {
      sendError(res, 400, ErrorCode.BAD_USER_INPUT, `unknown parameter; expected one of ${RAW_OPTION_NAMES.join(", ")}`, unknown);
      return;
    }
    const { scope, mode, point } = await parseExportOptions(requestExecutor, req.query as RawExportOptions);
    await running.run(async () => {
      // ?asRecordedOn= / ?release=: the graph as recorded then (src/history/view), its slot returned when done.
      const view = point ? await openRecordedView(requestExecutor, point) : null;
      try {
        const file = await openExport(view?.executor ?? requestExecutor, format, scope, mode, { ...run, recordedAs: point });
        res.status(200).attachment(file.filename).type(file.contentType);
        await writeExport(file, res);
      } finally {
        view?.release();
      }
    });
  } catch (caught) {
    if (res.headersSent) {
      // The client went away (nothing to answer), or the export failed half-way: cut the body short.
      if (!res.writableFinished && !req.socket.destroyed) logger.error({ err: caught, path: req.path }, "export failed while streaming");
      res.destroy();
      return;
    }
    const error = mapDriverError(caught);
    if (isCodedError(error)) {
      const code = error.extensions.code as ErrorCode;
      const retryAfter = error.extensions.retryAfterSeconds;
      if (retryAfter !== undefined) res.setHeader("Retry-After", String(retryAfter));
      sendError(res, STATUS[code] ?? 500, code, messageOf(error), error.extensions.field as string | undefined, error.extensions.candidates);
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

function sendError(res: Response, status: number, code: ErrorCode, message: string, field?: string, candidates?: unknown): void {
  if (res.headersSent) return;
  res.status(status).json({ error: { code, ...(field ? { field } : {}), message, ...(candidates ? { candidates } : {}) } });
}
