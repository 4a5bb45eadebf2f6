import { Label, Rel } from "../neo4j/graph-model";
import { PLACE_WITHIN, WITHIN_TERRITORY } from "../scope/territory-scope";
import { Shape, whereGiven, within } from "../scope/shape";
import { ListSpec } from "../neo4j/paging";
import { ACTIVE_ON } from "../neo4j/time";
import { relatedBatch } from "../neo4j/batch";
import { NODE_PROPS } from "../neo4j/projection";

const { Actor, Alliance, Outcome, Territory, SDG } = Label;
const { PRODUCED, ADVANCES, BENEFITS, ACTS_IN } = Rel;

/** An outcome node `o` as the API maps it, with the id of the alliance that produced it. */
export const OUTCOME_MAP = (o: string, allianceId = `head([(${o})<-[:${PRODUCED}]-(oc_alliance) | oc_alliance.id])`) =>
  `${o} {${NODE_PROPS}, allianceId: ${allianceId}}`;

// Outcomes by id, in key order.
export const OUTCOMES_BY_ID = `UNWIND range(0, size($keys) - 1) AS i
MATCH (o:${Outcome} {id: $keys[i]})
RETURN i, ${OUTCOME_MAP("o")} AS value`;

// Outcomes matching $filter (kinds, SDGs, alliances, territory benefiting or acted in), of alliances active on $at.
// Specialised to the criteria given (`shape` of {filter, at}); without alliance ids (an index
// seek), a territory is walked down to what benefits or acts inside it.
export const OUTCOMES = (shape: Shape): ListSpec => {
  const filter = within(shape, "filter");
  // Without alliance ids or a territory, SDGs start the match: their outcomes, not every outcome
  // tested (sweep at 100k: see bench/README.sweep.md).
  const fromSdgs = filter.has("sdgs") && !filter.has("allianceIds") && !filter.has("territoryId");
  const where = whereGiven(new Set([...filter, ...shape].filter((name) => !(fromSdgs && name === "sdgs"))), {
    kinds: "x.kind IN $filter.kinds",
    allianceIds: "al.id IN $filter.allianceIds",
    sdgs: `EXISTS { MATCH (x)-[:${ADVANCES}]->(g:${SDG}) WHERE g.number IN $filter.sdgs }`,
    at: ACTIVE_ON("al", "$at", true),
  });
  const match = fromSdgs
    ? `MATCH (oc_goal:${SDG}) WHERE oc_goal.number IN $filter.sdgs
  UNWIND [(oc_goal)<-[:${ADVANCES}]-(o:${Outcome}) | o] AS x
  WITH DISTINCT x
  MATCH (al:${Alliance})-[:${PRODUCED}]->(x)`
    : `MATCH (al:${Alliance})-[:${PRODUCED}]->(x:${Outcome})`;
  const inTerritory = `CALL () {
    ${WITHIN_TERRITORY("$filter.territoryId", "oc_place")}
    CALL (oc_place) {
      MATCH (oc_place)<-[:${BENEFITS}]-(o:${Outcome}) RETURN o
      UNION
      MATCH (oc_place)<-[:${ACTS_IN}]-(:${Alliance})-[:${PRODUCED}]->(o:${Outcome}) RETURN o
    }
    RETURN DISTINCT o AS x
  }
  MATCH (al:${Alliance})-[:${PRODUCED}]->(x)`;
  return {
    body: `${filter.has("territoryId") && !filter.has("allianceIds") ? inTerritory : match}
  WHERE ${where}${filter.has("territoryId") && filter.has("allianceIds") ? ` AND ${OUTCOME_IN_TERRITORY}` : ""}`,
    sortKey: "[toLower(x.title), x.id]",
    project: OUTCOME_MAP("x"),
  };
};

/** Outcome `x` of alliance `al` benefits a territory in $filter.territoryId, or `al` acts in one (walked up). */
const OUTCOME_IN_TERRITORY = `(EXISTS { MATCH (x)-[:${BENEFITS}]->(oc_place:${Territory}) WHERE ${PLACE_WITHIN("oc_place", "$filter.territoryId")} }
    OR EXISTS { MATCH (al)-[:${ACTS_IN}]->(oc_place:${Territory}) WHERE ${PLACE_WITHIN("oc_place", "$filter.territoryId")} })`;

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
