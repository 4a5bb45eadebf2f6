import { Label, LIES_IN, Rel } from "../neo4j/graph-model";
import { toNeo4jDate } from "../neo4j/props";
import { AllianceFilter } from "./alliance-filter.input";

/** An AllianceFilter as Cypher receives it: territory resolved to an id, dates as Neo4j dates. */
export interface AllianceFilterParams {
  kinds: string[] | null;
  objectives: string[] | null;
  sdgs: number[] | null;
  statuses: string[] | null;
  territoryId: string | null;
  memberKinds: string[] | null;
  memberIds: string[] | null;
  startedFrom: unknown;
  startedTo: unknown;
  endedFrom: unknown;
  endedTo: unknown;
}

/** `territoryId` is the resolved `filter.territory` (see the territoryByRef loader). */
export function allianceFilterParams(filter: AllianceFilter | null | undefined, territoryId: string | null): AllianceFilterParams {
  return {
    kinds: filter?.kinds ?? null,
    objectives: filter?.objectives ?? null,
    sdgs: filter?.sdgs ?? null,
    statuses: filter?.statuses ?? null,
    territoryId,
    memberKinds: filter?.memberKinds ?? null,
    memberIds: filter?.memberIds ?? null,
    startedFrom: toNeo4jDate(filter?.startedFrom),
    startedTo: toNeo4jDate(filter?.startedTo),
    endedFrom: toNeo4jDate(filter?.endedFrom),
    endedTo: toNeo4jDate(filter?.endedTo),
  };
}

/** The criteria of a filter that are given (not null): a query specialised to them emits no other clause. */
export type FilterShape = ReadonlySet<keyof AllianceFilterParams>;

/** The criteria of an alliance scope that are given: its filter's, and whether a date is. */
export interface ScopeShape {
  filter: FilterShape;
  at: boolean;
}

export const scopeShape = (filter: AllianceFilterParams | null | undefined, at: unknown): ScopeShape => ({ filter: filterShape(filter), at: at != null });

export function filterShape(filter: AllianceFilterParams | null | undefined): FilterShape {
  if (!filter) return new Set();
  return new Set((Object.keys(filter) as (keyof AllianceFilterParams)[]).filter((key) => filter[key] != null));
}

/**
 * Its inner variables start with `af_` so they never capture a caller's variable.
 *
 * Cypher predicate: alliance `al` matches the filter map `f` (a `$param` or `key.filter`
 * expression holding AllianceFilterParams). Null criteria match everything. With `shape`
 * (the criteria known to be given), only those clauses are emitted, without null guards.
 */
export function ALLIANCE_MATCHES(al: string, f: string, shape?: FilterShape): string {
  const { Actor, Membership, SDG, Territory } = Label;
  const { CONTRIBUTES_TO, ACTS_IN, HAS_MEMBERSHIP, IN_ALLIANCE } = Rel;
  const clauses: Record<keyof AllianceFilterParams, string> = {
    kinds: `${al}.kind IN ${f}.kinds`,
    statuses: `${al}.status IN ${f}.statuses`,
    objectives: `any(o IN ${al}.objectives WHERE o IN ${f}.objectives)`,
    sdgs: `EXISTS { MATCH (${al})-[:${CONTRIBUTES_TO}]->(af_goal:${SDG}) WHERE af_goal.number IN ${f}.sdgs }`,
    territoryId: `EXISTS {
      MATCH (${al})-[:${ACTS_IN}]->(af_place:${Territory}), (af_scope:${Territory} {id: ${f}.territoryId})
      WHERE ${LIES_IN("af_place", "af_scope")}
    }`,
    memberKinds: `EXISTS {
      MATCH (${al})<-[:${IN_ALLIANCE}]-(:${Membership})<-[:${HAS_MEMBERSHIP}]-(af_member:${Actor}) WHERE af_member.kind IN ${f}.memberKinds
    }`,
    memberIds: `EXISTS {
      MATCH (${al})<-[:${IN_ALLIANCE}]-(:${Membership})<-[:${HAS_MEMBERSHIP}]-(af_member:${Actor}) WHERE af_member.id IN ${f}.memberIds
    }`,
    startedFrom: `${al}.startDate >= ${f}.startedFrom`,
    startedTo: `${al}.startDate <= ${f}.startedTo`,
    endedFrom: `${al}.endDate >= ${f}.endedFrom`,
    endedTo: `${al}.endDate <= ${f}.endedTo`,
  };
  const keys = Object.keys(clauses) as (keyof AllianceFilterParams)[];
  if (shape) {
    const given = keys.filter((key) => shape.has(key));
    return given.length === 0 ? "true" : `(${given.map((key) => clauses[key]).join("\n    AND ")})`;
  }
  return `(${f} IS NULL OR (
    ${keys.map((key) => `(${f}.${key} IS NULL OR ${clauses[key]})`).join("\n    AND ")}
  ))`;
}
