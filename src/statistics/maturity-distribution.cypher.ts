import { Label, LIES_IN, Rel } from "../neo4j/graph-model";

const { Actor, MaturityAssessment, Territory } = Label;
const { ASSESSES, BASED_IN } = Rel;

/*
 * Both queries take $at (a Neo4j date or null: today's state) and $withinId (a territory id
 * or null). A subject counts once, at the level of its latest assessment on or before $at
 * (ties: greatest id); subjects never assessed by then are not counted.
 */

/** Binds `s` (label `subject`) and `key`, the level of its latest assessment on or before $at; `where` filters `s`. */
const LATEST_LEVEL = (subject: Label, where: string) => `MATCH (m:${MaturityAssessment})-[:${ASSESSES}]->(s:${subject})
WHERE ($at IS NULL OR m.assessedOn <= $at) AND ${where}
WITH s, m ORDER BY m.assessedOn DESC, m.id DESC
WITH s, head(collect(m.level)) AS key`;

// {key, count}: territories (of $level, in or inside $withinId) per level of their latest assessment.
export const TERRITORIES_BY_MATURITY = `${LATEST_LEVEL(
  Territory,
  `($level IS NULL OR s.level = $level)
  AND ($withinId IS NULL OR EXISTS { MATCH (w:${Territory} {id: $withinId}) WHERE ${LIES_IN("s", "w")} })`,
)}
RETURN key, count(s) AS count`;

// {key, count}: actors (based in or inside $withinId) per level of their latest assessment.
export const ACTORS_BY_MATURITY = `${LATEST_LEVEL(
  Actor,
  `($withinId IS NULL OR EXISTS { MATCH (s)-[:${BASED_IN}]->(b:${Territory}), (w:${Territory} {id: $withinId}) WHERE ${LIES_IN("b", "w")} })`,
)}
RETURN key, count(s) AS count`;
