import { MATCH_ALLIANCES, ScopeShape } from "../alliance/alliance-filter";
import { Label, Rel } from "../neo4j/graph-model";
import { ACTIVE_AT } from "../neo4j/time";
import { TerritoryLevel } from "../common/enums";

const { Actor, Membership, SDG, Territory } = Label;
const { HAS_MEMBERSHIP, IN_ALLIANCE, CONTRIBUTES_TO, BASED_IN, PART_OF } = Rel;

/**
 * The scope's co-construction network in one round trip. In scope: alliances matching
 * $filter and active on $at; their members through memberships active on $at, of
 * $actorKinds (null: any). Returns
 *   actorCount  how many actors are in scope (pairs are skipped above $maxActors);
 *   actors      each as [id, name, nameKey, kind, departementId (the département it is
 *               based in, via PART_OF), sdgs (SDG numbers of its alliances in scope)]:
 *               lists, not maps, as 100k of them cross the wire (the Actor itself is loaded by id);
 *   ties        [sourceId, targetId, shared alliance count], sourceId < targetId.
 * Actors that share no alliance with another in-scope actor are in `actors` only.
 * Specialised to the criteria given (`shape`; `actorKinds`: whether $actorKinds is).
 */
export const SCOPED_NETWORK = (shape: ScopeShape, actorKinds: boolean) => `${MATCH_ALLIANCES("al", "$filter", "$at", shape)}
MATCH (al)<-[:${IN_ALLIANCE}]-(m:${Membership})<-[:${HAS_MEMBERSHIP}]-(a:${Actor})
WHERE ${ACTIVE_AT("m", "at", shape.at)}${actorKinds ? " AND a.kind IN $actorKinds" : ""}
WITH al, collect(DISTINCT a) AS members
WITH collect({members: members, sdgs: [(al)-[:${CONTRIBUTES_TO}]->(goal:${SDG}) | goal.number]}) AS groups
CALL (groups) {
  UNWIND groups AS g
  UNWIND g.members AS a
  RETURN count(DISTINCT a) AS actorCount
}
CALL (groups, actorCount) {
  UNWIND CASE WHEN actorCount <= $maxActors THEN groups ELSE [] END AS g
  UNWIND g.members AS a
  WITH a, collect(g.sdgs) AS sdgLists
  RETURN collect([
    a.id, a.name, a.nameKey, a.kind,
    head([(a)-[:${BASED_IN}]->(:${Territory})-[:${PART_OF}*0..3]->(d:${Territory} {level: "${TerritoryLevel.DEPARTEMENT}"}) | d.id]),
    reduce(s = [], l IN sdgLists | s + [n IN l WHERE NOT n IN s])
  ]) AS actors
}
CALL (groups, actorCount) {
  UNWIND CASE WHEN actorCount <= $maxActors THEN groups ELSE [] END AS g
  UNWIND g.members AS a
  UNWIND g.members AS b
  WITH a, b WHERE a.id < b.id
  WITH a.id AS source, b.id AS target, count(*) AS shared
  RETURN collect([source, target, shared]) AS ties
}
RETURN actorCount, actors, ties`;
