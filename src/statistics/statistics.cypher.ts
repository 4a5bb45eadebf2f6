import { ACTOR_MAP } from "../actor/actor.cypher";
import { Label, Rel, TERRITORIES_INSIDE } from "../neo4j/graph-model";
import { ACTIVE_AT } from "../neo4j/time";
import { ALLIANCE_MATCHES } from "../alliance/alliance-filter";

const { Actor, Alliance, Membership, Territory, SDG } = Label;
const { HAS_MEMBERSHIP, IN_ALLIANCE, ACTS_IN, CONTRIBUTES_TO } = Rel;

/*
 * Every query takes $filter (AllianceFilterParams) and $at (a Neo4j date or null).
 * "In scope" means: matches $filter and, when $at is given, active on $at. Members count
 * through memberships that are themselves active on $at.
 */

/** Binds `al` to each alliance in scope. */
const SCOPED = `MATCH (al:${Alliance})
WHERE ${ALLIANCE_MATCHES("al", "$filter")} AND ${ACTIVE_AT("al")}`;

/**
 * Binds `al` to each alliance in scope acting in territory $territoryId or anywhere inside it
 * ($filter.territoryId is left null: the territory is handled here, walking down once).
 */
const IN_TERRITORY = `MATCH (t:${Territory} {id: $territoryId})
CALL (t) {
  ${TERRITORIES_INSIDE("t")}
  MATCH (x)<-[:${ACTS_IN}]-(al:${Alliance})
  RETURN DISTINCT al
}
WITH DISTINCT al
WHERE ${ALLIANCE_MATCHES("al", "$filter")} AND ${ACTIVE_AT("al")}`;

/** Binds `a` to each member of `al` whose membership is active on $at (variable `m` names the membership). */
const ACTIVE_MEMBER = (m: string, a: string) =>
  `MATCH (al)<-[:${IN_ALLIANCE}]-(${m}:${Membership})<-[:${HAS_MEMBERSHIP}]-(${a}:${Actor}) WHERE ${ACTIVE_AT(m)}`;


// The number of alliances in scope.
export const ALLIANCE_COUNT = `${SCOPED}
RETURN count(al) AS count`;

// {key, count}: alliances in scope per kind.
export const BY_KIND = `${SCOPED}
RETURN al.kind AS key, count(al) AS count`;

// {key, count}: alliances in scope per status.
export const BY_STATUS = `${SCOPED}
RETURN al.status AS key, count(al) AS count`;

// {key, count}: alliances in scope per objective (an alliance counts once for each objective it pursues).
export const BY_OBJECTIVE = `${SCOPED}
UNWIND al.objectives AS key
WITH DISTINCT al, key
RETURN key, count(al) AS count`;

// {key, label, count}: for every SDG (zero included), alliances in scope contributing to it, by SDG number.
export const BY_SDG = `MATCH (g:${SDG})
OPTIONAL MATCH (g)<-[:${CONTRIBUTES_TO}]-(al:${Alliance})
WHERE ${ALLIANCE_MATCHES("al", "$filter")} AND ${ACTIVE_AT("al")}
WITH g, count(DISTINCT al) AS count ORDER BY g.number
RETURN toString(toInteger(g.number)) AS key, g.titleFr AS label, count`;

// {key, count}: alliances in scope per level of the territories they act in (once per level).
export const BY_TERRITORY_LEVEL = `${SCOPED}
MATCH (al)-[:${ACTS_IN}]->(x:${Territory})
RETURN x.level AS key, count(DISTINCT al) AS count`;

// {key, count}: alliances in scope per start year, by year; alliances with no start date are left out.
export const BY_START_YEAR = `${SCOPED}
  AND al.startDate IS NOT NULL
WITH al.startDate.year AS year, count(al) AS count ORDER BY year
RETURN toString(year) AS key, count`;

// {a, b, allianceCount}: per pair of member kinds (a < b as strings, or a = b when the alliance
// has two members of that kind), the alliances in scope joining them.
export const PARTNERSHIP_MIX = `${SCOPED}
${ACTIVE_MEMBER("m", "a")}
WITH al, a.kind AS kind, count(DISTINCT a) AS actors
WITH al, collect({kind: kind, actors: actors}) AS kinds
UNWIND kinds AS x
UNWIND kinds AS y
WITH al, x, y WHERE x.kind < y.kind OR (x.kind = y.kind AND x.actors >= 2)
RETURN x.kind AS a, y.kind AS b, count(al) AS allianceCount`;

// The number of alliances in scope acting in $territoryId or inside it.
export const TERRITORY_ALLIANCE_COUNT = `${IN_TERRITORY}
RETURN count(al) AS count`;

// {key, count}: distinct members of the territory's alliances in scope, per actor kind.
export const TERRITORY_ACTORS_BY_KIND = `${IN_TERRITORY}
${ACTIVE_MEMBER("m", "a")}
RETURN a.kind AS key, count(DISTINCT a) AS count`;

// {alliances, coConstructed}: the territory's alliances in scope, and those joining three or more kinds of actor.
export const TERRITORY_CO_CONSTRUCTION = `${IN_TERRITORY}
OPTIONAL ${ACTIVE_MEMBER("m", "a")}
WITH al, count(DISTINCT a.kind) AS kinds
RETURN count(al) AS alliances, count(CASE WHEN kinds >= 3 THEN al END) AS coConstructed`;

// {actor, coConstructorCount, allianceCount}: members of the territory's alliances in scope, by
// distinct co-members within those alliances, then alliances, then name; at most $first.
export const TERRITORY_MOST_CONNECTED = `${IN_TERRITORY}
${ACTIVE_MEMBER("m", "a")}
WITH a, collect(DISTINCT al) AS alliances
CALL (a, alliances) {
  UNWIND alliances AS al
  OPTIONAL ${ACTIVE_MEMBER("n", "c")} AND c <> a
  RETURN count(DISTINCT c) AS coConstructorCount
}
WITH a, coConstructorCount, size(alliances) AS allianceCount
ORDER BY coConstructorCount DESC, allianceCount DESC, a.nameKey, a.id
LIMIT toInteger($first)
RETURN ${ACTOR_MAP("a")} AS actor, coConstructorCount, allianceCount`;
