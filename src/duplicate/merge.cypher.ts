import { Label, Rel } from "../neo4j/graph-model";

const { Actor, ActorAlias, Membership, Alliance, Territory } = Label;
const { ALIAS_OF, BASED_IN, HAS_MEMBERSHIP, IN_ALLIANCE } = Rel;

// For $keep and $remove: whether an actor has that id, and the actor it was merged into when it is an alias (with that merge's report).
export const MERGE_PARTIES = `UNWIND [$keep, $remove] AS ref
RETURN ref, EXISTS { MATCH (:${Actor} {id: ref}) } AS actor,
  head(COLLECT { MATCH (alias:${ActorAlias} {id: ref})-[:${ALIAS_OF}]->(kept:${Actor}) RETURN {kept: kept.id, report: alias.report} }) AS alias`;

// Both actors' properties and base territories, and each membership of the removed one with the kept one's of the same alliance, if any.
export const MERGE_STATE = `MATCH (keep:${Actor} {id: $keep}), (remove:${Actor} {id: $remove})
RETURN properties(keep) AS keep, properties(remove) AS remove,
  head([(keep)-[:${BASED_IN}]->(t:${Territory}) | t.id]) AS keepBase,
  head([(remove)-[:${BASED_IN}]->(t:${Territory}) | t.id]) AS removeBase,
  COLLECT { MATCH (remove)-[:${HAS_MEMBERSHIP}]->(m:${Membership})-[:${IN_ALLIANCE}]->(al:${Alliance})
    RETURN {id: m.id, allianceId: al.id, props: properties(m),
      kept: head(COLLECT { MATCH (keep)-[:${HAS_MEMBERSHIP}]->(km:${Membership})-[:${IN_ALLIANCE}]->(al) RETURN properties(km) })} } AS memberships`;

/**
 * Moves every relationship of node `from` of the types listed to node `to` (bound), both
 * directions, without duplicating one `to` already has; copies its properties; deletes the old
 * ones. `single`: types a node has at most one of outgoing (BASED_IN), moved only when `to` has none.
 * The branches of a UNION subquery (CALL (from, to) { … }), a row per type and direction:
 * {relationship: "TYPE>" | "<TYPE", moved, shared}.
 */
export const MOVE_RELATIONSHIPS = (from: string, to: string, types: Rel[], single: Rel[] = []) =>
  types
    .flatMap((type) => [
      `MATCH (${from})-[r:${type}]->(o) WHERE o <> ${to} AND o <> ${from}
  WITH r, o, EXISTS { MATCH (${to})-[:${type}]->(o) } AS had${single.includes(type) ? `, EXISTS { MATCH (${to})-[:${type}]->() } AS full` : ", false AS full"}
  CALL (${to}, r, o, had, full) { WITH * WHERE NOT had AND NOT full CREATE (${to})-[n:${type}]->(o) SET n = properties(r) }
  WITH r, had, full DELETE r
  RETURN '${type}>' AS relationship, sum(CASE WHEN had OR full THEN 0 ELSE 1 END) AS moved, sum(CASE WHEN had OR full THEN 1 ELSE 0 END) AS shared`,
      `MATCH (${from})<-[r:${type}]-(o) WHERE o <> ${to} AND o <> ${from}
  WITH r, o, EXISTS { MATCH (${to})<-[:${type}]-(o) } AS had
  CALL (${to}, r, o, had) { WITH * WHERE NOT had CREATE (${to})<-[n:${type}]-(o) SET n = properties(r) }
  WITH r, had DELETE r
  RETURN '<${type}' AS relationship, sum(CASE WHEN had THEN 0 ELSE 1 END) AS moved, sum(CASE WHEN had THEN 1 ELSE 0 END) AS shared`,
    ])
    .join("\n  UNION ALL\n  ");

/** Every relationship type but those the merge handles itself (memberships are re-keyed or merged). */
const ACTOR_RELS = Object.values(Rel).filter((rel) => rel !== HAS_MEMBERSHIP);

// Moves every other relationship of $remove to $keep (BASED_IN only when keep has no base): the counts per type and direction it had.
export const MOVE_ACTOR_RELATIONSHIPS = `MATCH (keep:${Actor} {id: $keep}), (remove:${Actor} {id: $remove})
CALL (keep, remove) {
  ${MOVE_RELATIONSHIPS("remove", "keep", ACTOR_RELS, [BASED_IN])}
}
WITH relationship, moved, shared WHERE moved + shared > 0
RETURN relationship, moved, shared ORDER BY relationship`;

// Re-keys the removed actor's memberships of alliances the kept one is not in: $moves [{from, to}] (to: "<alliance>/<kept id>").
export const MOVE_MEMBERSHIPS = `MATCH (keep:${Actor} {id: $keep})
UNWIND $moves AS move
MATCH (:${Actor} {id: $remove})-[h:${HAS_MEMBERSHIP}]->(m:${Membership} {id: move.from})
DELETE h
CREATE (keep)-[:${HAS_MEMBERSHIP}]->(m)
SET m.id = move.to, m.updatedAt = datetime()`;

/** Cypher SET items filling node `into`'s absent `properties` from map `from`. */
export const FILL = (into: string, from: string, properties: string[]) =>
  properties.map((p) => `${into}.${p} = coalesce(${into}.${p}, ${from}.${p})`).join(", ");

// Merges each of $merges [{from, into}] (the removed actor's membership, the kept one's of the same alliance): fills, moves its sources, deletes it.
export const MERGE_MEMBERSHIPS = (properties: string[]) => `UNWIND $merges AS merge
MATCH (m:${Membership} {id: merge.from}), (km:${Membership} {id: merge.into})
SET ${FILL("km", "m", properties)}, km.updatedAt = datetime()
WITH m, km
CALL (m, km) {
  ${MOVE_RELATIONSHIPS("m", "km", Object.values(Rel).filter((rel) => rel !== HAS_MEMBERSHIP && rel !== IN_ALLIANCE))}
}
WITH DISTINCT m
DETACH DELETE m`;

// Deletes $remove (its relationships moved already), fills $keep's absent properties from it, and keeps $remove as an alias of $keep holding the merge's $report.
export const REPLACE_BY_ALIAS = (properties: string[]) => `MATCH (remove:${Actor} {id: $remove})
WITH remove, properties(remove) AS gone
DETACH DELETE remove
WITH gone
MATCH (keep:${Actor} {id: $keep})
SET ${FILL("keep", "gone", properties)}, keep.updatedAt = datetime()
CREATE (:${ActorAlias} {id: $remove, mergedAt: datetime(), report: $report})-[:${ALIAS_OF}]->(keep)`;
