import { Label, Rel } from "../neo4j/graph-model";
import { storedProperties } from "../entity/stored";
import { ActorInput } from "./actor.input";
import { ListSpec } from "../neo4j/paging";
import { ACTIVE_ON } from "../neo4j/time";
import { ALLIANCE_MATCHES, keyScopeShape } from "../alliance/alliance-filter";
import { PLACE_WITHIN, WITHIN_TERRITORY } from "../scope/territory-scope";
import { Shape, shapeOf, whereGiven, within } from "../scope/shape";
import { allianceSortKey } from "../alliance/alliance.cypher";
import { MEMBERSHIP_MAP } from "../membership/membership.cypher";
import { OUTCOME_MAP } from "../outcome/outcome.cypher";
import { ActorOrderField } from "./actor.args";
import { NODE_PROPS, selectedProps } from "../neo4j/projection";
import { IDENTIFIER_PROPERTIES } from "../identifier/schemes";

const { Actor, Alliance, Membership, Outcome, Territory, SDG } = Label;
const { BASED_IN, HAS_MEMBERSHIP, IN_ALLIANCE, PRODUCED, CONTRIBUTES_TO } = Rel;

/** The stored properties of an actor, as its input declares them (actor.input.ts); Actor fields beyond them are resolved from its id. */
export const ACTOR_PROPERTIES = ["id", ...storedProperties(ActorInput).map((stored) => stored.name)];

/** The Actor fields `selected` asks (null: all), with the properties `identifiers` is computed from when it is asked. */
export const actorFieldsNeeded = (selected: ReadonlySet<string> | null | undefined): ReadonlySet<string> | null | undefined =>
  selected?.has("identifiers") ? new Set([...selected, ...IDENTIFIER_PROPERTIES]) : selected;

/** An actor node `a` reduced to what `selected` (Actor fields asked, or null: all) needs; `basedIn` needs its territory's id. */
export const ACTOR_MAP_FOR = (a: string, selected: ReadonlySet<string> | null | undefined) =>
  selectedProps(a, actorFieldsNeeded(selected), ACTOR_PROPERTIES, { basedIn: `basedInId: head([(${a})-[:${BASED_IN}]->(actor_base) | actor_base.id])` });

/** An actor node `a` as the API maps it: every property, with the id of its base territory. */
export const ACTOR_MAP = (a: string) => ACTOR_MAP_FOR(a, null);

/**
 * An actor node `a` as a list of values: the properties $actorProps names (in that order), then
 * its base territory's id when $actorBase. The text is the same whatever is selected (one plan,
 * so a client varying its selection cannot make Neo4j plan again), and Neo4j reads only those
 * properties; `actorFromValues` (actor.repository.ts) turns the list back into an Actor.
 */
export const ACTOR_VALUES = (a: string) =>
  `[k IN $actorProps | ${a}[k]] + CASE WHEN $actorBase THEN [head([(${a})-[:${BASED_IN}]->(actor_base) | actor_base.id])] ELSE [] END`;

/** Cypher predicate: actor `a` is based in the territory whose id is the expression `territoryId`, or inside it. */
const BASED_WITHIN = (a: string, territoryId: string) =>
  `EXISTS { MATCH (${a})-[:${BASED_IN}]->(bw_base:${Territory}) WHERE ${PLACE_WITHIN("bw_base", territoryId)} }`;

/** Cypher pattern condition: actor `a` has a membership `m` of alliance `al`, both active on `at`. */
const ACTIVE_MEMBERSHIP = (a: string, at: string, atGiven: boolean, extra: string) =>
  `EXISTS { MATCH (${a})-[:${HAS_MEMBERSHIP}]->(am_m:${Membership})-[:${IN_ALLIANCE}]->(am_al:${Alliance})
    WHERE ${ACTIVE_ON("am_m", at, atGiven)} AND ${ACTIVE_ON("am_al", at, atGiven)} AND ${extra} }`;

// The actor holding $value as its identifier `property` (one of IDENTIFIER_PROPERTIES, indexed), the first by id when several do.
export const ACTOR_BY_IDENTIFIER = (property: string) => `MATCH (a:${Actor} {${property}: $value})
WITH a ORDER BY a.id LIMIT 1
RETURN ${ACTOR_MAP("a")} AS value`;

// Actors by id, in key order. The id of an actor merged into another is resolved by the repository, for
// the keys this misses only: resolving every key here cost a seek per key (bench/results/alias-resolution-2026-12-05.md).
export const ACTORS_BY_ID = `UNWIND range(0, size($keys) - 1) AS i
MATCH (a:${Actor} {id: $keys[i]})
RETURN i, ${ACTOR_MAP("a")} AS value`;

// Actors matching $filter (kinds, territory, SDGs of their alliances, name prefix key, identifier), sorted by "NAME" or
// "ALLIANCE_COUNT[:DESC]" (counts negated when descending); with $at, only actors with an alliance
// active then. Specialised to the criteria given (`shape` of {filter, at}); a territory is walked down.
export const ACTORS = (order: string, shape: Shape, identifierProperty?: string | null): ListSpec => {
  const filter = within(shape, "filter");
  const at = shape.has("at");
  // Without a territory, SDGs start the match: the few alliances contributing to them lead to
  // their members, instead of every actor testing its alliances (sweep at 100k: 4.6M → 226k db hits).
  const fromSdgs = filter.has("sdgs") && !filter.has("territoryId");
  const sdgs = `EXISTS { MATCH (am_al)-[:${CONTRIBUTES_TO}]->(am_goal:${SDG}) WHERE am_goal.number IN $filter.sdgs }`;
  const where = whereGiven(new Set([...filter, ...((at || filter.has("sdgs")) && !fromSdgs ? ["active"] : [])]), {
    kinds: "x.kind IN $filter.kinds",
    namePrefix: "x.nameKey STARTS WITH $filter.namePrefix",
    // The property is one of IDENTIFIER_PROPERTIES (actor.page.ts), each range-indexed: a seek, or a scan of the holders.
    identifierValue: `x.${identifierProperty} = $filter.identifierValue`,
    identifierHeld: `x.${identifierProperty} IS NOT NULL`,
    active: ACTIVE_MEMBERSHIP("x", "$at", at, filter.has("sdgs") ? sdgs : "true"),
  });
  const match = filter.has("territoryId")
    ? `${WITHIN_TERRITORY("$filter.territoryId", "ac_place")}
  MATCH (ac_place)<-[:${BASED_IN}]-(x:${Actor})
  WITH DISTINCT x`
    : fromSdgs
      ? `MATCH (ac_goal:${SDG})<-[:${CONTRIBUTES_TO}]-(ac_al:${Alliance})<-[:${IN_ALLIANCE}]-(ac_m:${Membership})<-[:${HAS_MEMBERSHIP}]-(x:${Actor})
  WHERE ac_goal.number IN $filter.sdgs AND ${ACTIVE_ON("ac_m", "$at", at)} AND ${ACTIVE_ON("ac_al", "$at", at)}
  WITH DISTINCT x`
      : `MATCH (x:${Actor})`;
  return {
    body: `${match}
  WHERE ${where}`,
    sortKey: order.startsWith(ActorOrderField.ALLIANCE_COUNT)
      ? `[${order.endsWith(":DESC") ? "-" : ""}COUNT { MATCH (x)-[:${HAS_MEMBERSHIP}]->(m:${Membership})-[:${IN_ALLIANCE}]->(al:${Alliance}) WHERE ${ACTIVE_ON("m", "$at", at)} AND ${ACTIVE_ON("al", "$at", at)} }, x.nameKey, x.id]`
      : "[x.nameKey, x.id]",
    project: ACTOR_MAP("x"),
  };
};

// Per key {id, filter, at}: the actor's memberships of alliances in scope, in the alliance ordering.
// Specialised to the keys' shape (scope/shape.ts).
export const MEMBERSHIPS_OF_ACTOR = (order: string, shape: Shape): ListSpec => ({
  body: `MATCH (:${Actor} {id: key.id})-[:${HAS_MEMBERSHIP}]->(x:${Membership})-[:${IN_ALLIANCE}]->(al:${Alliance})
  WHERE ${ACTIVE_ON("x", "key.at", shape.has("at"))} AND ${ACTIVE_ON("al", "key.at", shape.has("at"))} AND ${ALLIANCE_MATCHES("al", "key.filter", within(shape, "filter"))}`,
  sortKey: allianceSortKey(order, "al", "x.id", "key.at", shape.has("at")),
  project: MEMBERSHIP_MAP("x"),
});

// Per key {id, kinds, at}: outcomes of the actor's alliances (through memberships active on key.at), by title.
export const IMPACT_OF_ACTOR = (shape: Shape): ListSpec => ({
  body: `MATCH (:${Actor} {id: key.id})-[:${HAS_MEMBERSHIP}]->(m:${Membership})-[:${IN_ALLIANCE}]->(al:${Alliance})-[:${PRODUCED}]->(o:${Outcome})
  WHERE ${ACTIVE_ON("m", "key.at", shape.has("at"))} AND ${ACTIVE_ON("al", "key.at", shape.has("at"))} AND ${whereGiven(shape, { kinds: "o.kind IN key.kinds" })}
  WITH DISTINCT o AS x`,
  sortKey: "[toLower(x.title), x.id]",
  project: OUTCOME_MAP("x"),
});

/**
 * Binds `al` to each alliance of actor `a` in scope (its membership and the alliance active on
 * key.at, the alliance in key.filter), then `c` to each other member active then. Each alliance
 * is checked once, not once per co-member, and the planner gets two small patterns, not one long
 * one. `carry`: the variables kept across (a, key, …).
 */
const SHARE = (a: string, c: string, al: string, shape: Shape, carry: string) => {
  const { filter, at } = keyScopeShape(shape);
  return `MATCH (${a})-[:${HAS_MEMBERSHIP}]->(ma:${Membership})-[:${IN_ALLIANCE}]->(${al}:${Alliance})
    WHERE ${ACTIVE_ON("ma", "key.at", at)} AND ${ACTIVE_ON(al, "key.at", at)} AND ${ALLIANCE_MATCHES(al, "key.filter", filter)}
    WITH ${carry}, ${al}
    MATCH (${al})<-[:${IN_ALLIANCE}]-(mc:${Membership})<-[:${HAS_MEMBERSHIP}]-(${c}:${Actor})
    WHERE ${c} <> ${a} AND ${ACTIVE_ON("mc", "key.at", at)}`;
};

/** The co-constructor `c` passes the key's kinds and territory criteria (only those given). */
const CO_CONSTRUCTOR_WANTED = (shape: Shape) =>
  whereGiven(shape, { kinds: "c.kind IN key.kinds", territoryId: BASED_WITHIN("c", "key.territoryId") });

/** The shape of a co-constructors key: its criteria given, and "depth2" when it asks for distance 2. */
export const coConstructorsShape = (key: object): Shape =>
  new Set([...shapeOf(key), ...(Number((key as { depth?: unknown }).depth) >= 2 ? ["depth2"] : [])]);

// Per key {id, depth, kinds, territoryId, filter, at}: co-constructors at distance 1 (sharing alliances,
// most shared first) and, with depth 2, at distance 2 (through `via` co-constructors), each once.
// Specialised to the keys' shape (coConstructorsShape): the criteria given, nothing else.
// `lean` (NEIGHBOURHOOD): each shared alliance named by its id, since a hub's partners share
// the same few alliances and NEIGHBOURHOOD maps each once, and actors as ACTOR_VALUES.
export const coConstructorsSpec = (shape: Shape, lean = false): ListSpec => ({
  body: `MATCH (a:${Actor} {id: key.id})
  CALL (a, key) {
    ${SHARE("a", "c", "al", shape, "a, key")}
    WITH c, al ORDER BY al.nameKey, al.id
    RETURN c, collect(DISTINCT al) AS shared
  }
  WITH a, key, collect({c: c, shared: shared}) AS near
  CALL (a, key, near) {
    UNWIND near AS n
    RETURN n.c AS c, 1 AS distance, n.shared AS shared, [] AS via${
      shape.has("depth2")
        ? `
    UNION
    UNWIND near AS n
    WITH a, key, near, n.c AS b
    ${SHARE("b", "c", "al2", shape, "a, key, near, b")} AND c <> a AND NOT c IN [other IN near | other.c]
    WITH c, b ORDER BY b.nameKey, b.id
    RETURN c, 2 AS distance, [] AS shared, collect(DISTINCT b) AS via`
        : ""
    }
  }
  WITH c, distance, shared, via
  WHERE ${CO_CONSTRUCTOR_WANTED(shape)}
  WITH {c: c, distance: distance, shared: shared, via: via} AS x`,
  sortKey: "[x.distance, -size(x.shared) - size(x.via), x.c.nameKey, x.c.id]",
  project: `{
    actor: [c IN [x.c] | ${lean ? ACTOR_VALUES("c") : ACTOR_MAP("c")}][0],
    distance: x.distance,
    sharedAlliances: [s IN x.shared | ${lean ? "s.id" : `s {${NODE_PROPS}}`}],
    sharedAllianceCount: size(x.shared),
    via: [v IN x.via | ${lean ? ACTOR_VALUES("v") : ACTOR_MAP("v")}]
  }`,
});

// The two actors and the alliances they are both members of (active on $at), by name.
export const CO_CONSTRUCTION = (atGiven: boolean) => `MATCH (x:${Actor} {id: $a}), (y:${Actor} {id: $b})
OPTIONAL MATCH (x)-[:${HAS_MEMBERSHIP}]->(mx:${Membership})-[:${IN_ALLIANCE}]->(al:${Alliance})<-[:${IN_ALLIANCE}]-(my:${Membership})<-[:${HAS_MEMBERSHIP}]-(y)
WHERE ${ACTIVE_ON("mx", "$at", atGiven)} AND ${ACTIVE_ON("my", "$at", atGiven)} AND ${ACTIVE_ON("al", "$at", atGiven)}
WITH x, y, al ORDER BY al.nameKey, al.id
RETURN ${ACTOR_MAP("x")} AS a, ${ACTOR_MAP("y")} AS b, collect(DISTINCT al {${NODE_PROPS}}) AS alliances`;

// Deletes an actor with its memberships, maturity assessments and aliases (ids merged into it), which mean nothing without it.
export const DELETE_ACTOR = `MATCH (a:${Actor} {id: $id})
OPTIONAL MATCH (a)-[:${HAS_MEMBERSHIP}]->(m:${Membership})
OPTIONAL MATCH (a)<-[:${Rel.ASSESSES}]-(assessment:${Label.MaturityAssessment})
OPTIONAL MATCH (a)<-[:${Rel.ALIAS_OF}]-(alias:${Label.ActorAlias})
DETACH DELETE m, assessment, alias, a
RETURN count(*) AS deleted`;
