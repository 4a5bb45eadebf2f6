import { Label, Rel } from "../neo4j/graph-model";
import { ListSpec } from "../neo4j/paging";
import { ACTOR_MAP } from "../actor/actor.cypher";
import { MEMBERSHIP_MAP } from "../membership/membership.cypher";
import { OUTCOME_MAP } from "../outcome/outcome.cypher";
import { ASSESSMENT_MAP } from "../maturity/maturity.cypher";
import { FactKind } from "./fact.type";
import { NODE_PROPS } from "../neo4j/projection";
import { Shape, whereGiven } from "../scope/shape";

const { CITES } = Rel;

/** The label of each kind of fact, and how the API maps a node of it (`x`). */
const FACTS: Record<FactKind, { label: Label; map: (x: string) => string }> = {
  [FactKind.ACTOR]: { label: Label.Actor, map: ACTOR_MAP },
  [FactKind.ALLIANCE]: { label: Label.Alliance, map: (x) => `${x} {${NODE_PROPS}}` },
  [FactKind.MEMBERSHIP]: { label: Label.Membership, map: MEMBERSHIP_MAP },
  [FactKind.OUTCOME]: { label: Label.Outcome, map: OUTCOME_MAP },
  [FactKind.MATURITY_ASSESSMENT]: { label: Label.MaturityAssessment, map: ASSESSMENT_MAP },
};
const KINDS = Object.values(FactKind);

/** A label expression matching every kind of fact: `Actor|Alliance|…`. */
const FACT_LABELS = KINDS.map((kind) => FACTS[kind].label).join("|");

/** Cypher expression: the FactKind name of fact node `x`. */
const KIND_OF = (x: string) => `CASE ${KINDS.map((kind) => `WHEN ${x}:${FACTS[kind].label} THEN '${kind}'`).join(" ")} END`;

/** The Fact map of node `x`: kind, id, and the record under the field named after its kind. */
const FACT_MAP = (x: string) => `{kind: ${KIND_OF(x)}, id: ${x}.id,
    actor: CASE WHEN ${x}:${Label.Actor} THEN ${FACTS.ACTOR.map(x)} END,
    alliance: CASE WHEN ${x}:${Label.Alliance} THEN ${FACTS.ALLIANCE.map(x)} END,
    membership: CASE WHEN ${x}:${Label.Membership} THEN ${FACTS.MEMBERSHIP.map(x)} END,
    outcome: CASE WHEN ${x}:${Label.Outcome} THEN ${FACTS.OUTCOME.map(x)} END,
    maturityAssessment: CASE WHEN ${x}:${Label.MaturityAssessment} THEN ${FACTS.MATURITY_ASSESSMENT.map(x)} END}`;

// Per key {id, kinds}: the facts citing source key.id (of key.kinds, or all), by kind then id.
export const SUPPORTS = (shape: Shape): ListSpec => ({
  body: `MATCH (:${Label.Source} {id: key.id})<-[:${CITES}]-(x:${FACT_LABELS})
  WHERE ${whereGiven(shape, { kinds: `${KIND_OF("x")} IN key.kinds` })}`,
  sortKey: `[${KIND_OF("x")}, x.id]`,
  project: FACT_MAP("x"),
});

// The facts (of $kinds, or all) citing no source, by kind then id.
export const FACTS_WITHOUT_SOURCE = (shape: Shape): ListSpec => ({
  body: `MATCH (x:${FACT_LABELS})
  WHERE ${whereGiven(shape, { kinds: `${KIND_OF("x")} IN $kinds` })} AND NOT EXISTS { (x)-[:${CITES}]->(:${Label.Source}) }`,
  sortKey: `[${KIND_OF("x")}, x.id]`,
  project: FACT_MAP("x"),
});
