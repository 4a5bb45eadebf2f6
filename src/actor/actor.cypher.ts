import { Label, LIES_IN, Rel } from "../neo4j/graph-model";
import { BatchPageKey, ListSpec } from "../neo4j/paging";
import { ACTIVE_ON } from "../neo4j/time";
import { ALLIANCE_MATCHES, AllianceFilterParams, filterShape, FilterShape } from "../alliance/alliance-filter";
import { allianceSortKey } from "../alliance/alliance.cypher";
import { MEMBERSHIP_MAP } from "../membership/membership.cypher";
import { OUTCOME_MAP } from "../outcome/outcome.cypher";
import { ActorOrderField } from "./actor.args";
import { NODE_PROPS, selectedProps } from "../neo4j/projection";

const { Actor, Alliance, Membership, Outcome, Territory, SDG } = Label;
const { BASED_IN, HAS_MEMBERSHIP, IN_ALLIANCE, PRODUCED, CONTRIBUTES_TO } = Rel;

/** The fields of the Actor type that are stored properties (actor.type.ts); the others are resolved from its id. */
export const ACTOR_PROPERTIES = ["id", "name", "kind", "description", "website", "siren", "rna"] as const;

/** An actor node `a` reduced to what `selected` (Actor fields asked, or null: all) needs; `basedIn` needs its territory's id. */
export const ACTOR_MAP_FOR = (a: string, selected: ReadonlySet<string> | null | undefined) =>
  selectedProps(a, selected, ACTOR_PROPERTIES, { basedIn: `basedInId: head([(${a})-[:${BASED_IN}]->(actor_base) | actor_base.id])` });

/** An actor node `a` as the API maps it: every property, with the id of its base territory. */
export const ACTOR_MAP = (a: string) => ACTOR_MAP_FOR(a, null);

/** Cypher predicate: actor `a` is based in territory id `territoryId` (an expression) or inside it. */
const BASED_WITHIN = (a: string, territoryId: string, given?: boolean) => {
  const within = `EXISTS { MATCH (${a})-[:${BASED_IN}]->(bw_base:${Territory}), (bw_scope:${Territory} {id: ${territoryId}}) WHERE ${LIES_IN("bw_base", "bw_scope")} }`;
  return given ? within : `(${territoryId} IS NULL OR ${within})`;
};

/** Cypher pattern condition: actor `a` has a membership `m` of alliance `al`, both active on `at`. */
const ACTIVE_MEMBERSHIP = (a: string, at: string, extra = "true") =>
  `EXISTS { MATCH (${a})-[:${HAS_MEMBERSHIP}]->(am_m:${Membership})-[:${IN_ALLIANCE}]->(am_al:${Alliance})
    WHERE ${ACTIVE_ON("am_m", at)} AND ${ACTIVE_ON("am_al", at)} AND ${extra} }`;

// Actors by id, in key order.
export const ACTORS_BY_ID = `UNWIND range(0, size($keys) - 1) AS i
MATCH (a:${Actor} {id: $keys[i]})
RETURN i, ${ACTOR_MAP("a")} AS value`;

// Actors matching $filter (kinds, territory, SDGs of their alliances, name prefix key), sorted by "NAME" or
// "ALLIANCE_COUNT[:DESC]" (counts negated when descending); with $at, only
// actors with an alliance active then.
export const ACTORS = (order: string): ListSpec => ({
  body: `MATCH (x:${Actor})
  WHERE ($filter.kinds IS NULL OR x.kind IN $filter.kinds)
    AND ($filter.namePrefix IS NULL OR x.nameKey STARTS WITH $filter.namePrefix)
    AND ${BASED_WITHIN("x", "$filter.territoryId")}
    AND (($at IS NULL AND $filter.sdgs IS NULL) OR ${ACTIVE_MEMBERSHIP(
      "x",
      "$at",
      `($filter.sdgs IS NULL OR EXISTS { MATCH (am_al)-[:${CONTRIBUTES_TO}]->(am_goal:${SDG}) WHERE am_goal.number IN $filter.sdgs })`,
    )})`,
  sortKey: order.startsWith(ActorOrderField.ALLIANCE_COUNT)
      ? `[${order.endsWith(":DESC") ? "-" : ""}COUNT { MATCH (x)-[:${HAS_MEMBERSHIP}]->(m:${Membership})-[:${IN_ALLIANCE}]->(al:${Alliance}) WHERE ${ACTIVE_ON("m", "$at")} AND ${ACTIVE_ON("al", "$at")} }, x.nameKey, x.id]`
      : "[x.nameKey, x.id]",
  project: ACTOR_MAP("x"),
});

// Per key {id, filter, at}: the actor's memberships of alliances in scope, in the alliance ordering.
export const MEMBERSHIPS_OF_ACTOR = (order: string): ListSpec => ({
  body: `MATCH (:${Actor} {id: key.id})-[:${HAS_MEMBERSHIP}]->(x:${Membership})-[:${IN_ALLIANCE}]->(al:${Alliance})
  WHERE ${ACTIVE_ON("x", "key.at")} AND ${ACTIVE_ON("al", "key.at")} AND ${ALLIANCE_MATCHES("al", "key.filter")}`,
  sortKey: allianceSortKey(order, "al", "x.id", "key.at"),
  project: MEMBERSHIP_MAP("x"),
});

// Per key {id, kinds, at}: outcomes of the actor's alliances (through memberships active on key.at), by title.
export const IMPACT_OF_ACTOR: ListSpec = {
  body: `MATCH (:${Actor} {id: key.id})-[:${HAS_MEMBERSHIP}]->(m:${Membership})-[:${IN_ALLIANCE}]->(al:${Alliance})-[:${PRODUCED}]->(o:${Outcome})
  WHERE ${ACTIVE_ON("m", "key.at")} AND ${ACTIVE_ON("al", "key.at")} AND (key.kinds IS NULL OR o.kind IN key.kinds)
  WITH DISTINCT o AS x`,
  sortKey: "[toLower(x.title), x.id]",
  project: OUTCOME_MAP("x"),
};

/** Which of a co-constructors key's criteria are given, when known: the query then emits only their clauses. */
export interface CoConstructorsShape {
  at: boolean;
  filter: FilterShape;
  kinds: boolean;
  territory: boolean;
}

export const coConstructorsShape = (key: BatchPageKey): CoConstructorsShape => ({
  at: key.at != null,
  filter: filterShape(key.filter as AllianceFilterParams | null),
  kinds: key.kinds != null,
  territory: key.territoryId != null,
});

/** Two actors `a` and `c` share alliance `al`: both memberships and the alliance active on `at`, alliance in `filter`. */
const SHARE = (a: string, c: string, al: string, shape?: CoConstructorsShape) =>
  `(${a})-[:${HAS_MEMBERSHIP}]->(ma:${Membership})-[:${IN_ALLIANCE}]->(${al}:${Alliance})<-[:${IN_ALLIANCE}]-(mc:${Membership})<-[:${HAS_MEMBERSHIP}]-(${c}:${Actor})
  WHERE ${c} <> ${a} AND ${ACTIVE_ON("ma", "key.at", shape?.at)} AND ${ACTIVE_ON("mc", "key.at", shape?.at)} AND ${ACTIVE_ON(al, "key.at", shape?.at)} AND ${ALLIANCE_MATCHES(al, "key.filter", shape?.filter)}`;

/** The co-constructor `c` passes the key's kinds and territory criteria (only those given, when the shape is known). */
const CO_CONSTRUCTOR_WANTED = (shape?: CoConstructorsShape) => {
  const kinds = shape?.kinds === false ? "true" : shape?.kinds ? "c.kind IN key.kinds" : "(key.kinds IS NULL OR c.kind IN key.kinds)";
  const territory = shape?.territory === false ? "true" : BASED_WITHIN("c", "key.territoryId", shape?.territory);
  return `${kinds} AND ${territory}`;
};

// Per key {id, depth, kinds, territoryId, filter, at}: co-constructors at distance 1 (sharing alliances,
// most shared first) and, with depth 2, at distance 2 (through `via` co-constructors), each once.
// With `shape`, specialised to the criteria given (the neighbourhood hot path); without, guarded for any key.
export const coConstructorsSpec = (shape?: CoConstructorsShape): ListSpec => ({
  body: `MATCH (a:${Actor} {id: key.id})
  CALL (a, key) {
    MATCH ${SHARE("a", "c", "al", shape)}
    WITH c, al ORDER BY al.nameKey, al.id
    RETURN c, collect(DISTINCT al) AS shared
  }
  WITH a, key, collect({c: c, shared: shared}) AS near
  CALL (a, key, near) {
    UNWIND near AS n
    RETURN n.c AS c, 1 AS distance, n.shared AS shared, [] AS via
    UNION
    UNWIND CASE WHEN key.depth >= 2 THEN near ELSE [] END AS n
    WITH a, key, near, n.c AS b
    MATCH ${SHARE("b", "c", "al2", shape)} AND c <> a AND NOT c IN [other IN near | other.c]
    WITH c, b ORDER BY b.nameKey, b.id
    RETURN c, 2 AS distance, [] AS shared, collect(DISTINCT b) AS via
  }
  WITH c, distance, shared, via
  WHERE ${CO_CONSTRUCTOR_WANTED(shape)}
  WITH {c: c, distance: distance, shared: shared, via: via} AS x`,
  sortKey: "[x.distance, -size(x.shared) - size(x.via), x.c.nameKey, x.c.id]",
  project: `{
    actor: [c IN [x.c] | ${ACTOR_MAP("c")}][0],
    distance: x.distance,
    sharedAlliances: [s IN x.shared | s {${NODE_PROPS}}],
    sharedAllianceCount: size(x.shared),
    via: [v IN x.via | ${ACTOR_MAP("v")}]
  }`,
});

export const CO_CONSTRUCTORS: ListSpec = coConstructorsSpec();

// The two actors and the alliances they are both members of (active on $at), by name.
export const CO_CONSTRUCTION = `MATCH (x:${Actor} {id: $a}), (y:${Actor} {id: $b})
OPTIONAL MATCH (x)-[:${HAS_MEMBERSHIP}]->(mx:${Membership})-[:${IN_ALLIANCE}]->(al:${Alliance})<-[:${IN_ALLIANCE}]-(my:${Membership})<-[:${HAS_MEMBERSHIP}]-(y)
WHERE ${ACTIVE_ON("mx", "$at")} AND ${ACTIVE_ON("my", "$at")} AND ${ACTIVE_ON("al", "$at")}
WITH x, y, al ORDER BY al.nameKey, al.id
RETURN ${ACTOR_MAP("x")} AS a, ${ACTOR_MAP("y")} AS b, collect(DISTINCT al {${NODE_PROPS}}) AS alliances`;

// Deletes an actor with its memberships and maturity assessments, which mean nothing without it.
export const DELETE_ACTOR = `MATCH (a:${Actor} {id: $id})
OPTIONAL MATCH (a)-[:${HAS_MEMBERSHIP}]->(m:${Membership})
OPTIONAL MATCH (a)<-[:${Rel.ASSESSES}]-(assessment:${Label.MaturityAssessment})
DETACH DELETE m, assessment, a
RETURN count(*) AS deleted`;
