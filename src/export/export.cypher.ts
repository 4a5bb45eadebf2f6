import { keyScopeShape, MATCH_ALLIANCES } from "../alliance/alliance-filter";
import { Label, Rel } from "../neo4j/graph-model";
import { ACTIVE_AT } from "../neo4j/time";
import { PLACE_WITHIN } from "../scope/territory-scope";
import { Shape, whereGiven } from "../scope/shape";

const { Actor, Alliance, Membership, Outcome, Territory, SDG, Source, MaturityAssessment } = Label;
const { BASED_IN, HAS_MEMBERSHIP, IN_ALLIANCE, ACTS_IN, CONTRIBUTES_TO, PRODUCED, ADVANCES, BENEFITS, CITES, ASSESSES } = Rel;

/**
 * Every query here takes the scope parameters of `scopeParams` (export.scope.ts):
 * $prefix, $filter (AllianceFilterParams), $at, $from, $to, $actorKinds, $allActors; the
 * scoped ones are specialised to the parameters given (`shape`, scope/shape.ts).
 */

/** Cypher predicate: node `x` (alliance or membership) overlaps the period [$from, $to]; open ends overlap. */
const DURING = (x: string, shape: Shape) =>
  whereGiven(shape, { from: `(${x}.endDate IS NULL OR ${x}.endDate >= $from)`, to: `(${x}.startDate IS NULL OR ${x}.startDate <= $to)` });

/** Cypher predicate: `x`'s id starts with $prefix (when one is given). */
const PREFIXED = (x: string, shape: Shape) => whereGiven(shape, { prefix: `${x}.id STARTS WITH $prefix` });

// One row per membership in scope (alliance in scope, actor of the kinds, membership active in the
// period), one row per alliance in scope without any, and, when $allActors, one row per actor of the kinds.
export const SCOPE_IDS = (shape: Shape) => `CALL () {
  ${MATCH_ALLIANCES("al", "$filter", "$at", keyScopeShape(shape), `${PREFIXED("al", shape)} AND ${DURING("al", shape)}`)}
  CALL (al) {
    MATCH (a:${Actor})-[:${HAS_MEMBERSHIP}]->(m:${Membership})-[:${IN_ALLIANCE}]->(al)
    WHERE ${PREFIXED("a", shape)} AND ${whereGiven(shape, { actorKinds: "a.kind IN $actorKinds" })} AND ${ACTIVE_AT("m", "at", shape.has("at"))} AND ${DURING("m", shape)}
    RETURN collect({membershipId: m.id, actorId: a.id}) AS members
  }
  WITH al, members WHERE ${whereGiven(shape, { actorKinds: "size(members) > 0" })}
  UNWIND CASE WHEN size(members) = 0 THEN [{membershipId: null, actorId: null}] ELSE members END AS member
  RETURN al.id AS allianceId, member.membershipId AS membershipId, member.actorId AS actorId
  UNION ALL
  MATCH (a:${Actor})
  WHERE $allActors AND ${PREFIXED("a", shape)} AND ${whereGiven(shape, { actorKinds: "a.kind IN $actorKinds" })}
  RETURN null AS allianceId, null AS membershipId, a.id AS actorId
}
RETURN allianceId, membershipId, actorId`;

// Actors by $ids as the import format has them (base territory id, cited source ids), by id.
export const DOCUMENT_ACTORS = `UNWIND $ids AS id
MATCH (a:${Actor} {id: id})
RETURN a {.id, .name, .kind, .description, .website, .siren, .rna,
  basedIn: head([(a)-[:${BASED_IN}]->(t:${Territory}) | t.id]),
  sourceIds: [(a)-[:${CITES}]->(s:${Source}) | s.id]} AS row
ORDER BY a.id`;

// Alliances by $ids as the import format has them (territory ids, SDG numbers, source ids), by id.
export const DOCUMENT_ALLIANCES = `UNWIND $ids AS id
MATCH (al:${Alliance} {id: id})
RETURN al {.id, .name, .description, .kind, .objectives, .status, .startDate, .endDate,
  territories: [(al)-[:${ACTS_IN}]->(t:${Territory}) | t.id],
  sdgs: [(al)-[:${CONTRIBUTES_TO}]->(g:${SDG}) | g.number],
  sourceIds: [(al)-[:${CITES}]->(s:${Source}) | s.id]} AS row
ORDER BY al.id`;

// Memberships by $ids as the import format has them (actor and alliance ids, source ids), by alliance then actor.
export const DOCUMENT_MEMBERSHIPS = `UNWIND $ids AS id
MATCH (a:${Actor})-[:${HAS_MEMBERSHIP}]->(m:${Membership} {id: id})-[:${IN_ALLIANCE}]->(al:${Alliance})
RETURN m {actorId: a.id, allianceId: al.id, .role, .startDate, .endDate,
  sourceIds: [(m)-[:${CITES}]->(s:${Source}) | s.id]} AS row
ORDER BY al.id, a.id`;

// Outcomes of the alliances $ids as the import format has them (flat indicator properties included), by id.
export const DOCUMENT_OUTCOMES = `UNWIND $ids AS id
MATCH (:${Alliance} {id: id})-[:${PRODUCED}]->(o:${Outcome})
RETURN o {.id, allianceId: id, .kind, .title, .description, .indicatorValue, .indicatorUnit, .indicatorMeasuredOn,
  sdgs: [(o)-[:${ADVANCES}]->(g:${SDG}) | g.number],
  beneficiaryTerritories: [(o)-[:${BENEFITS}]->(t:${Territory}) | t.id],
  beneficiaryActorIds: [(o)-[:${BENEFITS}]->(b:${Actor}) | b.id],
  sourceIds: [(o)-[:${CITES}]->(s:${Source}) | s.id]} AS row
ORDER BY o.id`;

// Maturity assessments of the actors $ids, and, when $territories, of the territories in the scope's
// territory (every territory without one), by id.
export const DOCUMENT_ASSESSMENTS = (shape: Shape) => `MATCH (ma:${MaturityAssessment})-[:${ASSESSES}]->(subject)
WHERE ${PREFIXED("ma", shape)} AND (
  (subject:${Actor} AND subject.id IN $ids)
  OR (subject:${Territory} AND $territories AND ${whereGiven(shape, { "filter.territoryId": PLACE_WITHIN("subject", "$filter.territoryId") })}))
RETURN ma {.id, subjectType: CASE WHEN subject:${Actor} THEN "ACTOR" ELSE "TERRITORY" END, subjectId: subject.id,
  .level, .assessedOn, .note, sourceIds: [(ma)-[:${CITES}]->(s:${Source}) | s.id]} AS row
ORDER BY ma.id`;

// Sources cited by the exported facts ($ids) and, when $allSources, every source (with the prefix), by id.
export const DOCUMENT_SOURCES = (shape: Shape) => `MATCH (s:${Source})
WHERE s.id IN $ids OR ($allSources AND ${PREFIXED("s", shape)})
RETURN s {.id, .title, .publisher, .date, .url, .kind} AS row
ORDER BY s.id`;

// Actor nodes by $ids for the graph formats, with their base territory, by id.
export const GRAPH_ACTORS = `UNWIND $ids AS id
MATCH (a:${Actor} {id: id})
OPTIONAL MATCH (a)-[:${BASED_IN}]->(t:${Territory})
RETURN a.id AS id, a.name AS name, a.kind AS kind, t.id AS territoryId, t.name AS territoryName
ORDER BY a.id`;

// Alliance nodes by $ids for the graph formats, with the territories they act in (by id), by id.
export const GRAPH_ALLIANCES = `UNWIND $ids AS id
MATCH (al:${Alliance} {id: id})
CALL (al) {
  OPTIONAL MATCH (al)-[:${ACTS_IN}]->(t:${Territory})
  WITH t ORDER BY t.id
  RETURN collect(t.id) AS territoryIds, collect(t.name) AS territoryNames
}
RETURN al.id AS id, al.name AS name, al.kind AS kind, al.status AS status, al.startDate AS startDate,
  al.endDate AS endDate, territoryIds, territoryNames
ORDER BY al.id`;

// Membership edges by $ids for the graph formats (actor → alliance, role, dates), by id.
export const GRAPH_MEMBERSHIPS = `UNWIND $ids AS id
MATCH (a:${Actor})-[:${HAS_MEMBERSHIP}]->(m:${Membership} {id: id})-[:${IN_ALLIANCE}]->(al:${Alliance})
RETURN m.id AS id, a.id AS actorId, al.id AS allianceId, m.role AS role, m.startDate AS startDate, m.endDate AS endDate
ORDER BY m.id`;
