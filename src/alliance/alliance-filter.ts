import { Label, Rel } from "../neo4j/graph-model";
import { toNeo4jDate } from "../neo4j/props";
import { ACTIVE_ON } from "../neo4j/time";
import { PLACE_WITHIN, WITHIN_TERRITORY } from "../scope/territory-scope";
import { Shape, shapeOf, within } from "../scope/shape";
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

/** `territoryId` is the resolved `filter.territory` (see scope/territory-ref.ts). */
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
export type FilterShape = ReadonlySet<string>;

/** The criteria of an alliance scope that are given: its filter's, and whether a date is. */
export interface ScopeShape {
  filter: FilterShape;
  at: boolean;
}

export const scopeShape = (filter: AllianceFilterParams | null | undefined, at: unknown): ScopeShape => ({ filter: shapeOf(filter), at: at != null });

/** The alliance scope of a loader key's shape: its `filter` and `at` criteria. */
export const keyScopeShape = (shape: Shape): ScopeShape => ({ filter: within(shape, "filter"), at: shape.has("at") });

/**
 * Cypher predicate: alliance `al` (already bound) matches the criteria of `shape` in the filter
 * map `f` (a `$param` or `key.filter`); only those clauses are emitted, without null guards.
 * Its inner variables start with `af_` so they never capture a caller's variable.
 */
export function ALLIANCE_MATCHES(al: string, f: string, shape: FilterShape): string {
  const { Actor, Membership, SDG, Territory } = Label;
  const { CONTRIBUTES_TO, ACTS_IN, HAS_MEMBERSHIP, IN_ALLIANCE } = Rel;
  const member = (where: string) =>
    `EXISTS { MATCH (${al})<-[:${IN_ALLIANCE}]-(:${Membership})<-[:${HAS_MEMBERSHIP}]-(af_member:${Actor}) WHERE ${where} }`;
  const clauses: Record<keyof AllianceFilterParams, string> = {
    kinds: `${al}.kind IN ${f}.kinds`,
    statuses: `${al}.status IN ${f}.statuses`,
    objectives: `any(o IN ${al}.objectives WHERE o IN ${f}.objectives)`,
    sdgs: `EXISTS { MATCH (${al})-[:${CONTRIBUTES_TO}]->(af_goal:${SDG}) WHERE af_goal.number IN ${f}.sdgs }`,
    territoryId: `EXISTS { MATCH (${al})-[:${ACTS_IN}]->(af_place:${Territory}) WHERE ${PLACE_WITHIN("af_place", `${f}.territoryId`)} }`,
    memberKinds: member(`af_member.kind IN ${f}.memberKinds`),
    memberIds: member(`af_member.id IN ${f}.memberIds`),
    startedFrom: `${al}.startDate >= ${f}.startedFrom`,
    startedTo: `${al}.startDate <= ${f}.startedTo`,
    endedFrom: `${al}.endDate >= ${f}.endedFrom`,
    endedTo: `${al}.endDate <= ${f}.endedTo`,
  };
  const given = (Object.keys(clauses) as (keyof AllianceFilterParams)[]).filter((key) => shape.has(key));
  return given.length === 0 ? "true" : `(${given.map((key) => clauses[key]).join("\n    AND ")})`;
}

/**
 * Binds `al` to each alliance in scope (filter map `f`, date expression `at`), starting from
 * the most selective index the criteria offer: the member ids given (at most 100 actors), else
 * the territory walked down to the places inside it, else the SDGs given (17 nodes, a tenth of
 * the alliances each), else the actors of the member kinds given, else every alliance. The other
 * criteria follow as a WHERE, with `extra` (a predicate on `al`). Only `al` (and the parameters)
 * is in scope afterwards. Starting from SDGs or member kinds rather than testing each alliance
 * (sweep at 100k: alliances(filter.sdgs) 779k → 17k db hits, memberKinds 1.9M → 50k).
 */
export function MATCH_ALLIANCES(al: string, f: string, at: string, shape: ScopeShape, extra = "true"): string {
  const { Actor, Alliance, Membership, SDG } = Label;
  const { ACTS_IN, CONTRIBUTES_TO, HAS_MEMBERSHIP, IN_ALLIANCE } = Rel;
  const rest = (skip: string) => {
    const others = new Set([...shape.filter].filter((key) => key !== skip));
    return `WHERE ${ALLIANCE_MATCHES(al, f, others)} AND ${ACTIVE_ON(al, at, shape.at)}${extra === "true" ? "" : ` AND ${extra}`}`;
  };
  if (shape.filter.has("memberIds")) {
    return `UNWIND ${f}.memberIds AS ma_member
  MATCH (:${Actor} {id: ma_member})-[:${HAS_MEMBERSHIP}]->(:${Membership})-[:${IN_ALLIANCE}]->(${al}:${Alliance})
  WITH DISTINCT ${al}
  ${rest("memberIds")}`;
  }
  if (shape.filter.has("territoryId")) {
    return `${WITHIN_TERRITORY(`${f}.territoryId`, "ma_place")}
  MATCH (ma_place)<-[:${ACTS_IN}]-(${al}:${Alliance})
  WITH DISTINCT ${al}
  ${rest("territoryId")}`;
  }
  if (shape.filter.has("sdgs")) {
    return `MATCH (ma_goal:${SDG})<-[:${CONTRIBUTES_TO}]-(${al}:${Alliance})
  WHERE ma_goal.number IN ${f}.sdgs
  WITH DISTINCT ${al}
  ${rest("sdgs")}`;
  }
  if (shape.filter.has("memberKinds")) {
    // The hint keeps the start on the actors: left alone, the planner scans every alliance towards its members.
    return `MATCH (ma_member:${Actor})-[:${HAS_MEMBERSHIP}]->(:${Membership})-[:${IN_ALLIANCE}]->(${al}:${Alliance})
  USING INDEX ma_member:${Actor}(kind)
  WHERE ma_member.kind IN ${f}.memberKinds
  WITH DISTINCT ${al}
  ${rest("memberKinds")}`;
  }
  return `MATCH (${al}:${Alliance})
  ${rest("")}`;
}
