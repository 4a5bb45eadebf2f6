import { TerritoryLevel } from "../common/enums";
import { FRANCE_ID, readGeography } from "../seed/geography";
import { Random, WeightedPicker } from "./random";

/** A commune an actor can be based in, with the territories above it. */
export interface Commune {
  id: string;
  name: string;
  population: number;
  epciId: string | null;
  departementId: string;
  regionId: string;
}

/**
 * The real geography a generated graph lives in: communes drawn by population (so Paris,
 * Marseille, Lyon hold many actors and a village few), and every territory's name.
 */
export class Places {
  readonly names = new Map<string, string>();
  private readonly picker: WeightedPicker<Commune>;

  /** `departements` limits communes to those départements (e.g. the ones a test database holds). */
  constructor(departements?: string[]) {
    const rows = readGeography({ departements });
    const regionOf = new Map<string, string>();
    for (const row of rows) {
      this.names.set(row.id, row.name);
      if (row.level === TerritoryLevel.DEPARTEMENT) regionOf.set(row.id, row.parentIds[0]);
    }
    const communes: Commune[] = rows
      .filter((row) => row.level === TerritoryLevel.COMMUNE && (row.population ?? 0) > 0 && regionOf.has(row.parentIds[0]))
      .map((row) => ({
        id: row.id,
        name: row.name,
        population: row.population!,
        epciId: row.epciId,
        departementId: row.parentIds[0],
        regionId: regionOf.get(row.parentIds[0])!,
      }));
    this.picker = new WeightedPicker(communes, (c) => c.population);
    this.names.set(FRANCE_ID, "France");
  }

  /** A commune, more likely the more people live there. */
  commune(rng: Random): Commune {
    return this.picker.pick(rng);
  }

  name(territoryId: string): string {
    return this.names.get(territoryId) ?? territoryId;
  }
}

/** Days since 1970-01-01 ↔ "YYYY-MM-DD" (UTC, so every machine writes the same dates). */
export const toDay = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
export const fromDay = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
