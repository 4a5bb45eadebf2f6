import "reflect-metadata";
import { loadConfig } from "../config";
import { connect } from "../neo4j/connect";
import { migrate } from "../neo4j/migrate";

/** `npm run db:migrate`: applies the cypher/ migrations not yet applied. */
async function run(): Promise<void> {
  const connection = await connect(loadConfig());
  try {
    const applied = await migrate(connection.executor);
    console.log(applied.length ? `Applied ${applied.join(", ")}` : "Schema up to date; nothing to apply");
  } finally {
    await connection.close();
  }
}

run().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
