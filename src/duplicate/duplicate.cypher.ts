import { Label, Rel } from "../neo4j/graph-model";
import { ListSpec } from "../neo4j/paging";
import { WITHIN_TERRITORY } from "../scope/territory-scope";
import { ACTOR_MAP } from "../actor/actor.cypher";
import { MATCH_KEYS } from "./match-keys";

const { Actor, Territory } = Label;
const { BASED_IN } = Rel;

/**
 * Pairs of actors likely to be one organisation ($territoryId: both based in it or inside it;
 * else every actor), with their score and reasons, score ≥ $minScore. Not quadratic: one pass
 * gives each actor its match keys (match-keys.ts), actors are grouped by key, and pairs are only
 * made inside a group (a block) of 2 to $maxBlock actors; a pair's reasons are the keys it shares.
 */
export const DUPLICATE_CANDIDATES = (scoped: boolean): ListSpec => ({
  body: `${scoped ? `${WITHIN_TERRITORY("$territoryId", "dc_place")}
  MATCH (dc_place)<-[:${BASED_IN}]-(a:${Actor})
  WITH DISTINCT a` : `MATCH (a:${Actor})`}
  WITH a, head([(a)-[:${BASED_IN}]->(base:${Territory}) | base.id]) AS baseId
  UNWIND ${MATCH_KEYS("a", "baseId")} AS key
  WITH DISTINCT a, key
  WITH key, collect(a) AS block
  WHERE size(block) > 1 AND size(block) <= $maxBlock
  UNWIND block AS one
  UNWIND block AS other
  WITH key, one, other WHERE one.id < other.id
  WITH one, other, collect(key) AS reasons
  WITH one, other, reasons, round(1 - reduce(p = 1.0, r IN reasons | p * (1 - $weights[r.field])), 2) AS score
  WHERE score >= $minScore
  WITH {a: one, b: other, score: score, reasons: reasons} AS x`,
  sortKey: "[-x.score, x.a.id, x.b.id]",
  project: `{a: [n IN [x.a] | ${ACTOR_MAP("n")}][0], b: [n IN [x.b] | ${ACTOR_MAP("n")}][0], score: x.score,
    reasons: [r IN x.reasons | r {.*, weight: $weights[r.field]}]}`,
});
