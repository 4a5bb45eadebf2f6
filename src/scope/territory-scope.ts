import { Label, Rel } from "../neo4j/graph-model";

const { Territory } = Label;
const { PART_OF, IN_EPCI } = Rel;

/**
 * Territory scoping, the one way: "in territory T" means T itself and every territory inside
 * it. A région holds its départements, their EPCI and communes; an EPCI holds its member
 * communes. We do not descend from a département through an EPCI, because an EPCI can
 * straddle départements and would drag in communes of the neighbour.
 *
 * Two directions, chosen by what is already bound:
 * - nothing bound yet (a root list): walk DOWN from T (WITHIN_TERRITORY), the cost follows T;
 * - a place already bound (an alliance reached from an actor): walk UP from the place
 *   (PLACE_WITHIN), a few hops, never a scan of the territories.
 */

/** Cypher subquery (scoped to territory node `t`) returning `x`: t itself and every territory inside it. */
export const TERRITORIES_INSIDE = (t: string, x = "x") => `CALL (${t}) {
    MATCH (${t})<-[:${PART_OF}*0..4]-(${x}:${Territory}) RETURN ${x}
    UNION
    MATCH (${t})<-[:${IN_EPCI}]-(:${Territory})<-[:${PART_OF}*0..1]-(${x}:${Territory}) RETURN ${x}
  }`;

/** Binds `x` to the territory whose id is the expression `id`, and to every territory inside it (walks down). */
export const WITHIN_TERRITORY = (id: string, x: string) => `MATCH (${x}_scope:${Territory} {id: ${id}})
  ${TERRITORIES_INSIDE(`${x}_scope`, x)}`;

/**
 * Cypher predicate: territory node `place` is the territory whose id is the expression `id`, or
 * lies inside it. Pattern comprehensions expand from the bound place upwards (at most four
 * PART_OF hops), so the planner cannot start from the other end.
 */
export const PLACE_WITHIN = (place: string, id: string) =>
  `(${id} IN [(${place})-[:${PART_OF}*0..4]->(pw_up:${Territory}) | pw_up.id] OR ${id} IN [(${place})-[:${PART_OF}*0..1]->(:${Territory})-[:${IN_EPCI}]->(pw_up:${Territory}) | pw_up.id])`;
