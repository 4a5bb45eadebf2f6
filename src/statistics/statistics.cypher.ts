import { ACTOR_MAP } from "../actor/actor.cypher";
import { Label, Rel } from "../neo4j/graph-model";
import { ACTIVE_AT } from "../neo4j/time";
import { MATCH_ALLIANCES, ScopeShape } from "../alliance/alliance-filter";
import { Figure } from "./figure";

const { Actor, Membership, Territory, SDG } = Label;
const { HAS_MEMBERSHIP, IN_ALLIANCE, ACTS_IN, CONTRIBUTES_TO } = Rel;

/*
 * One query per scope: bind the alliances in scope once as the list `scoped`, then one
 * `CALL (scoped) { … }` per figure asked, each returning exactly one row (an aggregate), so the
 * query returns one row with one column per figure.
 *
 * It takes $filter (AllianceFilterParams), $at (a Neo4j date or null) and $first (for
 * mostConnected). "In scope" means: matches $filter and, when $at is given, active on $at;
 * alliances are bound by MATCH_ALLIANCES (a territory is walked down). Members count through
 * memberships active on $at. The text is specialised to the criteria given (`shape`).
 */

/** Binds `a` to each member of `al` whose membership is active on $at (variable `m` names the membership). */
const ACTIVE_MEMBER = (m: string, a: string, shape: ScopeShape) =>
  `MATCH (al)<-[:${IN_ALLIANCE}]-(${m}:${Membership})<-[:${HAS_MEMBERSHIP}]-(${a}:${Actor}) WHERE ${ACTIVE_AT(m, "at", shape.at)}`;

/** {key, count} rows, collected: a figure that groups the scoped alliances by `key`. */
const BUCKETS = "collect({key: key, count: count})";

/**
 * Each figure as the rows it reads from `scoped` and the one aggregate it returns (the column
 * gets the figure's name). Lists keep their query order (ties in SDG number or year).
 */
const FIGURES = (shape: ScopeShape): Record<Figure, { rows: string; value: string }> => ({
  // The number of alliances in scope.
  allianceCount: { rows: "", value: "size(scoped)" },

  // {key, count}: alliances per kind.
  byKind: { rows: "UNWIND scoped AS al\nWITH al.kind AS key, count(al) AS count", value: BUCKETS },

  // {key, count}: alliances per status.
  byStatus: { rows: "UNWIND scoped AS al\nWITH al.status AS key, count(al) AS count", value: BUCKETS },

  // {key, count}: alliances per objective (an alliance counts once for each objective it pursues).
  byObjective: {
    rows: `UNWIND scoped AS al
UNWIND al.objectives AS key
WITH DISTINCT al, key
WITH key, count(al) AS count`,
    value: BUCKETS,
  },

  // {key, label, count}: for every SDG (zero included), alliances contributing to it, by SDG number.
  bySdg: {
    rows: `UNWIND scoped AS al
MATCH (al)-[:${CONTRIBUTES_TO}]->(g:${SDG})
WITH g, count(DISTINCT al) AS count
WITH collect({g: g, count: count}) AS served
MATCH (g:${SDG})
WITH g, coalesce(head([s IN served WHERE s.g = g | s.count]), 0) AS count ORDER BY g.number`,
    value: "collect({key: toString(toInteger(g.number)), label: g.titleFr, count: count})",
  },

  // {key, count}: alliances per level of the territories they act in (once per level).
  byTerritoryLevel: {
    rows: `UNWIND scoped AS al
MATCH (al)-[:${ACTS_IN}]->(x:${Territory})
WITH x.level AS key, count(DISTINCT al) AS count`,
    value: BUCKETS,
  },

  // {key, count}: alliances per start year, by year; alliances with no start date are left out.
  byStartYear: {
    rows: `UNWIND scoped AS al
WITH al WHERE al.startDate IS NOT NULL
WITH al.startDate.year AS year, count(al) AS count ORDER BY year`,
    value: "collect({key: toString(year), count: count})",
  },

  // {year, kind, count}: alliances per start year and kind, by year then kind; no start date, left out.
  byStartYearAndKind: {
    rows: `UNWIND scoped AS al
WITH al WHERE al.startDate IS NOT NULL
WITH al.startDate.year AS year, al.kind AS kind, count(al) AS count ORDER BY year, kind`,
    value: "collect({year: year, kind: kind, count: count})",
  },

  // {a, b, allianceCount}: per pair of member kinds (a < b as strings, or a = b when the alliance
  // has two members of that kind), the alliances joining them.
  partnershipMix: {
    rows: `UNWIND scoped AS al
${ACTIVE_MEMBER("m", "a", shape)}
WITH al, a.kind AS kind, count(DISTINCT a) AS actors
WITH al, collect({kind: kind, actors: actors}) AS kinds
UNWIND kinds AS x
UNWIND kinds AS y
WITH al, x, y WHERE x.kind < y.kind OR (x.kind = y.kind AND x.actors >= 2)
WITH x.kind AS a, y.kind AS b, count(al) AS allianceCount`,
    value: "collect({a: a, b: b, allianceCount: allianceCount})",
  },

  // {key, count}: distinct members of the alliances, per actor kind.
  actorsByKind: {
    rows: `UNWIND scoped AS al
${ACTIVE_MEMBER("m", "a", shape)}
WITH a.kind AS key, count(DISTINCT a) AS count`,
    value: BUCKETS,
  },

  // {alliances, coConstructed}: the alliances, and those joining three or more kinds of actor.
  coConstructionShare: {
    rows: `UNWIND scoped AS al
OPTIONAL ${ACTIVE_MEMBER("m", "a", shape)}
WITH al, count(DISTINCT a.kind) AS kinds`,
    value: "{alliances: count(al), coConstructed: count(CASE WHEN kinds >= 3 THEN al END)}",
  },

  // [{actor, coConstructorCount, allianceCount}]: members of the alliances, by distinct co-members
  // within them, then alliances, then name; at most $first.
  mostConnected: {
    rows: `UNWIND scoped AS al
${ACTIVE_MEMBER("m", "a", shape)}
WITH a, collect(DISTINCT al) AS alliances
CALL (a, alliances) {
  UNWIND alliances AS al
  OPTIONAL ${ACTIVE_MEMBER("n", "c", shape)} AND c <> a
  RETURN count(DISTINCT c) AS coConstructorCount
}
WITH a, coConstructorCount, size(alliances) AS allianceCount
ORDER BY coConstructorCount DESC, allianceCount DESC, a.nameKey, a.id
LIMIT toInteger($first)`,
    value: `collect({actor: ${ACTOR_MAP("a")}, coConstructorCount: coConstructorCount, allianceCount: allianceCount})`,
  },
});

/**
 * The one query computing `figures` over a scope. The same set of figures and shape always
 * gives the same text, so Neo4j plans it once.
 */
export function figuresQuery(figures: readonly Figure[], shape: ScopeShape): string {
  const names = [...new Set(figures)].sort();
  const figure = FIGURES(shape);
  const calls = names.map((name) => {
    const { rows, value } = figure[name];
    return `CALL (scoped) {\n${rows ? `${rows}\n` : ""}RETURN ${value} AS ${name}\n}`;
  });
  return [MATCH_ALLIANCES("al", "$filter", "$at", shape), "WITH collect(al) AS scoped", ...calls, `RETURN ${names.join(", ")}`].join("\n");
}
