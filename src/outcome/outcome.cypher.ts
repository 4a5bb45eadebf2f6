import { Label, LIES_IN, Rel } from "../neo4j/graph-model";
import { ListSpec } from "../neo4j/paging";
import { ACTIVE_ON } from "../neo4j/time";
import { relatedBatch } from "../neo4j/batch";
import { NODE_PROPS } from "../neo4j/projection";

const { Actor, Alliance, Outcome, Territory, SDG } = Label;
const { PRODUCED, ADVANCES, BENEFITS, ACTS_IN } = Rel;

/** An outcome node `o` as the API maps it, with the id of the alliance that produced it. */
export const OUTCOME_MAP = (o: string) => `${o} {${NODE_PROPS}, allianceId: head([(${o})<-[:${PRODUCED}]-(oc_alliance) | oc_alliance.id])}`;

// Outcomes by id, in key order.
export const OUTCOMES_BY_ID = `UNWIND range(0, size($keys) - 1) AS i
MATCH (o:${Outcome} {id: $keys[i]})
RETURN i, ${OUTCOME_MAP("o")} AS value`;

// Outcomes matching $filter (kinds, SDGs, alliances, territory benefiting or acted in), of alliances active on $at.
export const OUTCOMES: ListSpec = {
  body: `MATCH (al:${Alliance})-[:${PRODUCED}]->(x:${Outcome})
  WHERE ${ACTIVE_ON("al", "$at")}
    AND ($filter.kinds IS NULL OR x.kind IN $filter.kinds)
    AND ($filter.allianceIds IS NULL OR al.id IN $filter.allianceIds)
    AND ($filter.sdgs IS NULL OR EXISTS { MATCH (x)-[:${ADVANCES}]->(g:${SDG}) WHERE g.number IN $filter.sdgs })
    AND ($filter.territoryId IS NULL OR EXISTS {
      MATCH (t:${Territory} {id: $filter.territoryId}), (place:${Territory})
      WHERE ((x)-[:${BENEFITS}]->(place) OR (al)-[:${ACTS_IN}]->(place)) AND ${LIES_IN("place", "t")}
    })`,
  sortKey: "[toLower(x.title), x.id]",
  project: OUTCOME_MAP("x"),
};

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


export const DELETE_OUTCOME = `MATCH (o:${Outcome} {id: $id}) DETACH DELETE o RETURN count(*) AS deleted`;
