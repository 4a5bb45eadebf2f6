import { ActorKind, AllianceKind, AllianceObjective, AllianceStatus, MaturityLevel, TerritoryLevel } from "../common/enums";
import { Executor, Params, Row } from "../neo4j/executor";
import { toNeo4jDate } from "../neo4j/props";
import { ActorScore, Count, KindPair, StatisticsScope } from "./statistics.type";
import * as Q from "./statistics.cypher";
import * as M from "./maturity-distribution.cypher";

/** The breakdowns `Statistics` offers. */
export type Dimension = "kind" | "objective" | "status" | "sdg" | "territoryLevel" | "startYear";

/**
 * Each breakdown's query, and for enums every value, so a table lists zero buckets too.
 * SDGs come from the graph (all of them, zero included); years only when some alliance started then.
 */
const DIMENSIONS: Record<Dimension, { cypher: string; keys?: readonly string[] }> = {
  kind: { cypher: Q.BY_KIND, keys: Object.values(AllianceKind) },
  objective: { cypher: Q.BY_OBJECTIVE, keys: Object.values(AllianceObjective) },
  status: { cypher: Q.BY_STATUS, keys: Object.values(AllianceStatus) },
  territoryLevel: { cypher: Q.BY_TERRITORY_LEVEL, keys: Object.values(TerritoryLevel) },
  sdg: { cypher: Q.BY_SDG },
  startYear: { cypher: Q.BY_START_YEAR },
};

const ACTOR_KINDS = Object.values(ActorKind);

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

  async allianceCount(scope: StatisticsScope): Promise<number> {
    const [row] = await this.executor.read(Q.ALLIANCE_COUNT, params(scope));
    return row.count;
  }

  /** Alliances in scope per bucket of `dimension`, most first. */
  async countBy(dimension: Dimension, scope: StatisticsScope): Promise<Count[]> {
    const { cypher, keys } = DIMENSIONS[dimension];
    return ranked(await this.executor.read(cypher, params(scope)), keys);
  }

  /** Per pair of actor kinds, the alliances in scope joining them; most first. */
  async partnershipMix(scope: StatisticsScope): Promise<KindPair[]> {
    const rows = await this.executor.read(Q.PARTNERSHIP_MIX, params(scope));
    const rank = (kind: string) => ACTOR_KINDS.indexOf(kind as ActorKind);
    // Cypher pairs kinds alphabetically; the API promises a ≤ b in enum order.
    return rows
      .map(({ a, b, allianceCount }) => (rank(a) <= rank(b) ? { a, b, allianceCount } : { a: b, b: a, allianceCount }))
      .sort((x, y) => y.allianceCount - x.allianceCount || rank(x.a) - rank(y.a) || rank(x.b) - rank(y.b));
  }

  /** Alliances in scope acting in `scope.filter.territoryId` or inside it. */
  async territoryAllianceCount(scope: StatisticsScope): Promise<number> {
    const [row] = await this.executor.read(Q.TERRITORY_ALLIANCE_COUNT, territoryParams(scope));
    return row.count;
  }

  /** Distinct members of the territory's alliances, per actor kind (every kind listed). */
  async territoryActorsByKind(scope: StatisticsScope): Promise<Count[]> {
    return ranked(await this.executor.read(Q.TERRITORY_ACTORS_BY_KIND, territoryParams(scope)), ACTOR_KINDS);
  }

  /** Share of the territory's alliances that join three or more kinds of actor; 0 when it has none. */
  async territoryCoConstructionShare(scope: StatisticsScope): Promise<number> {
    const [row] = await this.executor.read(Q.TERRITORY_CO_CONSTRUCTION, territoryParams(scope));
    return row.alliances === 0 ? 0 : row.coConstructed / row.alliances;
  }

  async territoryMostConnected(scope: StatisticsScope, first: number): Promise<ActorScore[]> {
    return (await this.executor.read(Q.TERRITORY_MOST_CONNECTED, { ...territoryParams(scope), first })) as ActorScore[];
  }

  /** Subjects per level of their latest maturity assessment, every level listed, most first; unassessed subjects are left out. */
  async maturityDistribution({ subjectType, level, withinId, at }: MaturityScope): Promise<Count[]> {
    const cypher = subjectType === "ACTOR" ? M.ACTORS_BY_MATURITY : M.TERRITORIES_BY_MATURITY;
    return ranked(await this.executor.read(cypher, { level, withinId, at: toNeo4jDate(at) }), Object.values(MaturityLevel));
  }
}

type CountRow = { key: string | null; label?: string | null; count: number };

function params({ filter, at }: StatisticsScope): Params {
  return { filter, at: toNeo4jDate(at) };
}

/** The territory goes apart ($territoryId, walked down once); the rest of the filter applies as usual. */
function territoryParams({ filter, at }: StatisticsScope): Params {
  return { territoryId: filter.territoryId, filter: { ...filter, territoryId: null }, at: toNeo4jDate(at) };
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
