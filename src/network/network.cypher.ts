import { ALLIANCE_MATCHES, ScopeShape } from "../alliance/alliance-filter";
import { Label, Rel } from "../neo4j/graph-model";
import { ACTIVE_AT } from "../neo4j/time";

const { Actor, Alliance, Membership } = Label;
const { HAS_MEMBERSHIP, IN_ALLIANCE } = Rel;

/** Pattern: actor `a` and actor `b` are members (m1, m2) of alliance `al`. */
const CO_MEMBERS = (a: string, b: string) =>
  `(${a})-[:${HAS_MEMBERSHIP}]->(m1:${Membership})-[:${IN_ALLIANCE}]->(al:${Alliance})<-[:${IN_ALLIANCE}]-(m2:${Membership})<-[:${HAS_MEMBERSHIP}]-(${b}:${Actor})`;

/**
 * Predicate on CO_MEMBERS: `al` matches $filter, and `al`, m1, m2 are active at $at. Queries
 * here are specialised to the criteria given (`shape`), so absent ones cost nothing per row.
 */
const IN_SCOPE = (shape: ScopeShape) =>
  `${ALLIANCE_MATCHES("al", "$filter", shape.filter)} AND ${ACTIVE_AT("al", "at", shape.at)} AND ${ACTIVE_AT("m1", "at", shape.at)} AND ${ACTIVE_AT("m2", "at", shape.at)}`;

/**
 * Breadth-first step k: the actors first reached at k hops (`next`) and, in bipartite mode, the
 * alliances first crossed, from the frontier's memberships in scope (so a lone seed still shows
 * its alliance). The projected network has no alliance nodes and skips that bookkeeping.
 * Skipped past $depth, and once the nodes up to step k-2 exceed $maxNodes: those are all
 * kept before any farther node, and step k-1's nodes already have every neighbour their
 * ranking degree counts. So exploring stops early without the ranking depending on $maxNodes.
 */
const STEP = (k: number, shape: ScopeShape, bipartite: boolean) => `CALL (reached, frontier, alliances, counts) {
  UNWIND CASE WHEN $depth >= ${k} AND ${k === 1 ? "true" : `counts[${k - 2}] <= $maxNodes`} THEN frontier ELSE [] END AS a
  MATCH (a)-[:${HAS_MEMBERSHIP}]->(m1:${Membership})-[:${IN_ALLIANCE}]->(al:${Alliance})
  WHERE ${ALLIANCE_MATCHES("al", "$filter", shape.filter)} AND ${ACTIVE_AT("al", "at", shape.at)} AND ${ACTIVE_AT("m1", "at", shape.at)}
  OPTIONAL MATCH (al)<-[:${IN_ALLIANCE}]-(m2:${Membership})<-[:${HAS_MEMBERSHIP}]-(b:${Actor})
  WHERE ${ACTIVE_AT("m2", "at", shape.at)} AND NOT b IN reached
  RETURN collect(DISTINCT b) AS next${bipartite ? ", collect(DISTINCT CASE WHEN NOT al IN alliances THEN al END) AS crossed" : ""}
}
WITH seeds, missing, reached + next AS reached, next AS frontier, actorLayers + [next] AS actorLayers,
     alliances + ${bipartite ? "crossed" : "[]"} AS alliances, allianceLayers + [${bipartite ? "crossed" : "[]"}] AS allianceLayers,
     counts + [size(reached) + size(next)${bipartite ? " + size(alliances) + size(crossed)" : ""}] AS counts`;

/** The seeds that exist, the ids that do not, then up to three breadth-first steps; `counts[k]`: nodes reached after step k. */
const NEIGHBOURHOOD = (shape: ScopeShape, bipartite: boolean) => `MATCH (s:${Actor}) WHERE s.id IN $seeds
WITH collect(DISTINCT s) AS seeds
WITH seeds, [id IN $seeds WHERE NOT id IN [s IN seeds | s.id]] AS missing
WITH seeds, missing, seeds AS reached, seeds AS frontier, [seeds] AS actorLayers, [] AS alliances, [] AS allianceLayers,
     [size(seeds)] AS counts
${STEP(1, shape, bipartite)}
${STEP(2, shape, bipartite)}
${STEP(3, shape, bipartite)}`;

/** Actors of the neighbourhood with their hop distance `layer` (0 for seeds). */
const ACTOR_NODES = `reduce(acc = [], d IN range(0, size(actorLayers) - 1) |
  acc + [n IN actorLayers[d] | {id: n.id, label: n.name, kind: n.kind, layer: d}]) AS actors`;

// Missing seed ids, the neighbourhood's actors (with hop distance) and, for each pair of them
// sharing alliances in scope, the shared alliance ids, by id (with `allianceIds`) or their number.
export const PROJECTED_NETWORK = (shape: ScopeShape, allianceIds: boolean) => `${NEIGHBOURHOOD(shape, false)}
CALL (reached) {
  UNWIND reached AS a
  MATCH ${CO_MEMBERS("a", "b")}
  WHERE a.id < b.id AND b IN reached AND ${IN_SCOPE(shape)}
  ${
    allianceIds
      ? `WITH a, b, al ORDER BY al.id
  WITH a, b, collect(DISTINCT al.id) AS shared
  RETURN collect({source: a.id, target: b.id, alliances: shared}) AS links`
      : `WITH a, b, count(DISTINCT al) AS weight
  RETURN collect({source: a.id, target: b.id, weight: weight}) AS links`
  }
}
RETURN missing, ${ACTOR_NODES}, [] AS alliances, links, counts`;

// Missing seed ids, the neighbourhood's actors (with hop distance), the alliances crossed to
// reach them (with the step that first crossed them) and the active memberships between both.
export const BIPARTITE_NETWORK = (shape: ScopeShape) => `${NEIGHBOURHOOD(shape, true)}
CALL (reached, alliances) {
  UNWIND reached AS a
  MATCH (a)-[:${HAS_MEMBERSHIP}]->(m:${Membership})-[:${IN_ALLIANCE}]->(al:${Alliance})
  WHERE al IN alliances AND ${ACTIVE_AT("m", "at", shape.at)}
  RETURN collect({id: m.id, source: a.id, target: al.id, role: m.role}) AS links
}
RETURN missing, ${ACTOR_NODES},
  reduce(acc = [], d IN range(0, size(allianceLayers) - 1) |
    acc + [n IN allianceLayers[d] | {id: n.id, label: n.name, kind: n.kind, layer: d + 1}]) AS alliances,
  links, counts`;
