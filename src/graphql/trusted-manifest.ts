import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Kind, parse } from "graphql";
import { PROJECT_ROOT } from "../common/paths";
import { PersistedQueryManifest, sha256, TRUSTED_DOCUMENTS_MANIFEST } from "./trusted-documents";

/** Documents registered as they are sent: the explorer and its dashboard send their whole file, a researcher may send the examples file. */
const WHOLE_FILES = ["explorer/operations.graphql", "schema/examples.graphql", "explorer/dashboard/operations.graphql"];

/** The README's example operations: its ```graphql blocks, trimmed (the same as schema/examples.graphql's, a test checks). */
export function readmeOperations(readme: string): string[] {
  return [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1].trim());
}

/**
 * schema/trusted-documents.json as the code publishes it (`npm run schema:emit` writes it, a
 * test fails when it is stale): the explorer's operations, the examples file and each README example.
 */
export function trustedManifest(root = PROJECT_ROOT): PersistedQueryManifest {
  const documents = [
    ...WHOLE_FILES.map((file) => ({ name: file, body: readFileSync(join(root, file), "utf8") })),
    ...readmeOperations(readFileSync(join(root, "README.md"), "utf8")).map((body) => ({ name: `README.md: ${operationNames(body)}`, body })),
  ];
  return {
    format: "apollo-persisted-query-manifest",
    version: 1,
    operations: documents.map(({ name, body }) => ({ id: sha256(body), name, type: operationTypes(body).includes("mutation") ? "mutation" : "query", body })),
  };
}

function operations(body: string) {
  return parse(body).definitions.flatMap((d) => (d.kind === Kind.OPERATION_DEFINITION ? [d] : []));
}

function operationNames(body: string): string {
  return operations(body).map((o) => o.name?.value ?? "(anonymous)").join(", ");
}

function operationTypes(body: string): string[] {
  return operations(body).map((o) => o.operation);
}

/**
 * The names of the operations in the published registry (schema/trusted-documents.json): the
 * explorer's, the examples' and the README's. Metrics label requests by these names only
 * (any other name is "other"), so a client cannot grow them.
 */
export function publishedOperationNames(manifest = TRUSTED_DOCUMENTS_MANIFEST): ReadonlySet<string> {
  const { operations: published } = JSON.parse(readFileSync(manifest, "utf8")) as PersistedQueryManifest;
  return new Set(published.flatMap(({ body }) => operations(body).flatMap((o) => (o.name ? [o.name.value] : []))));
}
