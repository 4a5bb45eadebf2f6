import { GraphDocument } from "../seed/document";
import { Executor, Row } from "../neo4j/executor";
import { ExportProgress, ExportRepository } from "./export.repository";
import { ExportScope, isWhole, WHOLE_GRAPH } from "./export.scope";

/** The import format (src/seed/document.ts), with its maturity assessments section always present. */
export type ExportedDocument = GraphDocument & { maturityAssessments: object[] };

/**
 * The scope as a lossless, re-importable graph document: the sections of
 * src/seed/demo-graph.json with the fields of the GraphQL input classes only (no
 * createdAt, updatedAt, nameKey), optional fields omitted when empty, every section
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
  const ids = await repository.scopeIds(scope);
  const alliances = (await repository.section("alliances", ids.allianceIds, scope)).map(allianceRow);
  const outcomes = (await repository.section("outcomes", ids.allianceIds, scope)).map(outcomeRow);
  const beneficiaries = outcomes.flatMap((o) => o.beneficiaryActorIds as string[]);
  const actorIds = [...new Set([...ids.actorIds, ...beneficiaries])].sort();
  const actors = (await repository.section("actors", actorIds, scope)).map(actorRow);
  const memberships = (await repository.section("memberships", ids.membershipIds, scope)).map(withSortedSources);
  const maturityAssessments = (await repository.assessments(ids.actorIds, scope)).map(withSortedSources);
  const cited = [actors, alliances, memberships, outcomes, maturityAssessments].flatMap((rows) => rows.flatMap((row) => (row.sourceIds as string[]) ?? []));
  const sources = (await repository.sources([...new Set(cited)].sort(), scope, isWhole(scope))).map(compact);
  return { sources, actors, alliances, memberships, outcomes, maturityAssessments };
}

const sorted = <T extends string | number>(values: T[]): T[] => [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/** The row without null or undefined fields (the import format omits absent optional fields). */
function compact(row: Row): Row {
  return Object.fromEntries(Object.entries(row).filter(([, value]) => value !== null && value !== undefined));
}

function withSortedSources(row: Row): Row {
  return compact({ ...row, sourceIds: sorted(row.sourceIds) });
}

/** An actor's `sourceIds` is optional in the input: omitted when it cites nothing. */
function actorRow(row: Row): Row {
  const sourceIds = sorted(row.sourceIds as string[]);
  return compact({ ...row, sourceIds: sourceIds.length > 0 ? sourceIds : null });
}

function allianceRow(row: Row): Row {
  return compact({ ...row, territories: sorted(row.territories), sdgs: sorted(row.sdgs), sourceIds: sorted(row.sourceIds) });
}

/** Outcomes keep their indicator flat on the node; the input nests it. */
function outcomeRow(row: Row): Row {
  const { indicatorValue, indicatorUnit, indicatorMeasuredOn, ...rest } = row;
  const indicator = indicatorValue == null ? null : compact({ value: indicatorValue, unit: indicatorUnit, measuredOn: indicatorMeasuredOn });
  return compact({
    ...rest,
    indicator,
    sdgs: sorted(row.sdgs),
    beneficiaryTerritories: sorted(row.beneficiaryTerritories),
    beneficiaryActorIds: sorted(row.beneficiaryActorIds),
    sourceIds: sorted(row.sourceIds),
  });
}
