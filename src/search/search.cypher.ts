import { Label } from "../neo4j/graph-model";
import { ListSpec } from "../neo4j/paging";
import { ACTOR_MAP } from "../actor/actor.cypher";
import { OUTCOME_MAP } from "../outcome/outcome.cypher";
import { SearchKind } from "./search.type";
import { NODE_PROPS } from "../neo4j/projection";

const { Actor, Alliance, Outcome } = Label;
const { ACTOR, ALLIANCE, OUTCOME, TERRITORY } = SearchKind;

/** The full-text indexes of cypher/003_fulltext.cypher (all with the accent-folding 'standard-folding' analyser). */
export enum FulltextIndex {
  ActorAlliance = "actor_alliance_text",
  Outcome = "outcome_text",
  Territory = "territory_text",
}

/**
 * How much more a match in the name (an outcome's title) weighs than one in a description.
 * Each index gets `(Q) name:(Q)^3`: every field counts, the name counts four times, the same
 * factor in all three indexes so their scores stay comparable.
 */
export const NAME_BOOST = 3;

/** Cypher subquery branch: hits of `$query` in `index`, only when one of `kinds` is asked for (else the index is not read). */
const HITS_IN = (index: FulltextIndex, nameField: string, kinds: SearchKind[]) => `UNWIND CASE WHEN any(k IN [${kinds.map((k) => `'${k}'`).join(", ")}] WHERE k IN $kinds) THEN [true] ELSE [] END AS wanted
    CALL db.index.fulltext.queryNodes('${index}', '(' + $query + ') ${nameField}:(' + $query + ')^${NAME_BOOST}') YIELD node, score
    RETURN node, score`;

/** The score of an actor whose identifier is the text searched: above any word match, so it comes first. */
export const IDENTIFIER_SCORE = 1000;

/** Cypher subquery branch: the actors holding `$identifiers[property]` (an indexed identifier property), when actors are asked for. */
const IDENTIFIER_HITS = (property: string) => `UNWIND CASE WHEN '${ACTOR}' IN $kinds THEN [true] ELSE [] END AS wanted
    MATCH (node:${Actor} {${property}: $identifiers.${property}})
    RETURN node, ${IDENTIFIER_SCORE}.0 AS score`;

// Hits of the Lucene query $query (names boosted; none when null) of the kinds in $kinds, and actors holding one of
// $identifiers (identifier property → the text in its normal form), as x = {node, kind, score}; by score (best first), kind, id.
export const SEARCH = (identifierProperties: readonly string[], words: boolean): ListSpec => ({
  body: `CALL () {
    ${[
      ...(words
        ? [
            HITS_IN(FulltextIndex.ActorAlliance, "name", [ACTOR, ALLIANCE]),
            HITS_IN(FulltextIndex.Outcome, "title", [OUTCOME]),
            HITS_IN(FulltextIndex.Territory, "name", [TERRITORY]),
          ]
        : []),
      ...identifierProperties.map(IDENTIFIER_HITS),
    ].join(`
    UNION ALL
    `)}
  }
  // An actor found both by an identifier and by its words is one hit.
  WITH node, max(score) AS score
  WITH node, score, CASE WHEN node:${Actor} THEN '${ACTOR}' WHEN node:${Alliance} THEN '${ALLIANCE}' WHEN node:${Outcome} THEN '${OUTCOME}' ELSE '${TERRITORY}' END AS kind
  WHERE kind IN $kinds
  WITH {node: node, kind: kind, score: score} AS x`,
  sortKey: "[-x.score, x.kind, x.node.id]",
  project: `{
    kind: x.kind,
    score: x.score,
    actor: CASE x.kind WHEN '${ACTOR}' THEN [n IN [x.node] | ${ACTOR_MAP("n")}][0] END,
    alliance: CASE x.kind WHEN '${ALLIANCE}' THEN [n IN [x.node] | n {${NODE_PROPS}}][0] END,
    outcome: CASE x.kind WHEN '${OUTCOME}' THEN [n IN [x.node] | ${OUTCOME_MAP("n")}][0] END,
    territory: CASE x.kind WHEN '${TERRITORY}' THEN [n IN [x.node] | n {${NODE_PROPS}}][0] END
  }`,
});
