import { Label, Rel } from "../neo4j/graph-model";
import { storedProperties } from "../entity/stored";
import { AllianceInput } from "./alliance.input";
import { ListSpec } from "../neo4j/paging";
import { ACTIVE_ON } from "../neo4j/time";
import { ALLIANCE_MATCHES, keyScopeShape, MATCH_ALLIANCES, ScopeShape } from "./alliance-filter";
import { TERRITORIES_INSIDE } from "../scope/territory-scope";
import { Shape, whereGiven } from "../scope/shape";
import { AllianceOrderField } from "./alliance.args";
import { MEMBERSHIP_MAP } from "../membership/membership.cypher";
import { OUTCOME_MAP } from "../outcome/outcome.cypher";
import { NODE_PROPS, selectedProps } from "../neo4j/projection";

const { Alliance, Membership, Outcome, Territory, SDG } = Label;

/** The stored properties of an alliance, as its input declares them (alliance.input.ts); Alliance fields beyond them are resolved from its id. */
export const ALLIANCE_PROPERTIES = ["id", ...storedProperties(AllianceInput).map((stored) => stored.name)];

/** An alliance map reduced to what `selected` (Alliance fields asked, or null: all) needs. */
export const ALLIANCE_MAP_FOR = (x: string, selected: ReadonlySet<string> | null | undefined) => selectedProps(x, selected, ALLIANCE_PROPERTIES);
const { HAS_MEMBERSHIP, IN_ALLIANCE, ACTS_IN, CONTRIBUTES_TO, PRODUCED } = Rel;

/**
 * Sort key of alliance `al` for an ordering ("NAME", "START_DATE:DESC", "MEMBER_COUNT:DESC"…),
 * ending in `id`, the unique tie-break. Descending dates and counts are negated so that ties
 * still read by name A→Z; only NAME:DESC runs the whole key backwards (see planAlliancePage).
 * `at` is the date expression members are counted on (`atGiven`: whether it is not null).
 */
export function allianceSortKey(order: string, al: string, id: string, at: string, atGiven: boolean): string {
  const [field, direction] = order.split(":");
  const sign = direction === "DESC" ? "-" : "";
  switch (field) {
    case AllianceOrderField.START_DATE:
      // Days since 1970; unknown start dates sort first when ascending.
      return `[${sign}coalesce(duration.inDays(date('1970-01-01'), ${al}.startDate).days, -1000000), ${al}.nameKey, ${id}]`;
    case AllianceOrderField.MEMBER_COUNT:
      return `[${sign}COUNT { MATCH (${al})<-[:${IN_ALLIANCE}]-(counted:${Membership}) WHERE ${ACTIVE_ON("counted", at, atGiven)} }, ${al}.nameKey, ${id}]`;
    default:
      return `[${al}.nameKey, ${id}]`;
  }
}

// Alliances matching $filter and active on $at, specialised to the criteria given (`shape`),
// starting from the most selective index (MATCH_ALLIANCES: member ids, territory walked down).
export const ALLIANCES = (order: string, shape: ScopeShape): ListSpec => ({
  body: `${MATCH_ALLIANCES("al", "$filter", "$at", shape)}
  WITH al AS x`,
  sortKey: allianceSortKey(order, "x", "x.id", "$at", shape.at),
  project: `x {${NODE_PROPS}}`,
});

// Per key {id: territory id, filter, at}: alliances acting in the territory or inside it (walked down).
// Specialised to the keys' shape (scope/shape.ts), as every batched list here.
export const ALLIANCES_IN_TERRITORY = (order: string, shape: Shape): ListSpec => {
  const { filter, at } = keyScopeShape(shape);
  return {
    body: `MATCH (t:${Territory} {id: key.id})
  ${TERRITORIES_INSIDE("t")}
  MATCH (x)<-[:${ACTS_IN}]-(al:${Alliance})
  WITH DISTINCT key, al
  WHERE ${ALLIANCE_MATCHES("al", "key.filter", filter)} AND ${ACTIVE_ON("al", "key.at", at)}
  WITH al AS x`,
    sortKey: allianceSortKey(order, "x", "x.id", "key.at", at),
    project: `x {${NODE_PROPS}}`,
  };
};

// Per key {id: SDG number, filter, at}: alliances contributing to the goal.
export const ALLIANCES_FOR_SDG = (order: string, shape: Shape): ListSpec => {
  const { filter, at } = keyScopeShape(shape);
  return {
    // Alliances listed from the goal (a comprehension): given a date criterion, the planner would
    // seek every alliance by date and test each against the goal's many relationships (sweep: 21x the db hits).
    body: `MATCH (g:${SDG} {number: key.id})
  UNWIND [(g)<-[:${CONTRIBUTES_TO}]-(a:${Alliance}) | a] AS x
  WITH key, x
  WHERE ${ALLIANCE_MATCHES("x", "key.filter", filter)} AND ${ACTIVE_ON("x", "key.at", at)}`,
    sortKey: allianceSortKey(order, "x", "x.id", "key.at", at),
    project: `x {${NODE_PROPS}}`,
  };
};

// Per key {id: alliance id, at, roles, kinds}: its memberships, leaders first, then by member name.
export const MEMBERS_OF_ALLIANCE = (shape: Shape): ListSpec => ({
  body: `MATCH (:${Alliance} {id: key.id})<-[:${IN_ALLIANCE}]-(x:${Membership})<-[:${HAS_MEMBERSHIP}]-(a:${Label.Actor})
  WHERE ${whereGiven(shape, { at: ACTIVE_ON("x", "key.at", true), roles: "x.role IN key.roles", kinds: "a.kind IN key.kinds" })}`,
  sortKey: "[CASE x.role WHEN 'LEADER' THEN 0 ELSE 1 END, a.nameKey, x.id]",
  project: MEMBERSHIP_MAP("x"),
});

// Per key {id: alliance id, kinds}: outcomes it produced, by title.
export const OUTCOMES_OF_ALLIANCE = (shape: Shape): ListSpec => ({
  body: `MATCH (:${Alliance} {id: key.id})-[:${PRODUCED}]->(x:${Outcome})
  WHERE ${whereGiven(shape, { kinds: "x.kind IN key.kinds" })}`,
  sortKey: "[toLower(x.title), x.id]",
  // The alliance is the key's: no need to walk back to it for each outcome.
  project: OUTCOME_MAP("x", "key.id"),
});

// For each key {id}: territories where the alliance acts, by name.
export const TERRITORIES_OF_ALLIANCES = `UNWIND range(0, size($keys) - 1) AS i
MATCH (:${Alliance} {id: $keys[i]})-[:${ACTS_IN}]->(x:${Territory})
WITH i, x ORDER BY x.nameKey, x.id
RETURN i, collect(x {${NODE_PROPS}}) AS value`;

// For each key {id}: SDGs the alliance contributes to, by number.
export const SDGS_OF_ALLIANCES = `UNWIND range(0, size($keys) - 1) AS i
MATCH (:${Alliance} {id: $keys[i]})-[:${CONTRIBUTES_TO}]->(x:${SDG})
WITH i, x ORDER BY x.number
RETURN i, collect(x {${NODE_PROPS}}) AS value`;


// Deletes an alliance with its memberships and outcomes, which have no meaning without it.
export const DELETE_ALLIANCE = `MATCH (al:${Alliance} {id: $id})
OPTIONAL MATCH (al)<-[:${IN_ALLIANCE}]-(m:${Membership})
OPTIONAL MATCH (al)-[:${PRODUCED}]->(o:${Outcome})
DETACH DELETE m, o, al
RETURN count(*) AS deleted`;
