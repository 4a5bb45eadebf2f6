import "reflect-metadata";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { PROJECT_ROOT } from "../common/paths";
import { createSchema, printSchemaSdl } from "../graphql/schema";
import { importJsonSchema } from "../import/import-schema";
import { TRUSTED_DOCUMENTS_MANIFEST } from "../graphql/trusted-documents";
import { trustedManifest } from "../graphql/trusted-manifest";

/**
 * `npm run schema:emit`: writes what the code publishes, schema/schema.graphql,
 * schema/import.schema.json and schema/trusted-documents.json (a test fails when one is stale).
 */
export const SCHEMA_FILE = join(PROJECT_ROOT, "schema", "schema.graphql");
export const IMPORT_SCHEMA_FILE = join(PROJECT_ROOT, "schema", "import.schema.json");

createSchema()
  .then((schema) => {
    writeFileSync(SCHEMA_FILE, printSchemaSdl(schema));
    writeFileSync(IMPORT_SCHEMA_FILE, JSON.stringify(importJsonSchema(), null, 2) + "\n");
    writeFileSync(TRUSTED_DOCUMENTS_MANIFEST, JSON.stringify(trustedManifest(), null, 2) + "\n");
    console.log(`Wrote ${SCHEMA_FILE}, ${IMPORT_SCHEMA_FILE} and ${TRUSTED_DOCUMENTS_MANIFEST}`);
  })
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
