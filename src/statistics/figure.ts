import { ActorScore, Count, KindPair, YearKindCount } from "./statistics.type";

/**
 * The figures `Statistics` and `TerritoryProfile` compute over the alliances of a scope, and
 * what each answers once mapped from its column (statistics.repository.ts). Each name is a
 * column of the batched query (statistics.cypher.ts): these keys are its only column names.
 */
export interface FigureValues {
  allianceCount: number;
  byKind: Count[];
  byObjective: Count[];
  byStatus: Count[];
  bySdg: Count[];
  byTerritoryLevel: Count[];
  byStartYear: Count[];
  byStartYearAndKind: YearKindCount[];
  partnershipMix: KindPair[];
  actorsByKind: Count[];
  coConstructionShare: number;
  /** The best `$first` members; a field asking fewer takes a prefix (the order is total). */
  mostConnected: ActorScore[];
}

export type Figure = keyof FigureValues;
