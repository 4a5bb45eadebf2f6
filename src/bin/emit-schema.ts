import "reflect-metadata";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { PROJECT_ROOT } from "../common/paths";
import { createSchema, printSchemaSdl } from "../graphql/schema";
import { importJsonSchema } from "../import/import-schema";

/**
 * `npm run schema:emit`: writes what the code publishes, schema/schema.graphql and
 * schema/import.schema.json (a test fails when either is stale).
 */
export const SCHEMA_FILE = join(PROJECT_ROOT, "schema", "schema.graphql");
export const IMPORT_SCHEMA_FILE = join(PROJECT_ROOT, "schema", "import.schema.json");

createSchema()
  .then((schema) => {
    writeFileSync(SCHEMA_FILE, printSchemaSdl(schema));
    writeFileSync(IMPORT_SCHEMA_FILE, JSON.stringify(importJsonSchema(), null, 2) + "\n");
    console.log(`Wrote ${SCHEMA_FILE} and ${IMPORT_SCHEMA_FILE}`);
  })
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
