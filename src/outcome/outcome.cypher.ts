import { Label, LIES_IN, Rel } from "../neo4j/graph-model";
import { relatedBatch } from "../neo4j/batch";
import { replaceLinks } from "../neo4j/links";

const { Actor, Alliance, Outcome, Territory, SDG } = Label;
const { PRODUCED, ADVANCES, BENEFITS, CITES } = Rel;

/** An outcome node `o` as the API maps it, with the id of the alliance that produced it. */
const OUTCOME_MAP = (o: string) => `${o} {.*, allianceId: head([(${o})<-[:${PRODUCED}]-(al) | al.id])}`;

// Outcomes by id, in key order.
export const OUTCOMES_BY_ID = `UNWIND range(0, size($keys) - 1) AS i
MATCH (o:${Outcome} {id: $keys[i]})
RETURN i, ${OUTCOME_MAP("o")} AS value`;

// Outcomes matching optional kind, SDG, alliance and benefiting territory (or inside it), by title.
export const LIST_OUTCOMES = `OPTIONAL MATCH (t:${Territory} {id: $territoryId})
WITH t
MATCH (o:${Outcome})
WHERE ($kind IS NULL OR o.kind = $kind)
  AND ($sdg IS NULL OR EXISTS { MATCH (o)-[:${ADVANCES}]->(:${SDG} {number: $sdg}) })
  AND ($allianceId IS NULL OR EXISTS { MATCH (o)<-[:${PRODUCED}]-(:${Alliance} {id: $allianceId}) })
  AND ($territoryId IS NULL OR EXISTS { MATCH (o)-[:${BENEFITS}]->(x:${Territory}) WHERE ${LIES_IN("x", "t")} })
RETURN ${OUTCOME_MAP("o")} AS outcome
ORDER BY o.title, o.id
LIMIT toInteger($first)`;

// For each key {id}: SDGs the outcome advances.
export const SDGS_OF_OUTCOMES = relatedBatch({ from: Outcome, pattern: `-[:${ADVANCES}]->(x:${SDG})`, orderBy: "x.number" });

// For each key {id}: territories that benefit.
export const TERRITORIES_BENEFITING = relatedBatch({
  from: Outcome,
  pattern: `-[:${BENEFITS}]->(x:${Territory})`,
  orderBy: "x.nameKey, x.id",
});

// For each key {id}: actors that benefit.
export const ACTORS_BENEFITING = relatedBatch({
  from: Outcome,
  pattern: `-[:${BENEFITS}]->(x:${Actor})`,
  orderBy: "x.nameKey, x.id",
});

// Creates or replaces outcome $id, produced by alliance $allianceId.
export const UPSERT_OUTCOME = `MATCH (al:${Alliance} {id: $allianceId})
MERGE (o:${Outcome} {id: $id})
ON CREATE SET o.createdAt = datetime()
SET o += $props, o.updatedAt = datetime()
WITH o, al
CALL (o, al) {
  OPTIONAL MATCH (o)<-[old:${PRODUCED}]-(other:${Alliance}) WHERE other <> al
  DELETE old
}
MERGE (al)-[:${PRODUCED}]->(o)
WITH o
${replaceLinks("o", ADVANCES, SDG, "sdgs", "number")}
${replaceLinks("o", BENEFITS, Territory, "territoryIds")}
${replaceLinks("o", BENEFITS, Actor, "actorIds")}
${replaceLinks("o", CITES, Label.Source, "sourceIds")}
RETURN ${OUTCOME_MAP("o")} AS outcome`;

export const DELETE_OUTCOME = `MATCH (o:${Outcome} {id: $id}) DETACH DELETE o RETURN count(*) AS deleted`;
