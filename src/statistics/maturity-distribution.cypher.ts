import { Label, Rel } from "../neo4j/graph-model";
import { PLACE_WITHIN } from "../scope/territory-scope";
import { Shape, whereGiven } from "../scope/shape";

const { Actor, MaturityAssessment, Territory } = Label;
const { ASSESSES, BASED_IN } = Rel;

/*
 * Both queries take $at (a Neo4j date or null: today's state) and $withinId (a territory id
 * or null), and are specialised to those given (`shape`, scope/shape.ts). A subject counts
 * once, at the level of its latest assessment on or before $at (ties: greatest id); subjects
 * never assessed by then are not counted.
 */

/** Binds `s` (label `subject`) and `key`, the level of its latest assessment on or before $at; `where` filters `s`. */
const LATEST_LEVEL = (subject: Label, shape: Shape, where: string) => `MATCH (m:${MaturityAssessment})-[:${ASSESSES}]->(s:${subject})
WHERE ${whereGiven(shape, { at: "m.assessedOn <= $at" })} AND ${where}
WITH s, m ORDER BY m.assessedOn DESC, m.id DESC
WITH s, head(collect(m.level)) AS key`;

// {key, count}: territories (of $level, in or inside $withinId) per level of their latest assessment.
export const TERRITORIES_BY_MATURITY = (shape: Shape) => `${LATEST_LEVEL(
  Territory,
  shape,
  whereGiven(shape, { level: "s.level = $level", withinId: PLACE_WITHIN("s", "$withinId") }),
)}
RETURN key, count(s) AS count`;

// {key, count}: actors (based in or inside $withinId) per level of their latest assessment.
export const ACTORS_BY_MATURITY = (shape: Shape) => `${LATEST_LEVEL(
  Actor,
  shape,
  whereGiven(shape, { withinId: `EXISTS { MATCH (s)-[:${BASED_IN}]->(b:${Territory}) WHERE ${PLACE_WITHIN("b", "$withinId")} }` }),
)}
RETURN key, count(s) AS count`;
