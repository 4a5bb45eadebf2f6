import { ActorKind, AllianceKind, AllianceObjective, AllianceStatus, MaturityLevel, TerritoryLevel } from "../common/enums";
import { Executor, Row } from "../neo4j/executor";
import { toNeo4jDate } from "../neo4j/props";
import { Count, KindPair, StatisticsScope, YearKindCount } from "./statistics.type";
import { Figure, FigureValues } from "./figure";
import { figuresQuery } from "./statistics.cypher";
import { scopeShape } from "../alliance/alliance-filter";
import { shapeOf } from "../scope/shape";
import * as M from "./maturity-distribution.cypher";

const ACTOR_KINDS = Object.values(ActorKind);
const ALLIANCE_KINDS = Object.values(AllianceKind);

/**
 * How each figure's column becomes its answer. Enum breakdowns list every value, zero buckets
 * included; SDGs come from the graph (all of them); years only when some alliance started then.
 */
const READ: { [F in Figure]: (column: any) => FigureValues[F] } = {
  allianceCount: (count) => count,
  byKind: (rows) => ranked(rows, ALLIANCE_KINDS),
  byObjective: (rows) => ranked(rows, Object.values(AllianceObjective)),
  byStatus: (rows) => ranked(rows, Object.values(AllianceStatus)),
  byTerritoryLevel: (rows) => ranked(rows, Object.values(TerritoryLevel)),
  bySdg: (rows) => ranked(rows),
  byStartYear: (rows) => ranked(rows),
  byStartYearAndKind: yearKinds,
  partnershipMix: kindPairs,
  actorsByKind: (rows) => ranked(rows, ACTOR_KINDS),
  coConstructionShare: ({ alliances, coConstructed }) => (alliances === 0 ? 0 : coConstructed / alliances),
  mostConnected: (rows) => rows,
};

/** Whose maturity `maturityDistribution` counts, where, and as of when ("YYYY-MM-DD" or null: today). */
export interface MaturityScope {
  subjectType: "ACTOR" | "TERRITORY";
  level: TerritoryLevel | null;
  withinId: string | null;
  at: string | null;
}

/** The only code that runs Cypher for Observatoire-style statistics. */
export class StatisticsRepository {
  constructor(private readonly executor: Executor) {}

  /**
   * `figures` over the alliances in `scope`, in one query (see figuresQuery); `first` bounds
   * mostConnected. Usually called through ScopeFigures, which gathers the figures of a request.
   */
  async figures(scope: StatisticsScope, figures: readonly Figure[], first: number | null = null): Promise<Partial<FigureValues>> {
    const values = { filter: scope.filter, at: toNeo4jDate(scope.at) };
    const [row] = await this.executor.read(figuresQuery(figures, scopeShape(values.filter, values.at)), { ...values, first });
    const answers: Partial<Record<Figure, unknown>> = {};
    for (const figure of figures) answers[figure] = READ[figure](row[figure]);
    return answers as Partial<FigureValues>;
  }

  /** Subjects per level of their latest maturity assessment, every level listed, most first; unassessed subjects are left out. */
  async maturityDistribution({ subjectType, level, withinId, at }: MaturityScope): Promise<Count[]> {
    const params = { level, withinId, at: toNeo4jDate(at) };
    const cypher = (subjectType === "ACTOR" ? M.ACTORS_BY_MATURITY : M.TERRITORIES_BY_MATURITY)(shapeOf(params));
    return ranked(await this.executor.read(cypher, params), Object.values(MaturityLevel));
  }
}

/** Per start year and alliance kind, the alliances; by year, then kind in enum order. */
function yearKinds(rows: YearKindCount[]): YearKindCount[] {
  const rank = (kind: string) => ALLIANCE_KINDS.indexOf(kind as AllianceKind);
  // Cypher orders kinds alphabetically; the enum's order is the one every other list keeps.
  return rows.map(({ year, kind, count }) => ({ year, kind, count })).sort((x, y) => x.year - y.year || rank(x.kind) - rank(y.kind));
}

type CountRow = { key: string | null; label?: string | null; count: number };

/** Per pair of actor kinds, the alliances joining them; most first. */
function kindPairs(rows: KindPair[]): KindPair[] {
  const rank = (kind: string) => ACTOR_KINDS.indexOf(kind as ActorKind);
  // Cypher pairs kinds alphabetically; the API promises a ≤ b in enum order.
  return rows
    .map(({ a, b, allianceCount }) => (rank(a) <= rank(b) ? { a, b, allianceCount } : { a: b, b: a, allianceCount }))
    .sort((x, y) => y.allianceCount - x.allianceCount || rank(x.a) - rank(y.a) || rank(x.b) - rank(y.b));
}

/**
 * Rows {key, label?, count} as Counts, most first; ties keep the natural order (the enum's,
 * or the query's: SDG number, year). With `keys`, missing values get a zero bucket.
 */
function ranked(rows: Row[], keys?: readonly string[]): Count[] {
  const found = new Map((rows as CountRow[]).filter((row) => row.key != null).map((row) => [row.key as string, row]));
  const counts = keys
    ? keys.map((key) => ({ key, label: null, count: found.get(key)?.count ?? 0 }))
    : [...found.values()].map(({ key, label, count }) => ({ key: key as string, label: label ?? null, count }));
  return counts.sort((x, y) => y.count - x.count); // Array.prototype.sort is stable
}
