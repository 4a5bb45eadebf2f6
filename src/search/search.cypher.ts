import { Label } from "../neo4j/graph-model";
import { ListSpec } from "../neo4j/paging";
import { ACTOR_MAP } from "../actor/actor.cypher";
import { OUTCOME_MAP } from "../outcome/outcome.cypher";
import { SearchKind } from "./search.type";

const { Actor, Alliance, Outcome } = Label;
const { ACTOR, ALLIANCE, OUTCOME, TERRITORY } = SearchKind;

/** The full-text indexes of cypher/003_fulltext.cypher (all with the accent-folding 'standard-folding' analyser). */
export enum FulltextIndex {
  ActorAlliance = "actor_alliance_text",
  Outcome = "outcome_text",
  Territory = "territory_text",
}

/** Cypher subquery branch: hits of `$query` in `index`, only when one of `kinds` is asked for (else the index is not read). */
const HITS_IN = (index: FulltextIndex, kinds: SearchKind[]) => `UNWIND CASE WHEN any(k IN [${kinds.map((k) => `'${k}'`).join(", ")}] WHERE k IN $kinds) THEN [true] ELSE [] END AS wanted
    CALL db.index.fulltext.queryNodes('${index}', $query) YIELD node, score
    RETURN node, score`;

// Hits of the Lucene query $query of the kinds in $kinds, as x = {node, kind, score}; by score (best first), kind, id.
export const SEARCH: ListSpec = {
  body: `CALL () {
    ${HITS_IN(FulltextIndex.ActorAlliance, [ACTOR, ALLIANCE])}
    UNION ALL
    ${HITS_IN(FulltextIndex.Outcome, [OUTCOME])}
    UNION ALL
    ${HITS_IN(FulltextIndex.Territory, [TERRITORY])}
  }
  WITH node, score, CASE WHEN node:${Actor} THEN '${ACTOR}' WHEN node:${Alliance} THEN '${ALLIANCE}' WHEN node:${Outcome} THEN '${OUTCOME}' ELSE '${TERRITORY}' END AS kind
  WHERE kind IN $kinds
  WITH {node: node, kind: kind, score: score} AS x`,
  sortKey: "[-x.score, x.kind, x.node.id]",
  project: `{
    kind: x.kind,
    score: x.score,
    actor: CASE x.kind WHEN '${ACTOR}' THEN [n IN [x.node] | ${ACTOR_MAP("n")}][0] END,
    alliance: CASE x.kind WHEN '${ALLIANCE}' THEN x.node {.*} END,
    outcome: CASE x.kind WHEN '${OUTCOME}' THEN [n IN [x.node] | ${OUTCOME_MAP("n")}][0] END,
    territory: CASE x.kind WHEN '${TERRITORY}' THEN x.node {.*} END
  }`,
};
