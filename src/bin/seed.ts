import "reflect-metadata";
import { loadConfig } from "../config";
import { configureLogger } from "../logger";
import { connect } from "../neo4j/connect";
import { migrate } from "../neo4j/migrate";
import { seed } from "../seed/seed";

/** `npm run seed`: migrates, then loads territories, SDGs and the demo graph (idempotent). */
async function run(): Promise<void> {
  const config = loadConfig();
  configureLogger(config);
  const connection = await connect(config);
  try {
    await migrate(connection.executor);
    await seed(connection.executor, { demo: !process.argv.includes("--no-demo") });
  } finally {
    await connection.close();
  }
}

run().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
