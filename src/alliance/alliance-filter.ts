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

/**
 * Its inner variables start with `af_` so they never capture a caller's variable.
 *
 * Cypher predicate: alliance `al` matches the filter map `f` (a `$param` or `key.filter`
 * expression holding AllianceFilterParams). Null criteria match everything.
 */
export function ALLIANCE_MATCHES(al: string, f: string): string {
  const { Actor, Membership, SDG, Territory } = Label;
  const { CONTRIBUTES_TO, ACTS_IN, HAS_MEMBERSHIP, IN_ALLIANCE } = Rel;
  return `(${f} IS NULL OR (
    (${f}.kinds IS NULL OR ${al}.kind IN ${f}.kinds)
    AND (${f}.statuses IS NULL OR ${al}.status IN ${f}.statuses)
    AND (${f}.objectives IS NULL OR any(o IN ${al}.objectives WHERE o IN ${f}.objectives))
    AND (${f}.sdgs IS NULL OR EXISTS { MATCH (${al})-[:${CONTRIBUTES_TO}]->(af_goal:${SDG}) WHERE af_goal.number IN ${f}.sdgs })
    AND (${f}.territoryId IS NULL OR EXISTS {
      MATCH (${al})-[:${ACTS_IN}]->(af_place:${Territory}), (af_scope:${Territory} {id: ${f}.territoryId})
      WHERE ${LIES_IN("af_place", "af_scope")}
    })
    AND (${f}.memberKinds IS NULL OR EXISTS {
      MATCH (${al})<-[:${IN_ALLIANCE}]-(:${Membership})<-[:${HAS_MEMBERSHIP}]-(af_member:${Actor}) WHERE af_member.kind IN ${f}.memberKinds
    })
    AND (${f}.memberIds IS NULL OR EXISTS {
      MATCH (${al})<-[:${IN_ALLIANCE}]-(:${Membership})<-[:${HAS_MEMBERSHIP}]-(af_member:${Actor}) WHERE af_member.id IN ${f}.memberIds
    })
    AND (${f}.startedFrom IS NULL OR ${al}.startDate >= ${f}.startedFrom)
    AND (${f}.startedTo IS NULL OR ${al}.startDate <= ${f}.startedTo)
    AND (${f}.endedFrom IS NULL OR ${al}.endDate >= ${f}.endedFrom)
    AND (${f}.endedTo IS NULL OR ${al}.endDate <= ${f}.endedTo)
  ))`;
}
