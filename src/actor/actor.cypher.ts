import { Label, LIES_IN, Rel } from "../neo4j/graph-model";
import { replaceLinks } from "../neo4j/links";

const { Actor, Alliance, Membership, Outcome, Territory } = Label;
const { BASED_IN, HAS_MEMBERSHIP, IN_ALLIANCE, PRODUCED, CITES } = Rel;

/** An actor node `a` as the API maps it, with the id of its base territory. */
const ACTOR_MAP = (a: string) => `${a} {.*, basedInId: head([(${a})-[:${BASED_IN}]->(b) | b.id])}`;

// Actors by id, in key order.
export const ACTORS_BY_ID = `UNWIND range(0, size($keys) - 1) AS i
MATCH (a:${Actor} {id: $keys[i]})
RETURN i, ${ACTOR_MAP("a")} AS value`;

// Actors matching optional kind, territory (based in it or inside it) and name prefix, by name.
export const LIST_ACTORS = `OPTIONAL MATCH (t:${Territory} {id: $territoryId})
WITH t
MATCH (a:${Actor})
WHERE ($kind IS NULL OR a.kind = $kind)
  AND ($namePrefix IS NULL OR a.nameKey STARTS WITH $namePrefix)
  AND ($territoryId IS NULL OR EXISTS { MATCH (a)-[:${BASED_IN}]->(b:${Territory}) WHERE ${LIES_IN("b", "t")} })
RETURN ${ACTOR_MAP("a")} AS actor
ORDER BY a.nameKey, a.id
LIMIT toInteger($first)`;

// For each key {id, first}: the actor's memberships, by alliance name.
export const MEMBERSHIPS_OF_ACTORS = `UNWIND range(0, size($keys) - 1) AS i
WITH i, $keys[i] AS key
MATCH (a:${Actor} {id: key.id})-[:${HAS_MEMBERSHIP}]->(m:${Membership})-[:${IN_ALLIANCE}]->(al:${Alliance})
WITH i, key, a, m, al ORDER BY al.nameKey, al.id
WITH i, key, collect(m {.*, actorId: a.id, allianceId: al.id}) AS items
RETURN i, items[0..key.first] AS value`;

// For each key {id, kind, territoryId, first}: actors sharing at least one alliance with the
// actor, with the shared alliances; most shared first, then by name.
export const CO_CONSTRUCTORS = `UNWIND range(0, size($keys) - 1) AS i
WITH i, $keys[i] AS key
MATCH (a:${Actor} {id: key.id})
OPTIONAL MATCH (t:${Territory} {id: key.territoryId})
CALL (a, key, t) {
  MATCH (a)-[:${HAS_MEMBERSHIP}]->(:${Membership})-[:${IN_ALLIANCE}]->(al:${Alliance})<-[:${IN_ALLIANCE}]-(:${Membership})<-[:${HAS_MEMBERSHIP}]-(c:${Actor})
  WHERE c <> a
    AND (key.kind IS NULL OR c.kind = key.kind)
    AND (key.territoryId IS NULL OR EXISTS { MATCH (c)-[:${BASED_IN}]->(b:${Territory}) WHERE ${LIES_IN("b", "t")} })
  WITH c, al ORDER BY al.nameKey, al.id
  WITH c, collect(DISTINCT al {.*}) AS shared
  ORDER BY size(shared) DESC, c.nameKey, c.id
  RETURN collect({actor: ${ACTOR_MAP("c")}, sharedAlliances: shared, sharedAllianceCount: size(shared)}) AS items
}
RETURN i, items[0..key.first] AS value`;

// For each key {id, first}: outcomes of the alliances the actor is a member of, by title.
export const IMPACT_OF_ACTORS = `UNWIND range(0, size($keys) - 1) AS i
WITH i, $keys[i] AS key
MATCH (a:${Actor} {id: key.id})-[:${HAS_MEMBERSHIP}]->(:${Membership})-[:${IN_ALLIANCE}]->(al:${Alliance})-[:${PRODUCED}]->(o:${Outcome})
WITH i, key, al, o ORDER BY o.title, o.id
WITH i, key, collect(DISTINCT o {.*, allianceId: al.id}) AS items
RETURN i, items[0..key.first] AS value`;

// The two actors and the alliances they are both members of, by name.
export const CO_CONSTRUCTION = `MATCH (x:${Actor} {id: $a}), (y:${Actor} {id: $b})
OPTIONAL MATCH (x)-[:${HAS_MEMBERSHIP}]->(:${Membership})-[:${IN_ALLIANCE}]->(al:${Alliance})<-[:${IN_ALLIANCE}]-(:${Membership})<-[:${HAS_MEMBERSHIP}]-(y)
WITH x, y, al ORDER BY al.nameKey, al.id
RETURN ${ACTOR_MAP("x")} AS a, ${ACTOR_MAP("y")} AS b, collect(DISTINCT al {.*}) AS alliances`;

// Creates or updates actor $id; $basedInId / $sourceIds null keep the current links.
export const UPSERT_ACTOR = `MERGE (a:${Actor} {id: $id})
ON CREATE SET a.createdAt = datetime()
SET a += $props, a.updatedAt = datetime()
WITH a
CALL (a) {
  OPTIONAL MATCH (a)-[old:${BASED_IN}]->() WHERE $replaceBasedIn
  DELETE old
}
CALL (a) {
  MATCH (t:${Territory} {id: $basedInId})
  MERGE (a)-[:${BASED_IN}]->(t)
}
${replaceLinks("a", CITES, Label.Source, "sourceIds")}
RETURN ${ACTOR_MAP("a")} AS actor`;

// Whether actor $id exists (so a patch of a missing actor is NOT_FOUND, not a creation).
export const ACTOR_EXISTS = `RETURN EXISTS { MATCH (:${Actor} {id: $id}) } AS exists`;

// Deletes an actor and its memberships (a membership means nothing without its member).
export const DELETE_ACTOR = `MATCH (a:${Actor} {id: $id})
OPTIONAL MATCH (a)-[:${HAS_MEMBERSHIP}]->(m:${Membership})
DETACH DELETE m, a
RETURN count(*) AS deleted`;
