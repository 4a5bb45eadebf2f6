// What the dashboard draws, fetched in one request through the explorer's API door (../api.ts).
import { runOperation } from "../api";
import OPERATIONS from "./operations.graphql";

export interface Count {
  key: string;
  label: string | null;
  count: number;
}

export interface YearKindCount {
  year: number;
  kind: string;
  label: string | null;
  count: number;
}

export interface KindPair {
  a: string;
  b: string;
  allianceCount: number;
}

export interface TerritoryFigures {
  territory: { id: string; code: string; name: string; level: string };
  allianceCount: number;
  actorsByKind: Count[];
  statistics: {
    byKind: Count[];
    byStartYearAndKind: YearKindCount[];
    partnershipMix: KindPair[];
    bySdg: Count[];
  };
}

export interface DashboardData {
  profile: TerritoryFigures;
  territoryMaturity: Count[];
  actorMaturity: Count[];
}

/** The figures of `territory` (id or INSEE code) on `at` (YYYY-MM-DD, or all dates), in two requests; null when no territory has that code. */
export async function dashboardData(territory: string, at: string | null): Promise<DashboardData | null> {
  const { territoryProfile: profile } = await runOperation<{ territoryProfile: TerritoryFigures | null }>(OPERATIONS, "DashboardTerritory", { territory, at });
  if (!profile) return null;
  // Asked by id once the code is known: maturityDistribution refuses an unknown code, the profile answers null.
  const maturity = await runOperation<{ territoryMaturity: Count[]; actorMaturity: Count[] }>(OPERATIONS, "DashboardMaturity", { territory: profile.territory.id, at });
  return { profile, ...maturity };
}
