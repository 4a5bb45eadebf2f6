import { Executor } from "../neo4j/executor";
import { checkRows, importRows } from "../import/importer";
import { validateRows } from "../import/import.validate";
import { documentRows } from "../import/read-json";
import { describeRejection } from "../import/rows";

/** A graph document: the JSON shape of src/seed/demo-graph.json (the GraphQL inputs, grouped; an import document). */
export interface GraphDocument {
  sources: object[];
  actors: object[];
  alliances: object[];
  memberships: object[];
  outcomes: object[];
}

/**
 * Checks every row of a document with the GraphQL input rules; returns problems as
 * "/actors/3/siren: must be a SIREN…" (JSON pointers), empty when the document is valid.
 */
export async function validateDocument(doc: GraphDocument): Promise<string[]> {
  const { rejected } = await validateRows(documentRows("document", doc));
  return rejected.map((r) => `${r.pointer}: ${r.reason}`);
}

/**
 * Imports a document (the importer's checks and batched upserts, the API's only writer):
 * loading it twice changes nothing. Throws, writing nothing, when a row is rejected.
 */
export async function loadDocument(executor: Executor, doc: GraphDocument): Promise<Record<keyof GraphDocument, number>> {
  const rows = documentRows("document", doc);
  const { rejected } = await checkRows(executor.read.bind(executor), rows);
  if (rejected.length > 0) throw new Error(`The document has ${rejected.length} problems:\n${rejected.map(describeRejection).join("\n")}`);
  await importRows(executor, rows);
  return {
    sources: doc.sources.length,
    actors: doc.actors.length,
    alliances: doc.alliances.length,
    memberships: doc.memberships.length,
    outcomes: doc.outcomes.length,
  };
}
