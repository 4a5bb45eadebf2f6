import { Label, Rel } from "../neo4j/graph-model";
import { TERRITORIES_INSIDE, WITHIN_TERRITORY } from "../scope/territory-scope";
import { Shape, whereGiven } from "../scope/shape";
import { ListSpec } from "../neo4j/paging";
import { ACTOR_MAP } from "../actor/actor.cypher";
import { NODE_PROPS } from "../neo4j/projection";

const { Actor, Territory } = Label;
const { PART_OF, IN_EPCI, BASED_IN } = Rel;

// Territories by id, in key order.
export const TERRITORIES_BY_ID = `UNWIND range(0, size($keys) - 1) AS i
MATCH (x:${Territory} {id: $keys[i]})
RETURN i, x {${NODE_PROPS}} AS value`;

// Territories at an optional level, inside an optional territory (walked down), with an optional
// name-key prefix; specialised to those given (`shape`).
export const TERRITORIES = (shape: Shape): ListSpec => ({
  body: `${shape.has("withinId") ? `${WITHIN_TERRITORY("$withinId", "x")}\n  WITH DISTINCT x WHERE x.id <> $withinId AND` : `MATCH (x:${Territory}) WHERE`} ${whereGiven(shape, {
    level: "x.level = $level",
    namePrefix: "x.nameKey STARTS WITH $namePrefix",
  })}`,
  sortKey: "[x.nameKey, x.id]",
  project: `x {${NODE_PROPS}}`,
});

// For each id: the administrative parent (commune → département → région → France).
export const PARENTS = `UNWIND range(0, size($keys) - 1) AS i
MATCH (:${Territory} {id: $keys[i]})-[:${PART_OF} {primary: true}]->(p:${Territory})
RETURN i, p {${NODE_PROPS}} AS value`;

// Per key {id, level}: territories directly inside (an EPCI's children are its member communes).
export const CHILDREN = (shape: Shape): ListSpec => ({
  body: `MATCH (:${Territory} {id: key.id})<-[:${PART_OF}|${IN_EPCI}]-(c:${Territory})
  WHERE ${whereGiven(shape, { level: "c.level = key.level" })}
  WITH DISTINCT c AS x`,
  sortKey: "[x.nameKey, x.id]",
  project: `x {${NODE_PROPS}}`,
});

// Per key {id, kinds}: actors based in the territory or anywhere inside it, by name.
export const ACTORS_IN = (shape: Shape): ListSpec => ({
  body: `MATCH (t:${Territory} {id: key.id})
  ${TERRITORIES_INSIDE("t")}
  MATCH (x)<-[:${BASED_IN}]-(a:${Actor})
  WHERE ${whereGiven(shape, { kinds: "a.kind IN key.kinds" })}
  WITH DISTINCT a AS x`,
  sortKey: "[x.nameKey, x.id]",
  project: ACTOR_MAP("x"),
});
