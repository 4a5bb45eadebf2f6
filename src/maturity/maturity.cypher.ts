import { Label, Rel } from "../neo4j/graph-model";
import { ACTOR_MAP } from "../actor/actor.cypher";
import { NODE_PROPS } from "../neo4j/projection";

const { Actor, MaturityAssessment } = Label;
const { ASSESSES } = Rel;

/** Labels an assessment may be about. */
export type SubjectLabel = Label.Actor | Label.Territory;

/** An assessment node `m` as the API maps it: its properties, its subject's type and its subject (see toAssessment). */
export const ASSESSMENT_MAP = (m: string) => `${m} {${NODE_PROPS},
  subjectType: head([(${m})-[:${ASSESSES}]->(ma_s) | CASE WHEN ma_s:${Actor} THEN 'ACTOR' ELSE 'TERRITORY' END]),
  subject: head([(${m})-[:${ASSESSES}]->(ma_s) | CASE WHEN ma_s:${Actor} THEN ${ACTOR_MAP("ma_s")} ELSE ma_s {${NODE_PROPS}} END])}`;

// Assessments by id, in key order.
export const ASSESSMENTS_BY_ID = `UNWIND range(0, size($keys) - 1) AS i
MATCH (m:${MaturityAssessment} {id: $keys[i]})
RETURN i, ${ASSESSMENT_MAP("m")} AS value`;

// Per key {id, at}: the latest assessment of subject key.id on or before key.at ("YYYY-MM-DD"; `atGiven`:
// whether the keys have one); ties: greatest id.
export const LATEST_ASSESSMENT = (subject: SubjectLabel, atGiven: boolean) => `UNWIND range(0, size($keys) - 1) AS i
WITH i, $keys[i] AS key
CALL (key) {
  MATCH (:${subject} {id: key.id})<-[:${ASSESSES}]-(m:${MaturityAssessment})
  WHERE ${atGiven ? "m.assessedOn <= date(key.at)" : "true"}
  RETURN m ORDER BY m.assessedOn DESC, m.id DESC LIMIT 1
}
RETURN i, ${ASSESSMENT_MAP("m")} AS value`;

// Per subject id: all its assessments, oldest first (ties by id).
export const ASSESSMENT_HISTORY = (subject: SubjectLabel) => `UNWIND range(0, size($keys) - 1) AS i
WITH i, $keys[i] AS id
CALL (id) {
  MATCH (:${subject} {id: id})<-[:${ASSESSES}]-(m:${MaturityAssessment})
  WITH m ORDER BY m.assessedOn, m.id
  RETURN collect(${ASSESSMENT_MAP("m")}) AS history
}
RETURN i, history AS value`;


// Deletes assessment $id; `deleted` is 0 when it does not exist.
export const DELETE_ASSESSMENT = `OPTIONAL MATCH (m:${MaturityAssessment} {id: $id})
DETACH DELETE m
RETURN count(m) AS deleted`;
