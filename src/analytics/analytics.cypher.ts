import { MATCH_ALLIANCES, ScopeShape } from "../alliance/alliance-filter";
import { Label, Rel } from "../neo4j/graph-model";
import { ACTIVE_AT } from "../neo4j/time";
import { TerritoryLevel } from "../common/enums";

const { Actor, Membership, SDG, Territory } = Label;
const { HAS_MEMBERSHIP, IN_ALLIANCE, CONTRIBUTES_TO, BASED_IN, PART_OF } = Rel;

/**
 * The scope's co-construction network in one round trip. In scope: alliances matching
 * $filter and active on $at; their members through memberships active on $at, of
 * $actorKinds (null: any). One row per actor, so the driver decodes them as they stream in
 * instead of one record of megabytes that would hold the event loop (at 50k actors, seconds):
 *   actorCount  how many actors are in scope, on every row (rows are skipped above $maxActors;
 *               then, or with no actor, one row with a null actor);
 *   actor       [id, name, nameKey, kind, departementId (the département it is based in, via
 *               PART_OF), sdgs (SDG numbers of its alliances in scope), partners (for each of
 *               its alliances in scope, the ids of the other members greater than its own: a
 *               tie is listed once, and as many times as the alliances the two share)].
 * Lists, not maps, as 100k of them cross the wire; the Actor itself is loaded by id when asked.
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
OPTIONAL CALL (groups, actorCount) {
  UNWIND CASE WHEN actorCount <= $maxActors THEN groups ELSE [] END AS g
  UNWIND g.members AS a
  WITH a, collect(g) AS gs
  RETURN [
    a.id, a.name, a.nameKey, a.kind,
    head([(a)-[:${BASED_IN}]->(:${Territory})-[:${PART_OF}*0..3]->(d:${Territory} {level: "${TerritoryLevel.DEPARTEMENT}"}) | d.id]),
    reduce(s = [], g IN gs | s + [n IN g.sdgs WHERE NOT n IN s]),
    [g IN gs | [b IN g.members WHERE b.id > a.id | b.id]]
  ] AS actor
}
RETURN actorCount, actor`;
