import { Label, Rel } from "../neo4j/graph-model";
import { batchPageQuery } from "../neo4j/paging";
import { OUTCOMES_OF_ALLIANCE } from "../alliance/alliance.cypher";
import { ACTOR_MAP, coConstructorsShape, coConstructorsSpec } from "./actor.cypher";
import { shapeOf } from "../scope/shape";
import { BatchPageKey } from "../neo4j/paging";
import { NODE_PROPS } from "../neo4j/projection";

/**
 * An actor, one page of its co-constructors ($coKey, a key of CO_CONSTRUCTORS) and, with
 * $outcomeKey (a key of OUTCOMES_OF_ALLIANCE without its id), one page of outcomes for each
 * distinct shared alliance: what `actor { coConstructors { … sharedAlliances { outcomes } } }`
 * asks, in one statement. The pages are the very batch queries the loaders run, as subqueries,
 * so their rows are the same; the co-constructors page is specialised to the criteria its key
 * gives (no null guards), and neither page checks a cursor on a first page.
 * A hub's co-constructors share the same few alliances over and over: rows name their shared
 * alliances by id and each alliance is mapped once, in `alliances` (W1-hub at 10k: 12 maps
 * instead of about 100 built). Co-constructors come as ACTOR_VALUES: only the properties
 * $actorProps names, those the operation asks of any Actor (W1-hub at 10k: 2 046 → 1 229 db
 * hits, the floor's 1 544). One row: {actor (null if missing), coRows, alliances, outcomePages: [{id, rows}],
 * mergedInto}. $id is looked up as it is; only when no actor has it does the CASE run its alias lookup
 * (PROFILE: 0 db hits otherwise), and `mergedInto` says which actor the id was merged into.
 */
export const NEIGHBOURHOOD = (coKey: BatchPageKey, outcomeKey: BatchPageKey | null) => `
WITH head(COLLECT { MATCH (a:${Label.Actor} {id: $id}) RETURN ${ACTOR_MAP("a")} AS value }) AS actor
CALL () {
  ${batchPageQuery(coConstructorsSpec(coConstructorsShape(coKey), true), coKey, "[$coKey]")}
}
WITH actor, value AS coRows, COLLECT { UNWIND value AS row UNWIND row.node.sharedAlliances AS id RETURN DISTINCT id } AS ids
CALL (ids) {
  ${outcomeKey === null ? "RETURN [] AS outcomePages" : `WITH ids, $outcomeKey AS template
  WITH ids, [id IN ids | template {.*, id: id}] AS keys
  CALL (keys) {
    ${batchPageQuery(OUTCOMES_OF_ALLIANCE(shapeOf(outcomeKey)), outcomeKey, "keys")}
  }
  RETURN collect({id: ids[i], rows: value}) AS outcomePages`}
}
RETURN actor, coRows, COLLECT { UNWIND ids AS id MATCH (al:${Label.Alliance} {id: id}) RETURN al {${NODE_PROPS}} } AS alliances, outcomePages,
  CASE WHEN actor IS NULL THEN head(COLLECT { MATCH (:${Label.ActorAlias} {id: $id})-[:${Rel.ALIAS_OF}]->(kept:${Label.Actor}) RETURN kept.id }) END AS mergedInto`;
