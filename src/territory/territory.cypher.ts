import { Label, Rel, TERRITORIES_INSIDE, LIES_IN } from "../neo4j/graph-model";

const { Actor, Alliance, Territory } = Label;
const { PART_OF, IN_EPCI, ACTS_IN, BASED_IN } = Rel;

// Territories by id, in key order.
export const TERRITORIES_BY_ID = `UNWIND range(0, size($keys) - 1) AS i
MATCH (x:${Territory} {id: $keys[i]})
RETURN i, x {.*} AS value`;

// Territories whose id is $code, or whose code is $code (at $level when given).
export const TERRITORIES_BY_CODE = `MATCH (t:${Territory})
WHERE (t.id = $code OR t.code = $code) AND ($level IS NULL OR t.level = $level)
RETURN t {.*} AS territory ORDER BY t.id LIMIT 10`;

// Territories at an optional level, inside an optional territory, with an optional name prefix.
export const LIST_TERRITORIES = `OPTIONAL MATCH (within:${Territory} {id: $withinId})
WITH within
MATCH (t:${Territory})
WHERE ($level IS NULL OR t.level = $level)
  AND ($namePrefix IS NULL OR t.nameKey STARTS WITH $namePrefix)
  AND ($withinId IS NULL OR (t <> within AND ${LIES_IN("t", "within")}))
RETURN t {.*} AS territory
ORDER BY t.nameKey, t.id
LIMIT toInteger($first)`;

// For each id: the administrative parent (commune → département → région → France).
export const PARENTS = `UNWIND range(0, size($keys) - 1) AS i
MATCH (:${Territory} {id: $keys[i]})-[:${PART_OF} {primary: true}]->(p:${Territory})
RETURN i, p {.*} AS value`;

// For each key {id, first}: territories directly inside (an EPCI's children are its member communes).
export const CHILDREN = `UNWIND range(0, size($keys) - 1) AS i
WITH i, $keys[i] AS key
MATCH (t:${Territory} {id: key.id})<-[:${PART_OF}|${IN_EPCI}]-(c:${Territory})
WITH i, key, c ORDER BY c.nameKey, c.id
WITH i, key, collect(DISTINCT c {.*}) AS items
RETURN i, items[0..key.first] AS value`;

// For each key {id, first}: alliances acting in the territory or anywhere inside it, by name.
export const ALLIANCES_IN = `UNWIND range(0, size($keys) - 1) AS i
WITH i, $keys[i] AS key
MATCH (t:${Territory} {id: key.id})
CALL (t, key) {
  ${TERRITORIES_INSIDE("t")}
  MATCH (x)<-[:${ACTS_IN}]-(al:${Alliance})
  WITH DISTINCT al ORDER BY al.nameKey, al.id
  RETURN collect(al {.*}) AS items
}
RETURN i, items[0..key.first] AS value`;

// For each key {id, first}: actors based in the territory or anywhere inside it, by name.
export const ACTORS_IN = `UNWIND range(0, size($keys) - 1) AS i
WITH i, $keys[i] AS key
MATCH (t:${Territory} {id: key.id})
CALL (t, key) {
  ${TERRITORIES_INSIDE("t")}
  MATCH (x)<-[:${BASED_IN}]-(a:${Actor})
  WITH DISTINCT a, x ORDER BY a.nameKey, a.id
  RETURN collect(a {.*, basedInId: x.id}) AS items
}
RETURN i, items[0..key.first] AS value`;
