import "reflect-metadata";
import { loadConfig } from "./config";
import { configureLogger, logger } from "./logger";
import { connect } from "./neo4j/connect";
import { ensureEmbeddedDatabase } from "./neo4j/embedded";
import { migrate } from "./neo4j/migrate";
import { isSeeded, seed } from "./seed/seed";
import { exitOnSignals, gracefulShutdown } from "./health/shutdown";
import { createServer } from "./server";
import { warmUp } from "./graphql/warm-up";

/**
 * `npm start`: with no configuration, starts the embedded Neo4j if nothing answers at
 * NEO4J_URI, applies migrations, seeds an empty database, and serves /graphql.
 * SIGTERM / SIGINT: finishes in-flight requests, refuses new ones, closes the driver.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  configureLogger(config);
  if (config.autoStartDatabase) await ensureEmbeddedDatabase(config.neo4jUri, (m) => logger.info(m));
  const connection = await connect(config);
  const applied = await migrate(connection.executor);
  if (applied.length) logger.info({ applied }, "migrations applied");
  if (!(await isSeeded(connection.executor))) {
    logger.info("empty database: loading the French geography, the SDGs and the demo graph");
    await seed(connection.executor);
  }
  const server = await createServer(connection.executor, {
    limits: config.limits,
    maxBodyBytes: config.maxBodyBytes,
    production: config.production,
    auth: config.auth,
    http: config.http,
    quotas: config.quotas,
    trustedDocuments: config.trustedDocuments,
    maxConcurrentExports: config.maxConcurrentExports,
    ldBase: config.ldBase,
    historyViews: config.historyViews,
  });
  const port = await server.listen(config.port);
  logger.info(`Maillage ready at http://localhost:${port}/graphql`);
  void warmUp(server.apollo, connection.executor);
  exitOnSignals(gracefulShutdown(server, connection));
}

main().catch((error) => {
  const message = error instanceof Error ? error.message : String(error);
  // A configuration error comes before the logger has a level: it must still show.
  if (logger.isLevelEnabled("error")) logger.error(message);
  else console.error(message);
  process.exit(1);
});
