import { logger } from "../logger";

/** What shutting down needs: something that stops serving, and the database connection. */
export interface Stoppable {
  stop(): Promise<void>;
}
export interface Closable {
  close(): Promise<void>;
}

/**
 * Graceful shutdown: stop accepting connections, let in-flight requests finish (Apollo's
 * drain plugin waits up to 10 s, then cuts what is left), then close the Neo4j driver.
 * Calling it again returns the same promise, so a second signal does not close twice.
 *
 * Usage: `const shutdown = gracefulShutdown(server, connection); process.once("SIGTERM", () => shutdown("SIGTERM").then(() => process.exit(0)));`
 */
export function gracefulShutdown(server: Stoppable, connection: Closable): (signal: string) => Promise<void> {
  let stopping: Promise<void> | undefined;
  return (signal) => {
    stopping ??= (async () => {
      logger.info({ signal }, "shutting down: finishing in-flight requests");
      try {
        await server.stop();
      } finally {
        await connection.close();
      }
      logger.info("shut down");
    })();
    return stopping;
  };
}

/**
 * Runs `shutdown` on SIGTERM and SIGINT, then exits: 0 when it finished, 1 when it failed or
 * took longer than `hardLimitMs` (a stuck request must not keep the process alive forever).
 */
export function exitOnSignals(shutdown: (signal: string) => Promise<void>, hardLimitMs = 15_000): void {
  const onSignal = (signal: NodeJS.Signals) => {
    setTimeout(() => {
      logger.error({ hardLimitMs }, "shutdown took too long; exiting");
      process.exit(1);
    }, hardLimitMs).unref();
    shutdown(signal).then(
      () => process.exit(0),
      (error) => {
        logger.error({ err: error }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.once("SIGTERM", onSignal);
  process.once("SIGINT", onSignal);
}
