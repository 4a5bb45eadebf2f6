import "reflect-metadata";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { PROJECT_ROOT } from "../common/paths";
import { createSchema, printSchemaSdl } from "../graphql/schema";

/** `npm run schema:emit`: writes schema/schema.graphql (a test fails when it is stale). */
export const SCHEMA_FILE = join(PROJECT_ROOT, "schema", "schema.graphql");

createSchema()
  .then((schema) => {
    writeFileSync(SCHEMA_FILE, printSchemaSdl(schema));
    console.log(`Wrote ${SCHEMA_FILE}`);
  })
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
