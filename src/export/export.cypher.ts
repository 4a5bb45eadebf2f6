import { keyScopeShape, MATCH_ALLIANCES } from "../alliance/alliance-filter";
import { Label, Rel } from "../neo4j/graph-model";
import { ACTIVE_AT } from "../neo4j/time";
import { INPUT_ROW } from "../entity/input-row";
import { ActorInput } from "../actor/actor.input";
import { AllianceInput } from "../alliance/alliance.input";
import { MembershipInput } from "../membership/membership.input";
import { OutcomeInput } from "../outcome/outcome.input";
import { SourceInput } from "../source/source.input";
import { MaturityAssessmentInput } from "../maturity/maturity.input";
import { PLACE_WITHIN } from "../scope/territory-scope";
import { Shape, whereGiven } from "../scope/shape";

const { Actor, Alliance, Membership, Outcome, Territory, Source, MaturityAssessment } = Label;
const { BASED_IN, HAS_MEMBERSHIP, IN_ALLIANCE, ACTS_IN, PRODUCED, ASSESSES, CITES } = Rel;

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

// The scope, a page at a time (keyset on id): the next $limit alliances after $after that the scope
// selects, each with its memberships in scope (actor of the kinds, membership active in the period;
// with their dates, for the projected graph). `kept` is false for an alliance that the actor kinds
// leave without members: it is not in scope, but its id moves the keyset on.
export const SCOPE_ALLIANCES = (shape: Shape) => `${MATCH_ALLIANCES("al", "$filter", "$at", keyScopeShape(shape), `al.id > $after AND ${PREFIXED("al", shape)} AND ${DURING("al", shape)}`)}
WITH al ORDER BY al.id LIMIT toInteger($limit)
CALL (al) {
  MATCH (a:${Actor})-[:${HAS_MEMBERSHIP}]->(m:${Membership})-[:${IN_ALLIANCE}]->(al)
  WHERE ${PREFIXED("a", shape)} AND ${whereGiven(shape, { actorKinds: "a.kind IN $actorKinds" })} AND ${ACTIVE_AT("m", "at", shape.has("at"))} AND ${DURING("m", shape)}
  RETURN collect({id: m.id, actorId: a.id, allianceId: al.id, startDate: m.startDate, endDate: m.endDate}) AS members
}
RETURN al.id AS id, members, ${whereGiven(shape, { actorKinds: "size(members) > 0" })} AS kept
ORDER BY al.id`;

// When the scope does not select by alliance ($allActors): every actor of the kinds, $limit after $after by id.
export const SCOPE_ACTORS = (shape: Shape) => `MATCH (a:${Actor})
WHERE a.id > $after AND ${PREFIXED("a", shape)} AND ${whereGiven(shape, { actorKinds: "a.kind IN $actorKinds" })}
RETURN a.id AS id
ORDER BY a.id
LIMIT toInteger($limit)`;

// Each section's rows are the nodes as their input has them (INPUT_ROW, export.document.ts shapes them).
// Sections are read a page at a time: by a slice of the scope's sorted ids ($ids), or, where the
// rows are not keyed by those ids, by keyset on their own id ($after, $limit).

// Actors by $ids, by id.
export const DOCUMENT_ACTORS = `UNWIND $ids AS id
MATCH (a:${Actor} {id: id})
RETURN ${INPUT_ROW(ActorInput, "a")} AS row
ORDER BY a.id`;

// Alliances by $ids, by id.
export const DOCUMENT_ALLIANCES = `UNWIND $ids AS id
MATCH (al:${Alliance} {id: id})
RETURN ${INPUT_ROW(AllianceInput, "al")} AS row
ORDER BY al.id`;

// Memberships by $ids, by alliance then actor.
export const DOCUMENT_MEMBERSHIPS = `UNWIND $ids AS id
MATCH (a:${Actor})-[:${HAS_MEMBERSHIP}]->(m:${Membership} {id: id})-[:${IN_ALLIANCE}]->(al:${Alliance})
RETURN ${INPUT_ROW(MembershipInput, "m")} AS row
ORDER BY al.id, a.id`;

// Outcomes of the alliances $ids, in no order: which outcomes, actors and sources the document needs.
export const OUTCOMES_OF_ALLIANCES = `UNWIND $ids AS id
MATCH (:${Alliance} {id: id})-[:${PRODUCED}]->(o:${Outcome})
RETURN ${INPUT_ROW(OutcomeInput, "o")} AS row`;

// Outcomes by $ids, by id.
export const DOCUMENT_OUTCOMES = `UNWIND $ids AS id
MATCH (o:${Outcome} {id: id})
RETURN ${INPUT_ROW(OutcomeInput, "o")} AS row
ORDER BY o.id`;

// Maturity assessments of the actors $ids, and, when $territories, of the territories in the scope's
// territory (every territory without one), by id: the page after $after.
export const DOCUMENT_ASSESSMENTS = (shape: Shape) => `MATCH (ma:${MaturityAssessment})-[:${ASSESSES}]->(subject)
WHERE ma.id > $after AND ${PREFIXED("ma", shape)} AND (
  (subject:${Actor} AND subject.id IN $ids)
  OR (subject:${Territory} AND $territories AND ${whereGiven(shape, { "filter.territoryId": PLACE_WITHIN("subject", "$filter.territoryId") })}))
RETURN ma.id AS id, ${INPUT_ROW(MaturityAssessmentInput, "ma")} AS row
ORDER BY ma.id
LIMIT toInteger($limit)`;

// Ids of the sources that the nodes $ids (actors, alliances or memberships, as `label` says) cite:
// what the document's sources section needs of them, without reading them whole.
export const CITED_SOURCES = (label: Label.Actor | Label.Alliance | Label.Membership) => `UNWIND $ids AS id
MATCH (:${label} {id: id})-[:${CITES}]->(s:${Source})
RETURN DISTINCT s.id AS id`;

// Sources cited by the exported facts ($ids) and, when $allSources, every source (with the prefix), by id:
// the page after $after.
export const DOCUMENT_SOURCES = (shape: Shape) => `MATCH (s:${Source})
WHERE s.id > $after AND (s.id IN $ids OR ($allSources AND ${PREFIXED("s", shape)}))
RETURN s.id AS id, ${INPUT_ROW(SourceInput, "s")} AS row
ORDER BY s.id
LIMIT toInteger($limit)`;

/** Cypher expression: the ids of the sources node `x` cites, sorted (every graph element carries them). */
const SOURCE_IDS = (x: string) => `COLLECT { MATCH (${x})-[:${CITES}]->(s:${Source}) RETURN s.id ORDER BY s.id }`;

// Actor nodes by $ids for the graph formats, with their base territory and sources, by id.
export const GRAPH_ACTORS = `UNWIND $ids AS id
MATCH (a:${Actor} {id: id})
OPTIONAL MATCH (a)-[:${BASED_IN}]->(t:${Territory})
RETURN a.id AS id, a.name AS name, a.kind AS kind, t.id AS territoryId, t.name AS territoryName, ${SOURCE_IDS("a")} AS sourceIds
ORDER BY a.id`;

// Alliance nodes by $ids for the graph formats, with the territories they act in (by id) and sources, by id.
export const GRAPH_ALLIANCES = `UNWIND $ids AS id
MATCH (al:${Alliance} {id: id})
CALL (al) {
  OPTIONAL MATCH (al)-[:${ACTS_IN}]->(t:${Territory})
  WITH t ORDER BY t.id
  RETURN collect(t.id) AS territoryIds, collect(t.name) AS territoryNames
}
RETURN al.id AS id, al.name AS name, al.kind AS kind, al.status AS status, al.startDate AS startDate,
  al.endDate AS endDate, territoryIds, territoryNames, ${SOURCE_IDS("al")} AS sourceIds
ORDER BY al.id`;

// Membership edges by $ids for the graph formats (actor → alliance, role, dates, sources), by id.
export const GRAPH_MEMBERSHIPS = `UNWIND $ids AS id
MATCH (a:${Actor})-[:${HAS_MEMBERSHIP}]->(m:${Membership} {id: id})-[:${IN_ALLIANCE}]->(al:${Alliance})
RETURN m.id AS id, a.id AS actorId, al.id AS allianceId, m.role AS role, m.startDate AS startDate, m.endDate AS endDate,
  ${SOURCE_IDS("m")} AS sourceIds
ORDER BY m.id`;

// Sources of the alliances $allianceIds and the memberships $membershipIds, by node: what a page of
// CO_CONSTRUCTS edges cites (each the union over its shared alliances and the pair's memberships there).
export const GRAPH_SHARED_SOURCES = `CALL () {
  UNWIND $allianceIds AS id MATCH (n:${Alliance} {id: id}) RETURN n
  UNION ALL
  UNWIND $membershipIds AS id MATCH (n:${Membership} {id: id}) RETURN n
}
RETURN n.id AS id, n:${Membership} AS membership, ${SOURCE_IDS("n")} AS sourceIds`;
