import { ACTOR_MAP, ACTOR_MAP_FOR } from "../actor/actor.cypher";
import { ALLIANCE_MAP_FOR } from "../alliance/alliance.cypher";
import { ALLIANCE_MATCHES, ScopeShape } from "../alliance/alliance-filter";
import { Label, Rel } from "../neo4j/graph-model";
import { ACTIVE_AT } from "../neo4j/time";
import { NODE_PROPS } from "../neo4j/projection";

const { Actor, Alliance, Membership } = Label;
const { HAS_MEMBERSHIP, IN_ALLIANCE } = Rel;

/** Fields asked of the path's actors and alliances (anywhere in the selection); absent: all. */
export interface PathFields {
  actor?: ReadonlySet<string> | null;
  alliance?: ReadonlySet<string> | null;
}

/** The hard cap on `maxHops`: ALL SHORTEST grows fast with depth on a dense graph. */
export const MAX_PATH_HOPS = 6;


/** One hop: two actors sharing an alliance, both memberships and the alliance active on $at and the alliance matching $filter. */
const HOP = (shape: ScopeShape) => `(a:${Actor})-[:${HAS_MEMBERSHIP}]->(m1:${Membership})-[:${IN_ALLIANCE}]->(al:${Alliance})<-[:${IN_ALLIANCE}]-(m2:${Membership})<-[:${HAS_MEMBERSHIP}]-(b:${Actor})
    WHERE a <> b AND ${ACTIVE_AT("al", "at", shape.at)} AND ${ACTIVE_AT("m1", "at", shape.at)} AND ${ACTIVE_AT("m2", "at", shape.at)} AND ${ALLIANCE_MATCHES("al", "$filter", shape.filter)}`;

/**
 * Actors $from and $to (null when missing) and, when they are linked within `maxHops`
 * hops, the actors and alliances of the chosen shortest chain. Among equally short
 * chains the one whose actor names (then ids), then alliance names (then ids), sort
 * first wins, so the answer does not depend on the planner.
 *
 * The outer variables do not start with af_ or pw_: ALLIANCE_MATCHES's subqueries use
 * those names and would capture them. `maxHops` must be a literal in a quantified path
 * pattern, so it is interpolated: only a validated integer in 1..MAX_PATH_HOPS gets there
 * (checked again in PathRepository.shortestPath). The hop predicate is specialised to the
 * criteria given (`shape`): null guards inside ALL SHORTEST made plans take seconds to compile.
 * The chain's actors and alliances carry only the properties `asked` needs.
 */
export const SHORTEST_PATH = (maxHops: number, shape: ScopeShape, asked: PathFields = {}) => `OPTIONAL MATCH (origin:${Actor} {id: $from})
OPTIONAL MATCH (target:${Actor} {id: $to})
OPTIONAL CALL (origin, target) {
  MATCH ALL SHORTEST (origin) (${HOP(shape)}){0,${maxHops}} (target)
  WITH [origin] + b AS actors, al AS alliances
  ORDER BY [x IN actors | x.nameKey], [x IN actors | x.id], [x IN alliances | x.nameKey], [x IN alliances | x.id]
  LIMIT 1
  RETURN [x IN actors | ${ACTOR_MAP_FOR("x", asked.actor)}] AS actors, [x IN alliances | ${ALLIANCE_MAP_FOR("x", asked.alliance)}] AS alliances
}
RETURN origin IS NOT NULL AS fromExists, target IS NOT NULL AS toExists, actors, alliances`;

/** Alliances linking actor `x` to partner `c`, by name; memberships and alliances active on $at. */
const SHARED_WITH = (x: string, atGiven: boolean) => `COLLECT {
    MATCH (${x})-[:${HAS_MEMBERSHIP}]->(mx:${Membership})-[:${IN_ALLIANCE}]->(al:${Alliance})<-[:${IN_ALLIANCE}]-(mc:${Membership})<-[:${HAS_MEMBERSHIP}]-(c)
    WHERE ${ACTIVE_AT("al", "at", atGiven)} AND ${ACTIVE_AT("mx", "at", atGiven)} AND ${ACTIVE_AT("mc", "at", atGiven)}
    WITH DISTINCT al ORDER BY al.nameKey, al.id
    RETURN al {${NODE_PROPS}}
  }`;

/**
 * Whether actors $a and $b exist, and the actors (other than a and b) sharing an active
 * alliance with each of them, with the alliances on each side; most shared alliances
 * (both sides together) first, then by name; at most $first.
 */
export const SHARED_PARTNERS = (atGiven: boolean) => `OPTIONAL MATCH (x:${Actor} {id: $a})
OPTIONAL MATCH (y:${Actor} {id: $b})
OPTIONAL CALL (x, y) {
  MATCH (x)-[:${HAS_MEMBERSHIP}]->(:${Membership})-[:${IN_ALLIANCE}]->(:${Alliance})<-[:${IN_ALLIANCE}]-(:${Membership})<-[:${HAS_MEMBERSHIP}]-(c:${Actor})
  WHERE c <> x AND c <> y
  WITH DISTINCT c
  WITH c, ${SHARED_WITH("x", atGiven)} AS withA, ${SHARED_WITH("y", atGiven)} AS withB
  WHERE size(withA) > 0 AND size(withB) > 0
  WITH c, withA, withB ORDER BY size(withA) + size(withB) DESC, c.nameKey, c.id
  LIMIT toInteger($first)
  RETURN collect({actor: ${ACTOR_MAP("c")}, alliancesWithA: withA, alliancesWithB: withB}) AS partners
}
RETURN x IS NOT NULL AS aExists, y IS NOT NULL AS bExists, coalesce(partners, []) AS partners`;
