import { GraphDocument } from "../seed/document";
import { Executor, Row } from "../neo4j/executor";
import { toInputRow } from "../entity/input-row";
import { Entity, SPECS } from "../import/entities";
import { ExportProgress, ExportRepository } from "./export.repository";
import { ExportScope, isWhole, WHOLE_GRAPH } from "./export.scope";

/** The import format (src/seed/document.ts), with its maturity assessments section always present. */
export type ExportedDocument = GraphDocument & { maturityAssessments: object[] };

/**
 * The scope as a lossless, re-importable graph document: the sections of
 * src/seed/demo-graph.json with the fields of the GraphQL input classes only (toInputRow:
 * no createdAt, updatedAt, nameKey; optional fields omitted when empty), every section
 * and every list sorted, so exporting twice gives identical text.
 *
 * It is self-contained: actors that outcomes benefit and every cited source come along,
 * so importing it into a database holding only the territories and SDGs succeeds.
 * Seven queries, whatever the size.
 *
 * Usage: `const doc = await exportDocument(executor, { ...WHOLE_GRAPH, territoryId: "DEPARTEMENT:94" })`
 */
export async function exportDocument(executor: Executor, scope: ExportScope = WHOLE_GRAPH, progress?: ExportProgress): Promise<ExportedDocument> {
  const repository = new ExportRepository(executor, progress);
  const rowsOf = (entity: Entity, rows: Row[]) => rows.map((row) => toInputRow(SPECS[entity].input, row));
  const ids = await repository.scopeIds(scope);
  const alliances = rowsOf("alliances", await repository.section("alliances", ids.allianceIds, scope));
  const outcomes = rowsOf("outcomes", await repository.section("outcomes", ids.allianceIds, scope));
  const beneficiaries = outcomes.flatMap((o) => o.beneficiaryActorIds as string[]);
  const actorIds = [...new Set([...ids.actorIds, ...beneficiaries])].sort();
  const actors = rowsOf("actors", await repository.section("actors", actorIds, scope));
  const memberships = rowsOf("memberships", await repository.section("memberships", ids.membershipIds, scope));
  const maturityAssessments = rowsOf("maturityAssessments", await repository.assessments(ids.actorIds, scope));
  const cited = [actors, alliances, memberships, outcomes, maturityAssessments].flatMap((rows) => rows.flatMap((row) => (row.sourceIds as string[]) ?? []));
  const sources = rowsOf("sources", await repository.sources([...new Set(cited)].sort(), scope, isWhole(scope)));
  return { sources, actors, alliances, memberships, outcomes, maturityAssessments };
}
