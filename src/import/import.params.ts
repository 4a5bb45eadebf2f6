import { nameKey } from "../common/text";
import { toNeo4jDate } from "../neo4j/props";
import { Entity } from "./entities";
import { ResolvedRow } from "./import.references";
import { MaturitySubjectType } from "../maturity/maturity.type";

/**
 * The map one row gives its UNWIND query (import.cypher.ts): `id`, `props` (every stored
 * field, null when absent, so an upsert leaves no stale field — like the API's
 * "replace" props), and the keys of each link as distinct lists.
 */
export function cypherRow(row: ResolvedRow): Record<string, unknown> {
  const input = row.input;
  const sourceIds = distinct(input.sourceIds ?? []);
  const opt = (value: unknown) => value ?? null;
  switch (row.row.entity as Entity) {
    case "sources":
      return {
        id: row.key,
        props: { title: input.title, publisher: opt(input.publisher), date: toNeo4jDate(input.date), url: opt(input.url), kind: input.kind },
      };
    case "actors":
      return {
        id: row.key,
        props: {
          name: input.name, nameKey: nameKey(input.name), kind: input.kind, description: opt(input.description),
          website: opt(input.website), siren: opt(input.siren), rna: opt(input.rna),
        },
        basedInIds: row.territoryIds.basedIn ?? [],
        sourceIds,
      };
    case "alliances":
      return {
        id: row.key,
        props: {
          name: input.name, nameKey: nameKey(input.name), description: opt(input.description), kind: input.kind,
          objectives: input.objectives, status: input.status,
          startDate: toNeo4jDate(input.startDate), endDate: toNeo4jDate(input.endDate),
        },
        territoryIds: distinct(row.territoryIds.territories ?? []),
        sdgs: distinct(input.sdgs ?? []),
        sourceIds,
      };
    case "memberships":
      return {
        id: row.key,
        actorId: input.actorId,
        allianceId: input.allianceId,
        props: { role: input.role, startDate: toNeo4jDate(input.startDate), endDate: toNeo4jDate(input.endDate) },
        sourceIds,
      };
    case "outcomes":
      return {
        id: row.key,
        allianceId: input.allianceId,
        props: {
          kind: input.kind, title: input.title, description: opt(input.description),
          indicatorValue: input.indicator?.value ?? null, indicatorUnit: input.indicator?.unit ?? null,
          indicatorMeasuredOn: toNeo4jDate(input.indicator?.measuredOn),
        },
        sdgs: distinct(input.sdgs ?? []),
        territoryIds: distinct(row.territoryIds.beneficiaryTerritories ?? []),
        actorIds: distinct(input.beneficiaryActorIds ?? []),
        sourceIds,
      };
    case "maturityAssessments": {
      const onTerritory = input.subjectType === MaturitySubjectType.TERRITORY;
      return {
        id: row.key,
        props: { level: input.level, assessedOn: toNeo4jDate(input.assessedOn), note: input.note ?? null },
        actorIds: onTerritory ? [] : [input.subjectId],
        territoryIds: onTerritory ? (row.territoryIds.subjectId ?? []) : [],
        sourceIds,
      };
    }
  }
}

const distinct = <T>(values: T[]): T[] => [...new Set(values)];
