import { Label, Rel, TERRITORIES_INSIDE, LIES_IN } from "../neo4j/graph-model";
import { ListSpec } from "../neo4j/paging";
import { ACTOR_MAP } from "../actor/actor.cypher";
import { NODE_PROPS } from "../neo4j/projection";

const { Actor, Territory } = Label;
const { PART_OF, IN_EPCI, BASED_IN } = Rel;

// Territories by id, in key order.
export const TERRITORIES_BY_ID = `UNWIND range(0, size($keys) - 1) AS i
MATCH (x:${Territory} {id: $keys[i]})
RETURN i, x {${NODE_PROPS}} AS value`;

// Territories whose id is $code, or whose code is $code (at $level when given).
export const TERRITORIES_BY_CODE = `MATCH (t:${Territory})
WHERE (t.id = $code OR t.code = $code) AND ($level IS NULL OR t.level = $level)
RETURN t {${NODE_PROPS}} AS territory ORDER BY t.id LIMIT 10`;

// Territories at an optional level, inside an optional territory, with an optional name-key prefix.
export const TERRITORIES: ListSpec = {
  body: `OPTIONAL MATCH (within:${Territory} {id: $withinId})
  WITH within
  MATCH (x:${Territory})
  WHERE ($level IS NULL OR x.level = $level)
    AND ($namePrefix IS NULL OR x.nameKey STARTS WITH $namePrefix)
    AND ($withinId IS NULL OR (x <> within AND ${LIES_IN("x", "within")}))`,
  sortKey: "[x.nameKey, x.id]",
  project: `x {${NODE_PROPS}}`,
};

// For each id: the administrative parent (commune → département → région → France).
export const PARENTS = `UNWIND range(0, size($keys) - 1) AS i
MATCH (:${Territory} {id: $keys[i]})-[:${PART_OF} {primary: true}]->(p:${Territory})
RETURN i, p {${NODE_PROPS}} AS value`;

// Per key {id, level}: territories directly inside (an EPCI's children are its member communes).
export const CHILDREN: ListSpec = {
  body: `MATCH (:${Territory} {id: key.id})<-[:${PART_OF}|${IN_EPCI}]-(c:${Territory})
  WHERE key.level IS NULL OR c.level = key.level
  WITH DISTINCT c AS x`,
  sortKey: "[x.nameKey, x.id]",
  project: `x {${NODE_PROPS}}`,
};

// Per key {id, kinds}: actors based in the territory or anywhere inside it, by name.
export const ACTORS_IN: ListSpec = {
  body: `MATCH (t:${Territory} {id: key.id})
  ${TERRITORIES_INSIDE("t")}
  MATCH (x)<-[:${BASED_IN}]-(a:${Actor})
  WHERE key.kinds IS NULL OR a.kind IN key.kinds
  WITH DISTINCT a AS x`,
  sortKey: "[x.nameKey, x.id]",
  project: ACTOR_MAP("x"),
};
