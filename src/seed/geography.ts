import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { TerritoryLevel } from "../common/enums";

/**
 * The official French geography, read straight from @etalab/decoupage-administratif's
 * JSON files (its own entry point resolves them against the working directory, which
 * breaks as soon as we run from elsewhere).
 */
const DATA_DIR = join(dirname(require.resolve("@etalab/decoupage-administratif/package.json")), "data");

interface RawCommune {
  code: string;
  nom: string;
  type: "commune-actuelle" | "commune-deleguee" | "commune-associee" | "arrondissement-municipal";
  departement?: string;
  region?: string;
  chefLieu?: string;
  commune?: string;
  siren?: string;
  population?: number;
}
interface RawEpci {
  code: string;
  nom: string;
  populationMunicipale?: number;
  membres: { code: string }[];
}

/** A territory row ready for the seed's UNWIND: its id, properties and its links upward. */
export interface TerritoryRow {
  id: string;
  code: string;
  level: TerritoryLevel;
  name: string;
  population: number | null;
  siren: string | null;
  /** Administrative parent ids, the first one primary (EPCI: one per département of its members). */
  parentIds: string[];
  /** For communes: the EPCI they belong to. */
  epciId: string | null;
}

export const territoryId = (level: TerritoryLevel, code: string) => `${level}:${code}`;
export const FRANCE_ID = territoryId(TerritoryLevel.COUNTRY, "FR");

const SUB_COMMUNE_LEVEL = {
  "commune-deleguee": TerritoryLevel.COMMUNE_DELEGUEE,
  "commune-associee": TerritoryLevel.COMMUNE_ASSOCIEE,
  "arrondissement-municipal": TerritoryLevel.ARRONDISSEMENT_MUNICIPAL,
} as const;

function read<T>(file: string): T[] {
  return JSON.parse(readFileSync(join(DATA_DIR, file), "utf8")) as T[];
}

/**
 * Every territory, largest first (so parents exist before children are linked).
 * `departements` limits communes and EPCI to those départements (tests load one or two).
 */
export function readGeography(options: { departements?: string[] } = {}): TerritoryRow[] {
  const keep = options.departements ? new Set(options.departements) : null;
  const regions = read<{ code: string; nom: string }>("regions.json");
  const departements = read<{ code: string; nom: string; region: string }>("departements.json");
  const communes = read<RawCommune>("communes.json").filter((c) => !keep || keep.has(c.departement ?? ""));
  const current = communes.filter((c) => c.type === "commune-actuelle");
  const departementOf = new Map(current.map((c) => [c.code, c.departement!]));

  const epcis = read<RawEpci>("epci.json").filter((e) => e.membres.some((m) => departementOf.has(m.code)));
  const epciOf = new Map<string, string>();
  for (const epci of epcis) for (const member of epci.membres) epciOf.set(member.code, epci.code);

  // Populations of régions and départements: the sum of their current communes.
  const populationOf = new Map<string, number>();
  const add = (id: string, n: number) => populationOf.set(id, (populationOf.get(id) ?? 0) + n);
  for (const c of current) {
    add(territoryId(TerritoryLevel.DEPARTEMENT, c.departement!), c.population ?? 0);
    add(territoryId(TerritoryLevel.REGION, c.region!), c.population ?? 0);
    add(FRANCE_ID, c.population ?? 0);
  }
  const summed = (id: string) => (keep ? null : (populationOf.get(id) ?? null));

  const rows: TerritoryRow[] = [
    { id: FRANCE_ID, code: "FR", level: TerritoryLevel.COUNTRY, name: "France", population: summed(FRANCE_ID), siren: null, parentIds: [], epciId: null },
  ];
  for (const r of regions) {
    const id = territoryId(TerritoryLevel.REGION, r.code);
    rows.push({ id, code: r.code, level: TerritoryLevel.REGION, name: r.nom, population: summed(id), siren: null, parentIds: [FRANCE_ID], epciId: null });
  }
  for (const d of departements) {
    const id = territoryId(TerritoryLevel.DEPARTEMENT, d.code);
    rows.push({
      id, code: d.code, level: TerritoryLevel.DEPARTEMENT, name: d.nom, population: summed(id), siren: null,
      parentIds: [territoryId(TerritoryLevel.REGION, d.region)], epciId: null,
    });
  }
  for (const e of epcis) {
    rows.push({
      id: territoryId(TerritoryLevel.EPCI, e.code), code: e.code, level: TerritoryLevel.EPCI, name: e.nom,
      population: e.populationMunicipale ?? null, siren: e.code, parentIds: departementsByWeight(e, departementOf), epciId: null,
    });
  }
  for (const c of current) {
    const epci = epciOf.get(c.code);
    rows.push({
      id: territoryId(TerritoryLevel.COMMUNE, c.code), code: c.code, level: TerritoryLevel.COMMUNE, name: c.nom,
      population: c.population ?? null, siren: c.siren ?? null,
      parentIds: [territoryId(TerritoryLevel.DEPARTEMENT, c.departement!)],
      epciId: epci ? territoryId(TerritoryLevel.EPCI, epci) : null,
    });
  }
  for (const c of communes) {
    if (c.type === "commune-actuelle") continue;
    const parent = c.type === "arrondissement-municipal" ? c.commune : c.chefLieu;
    rows.push({
      id: territoryId(SUB_COMMUNE_LEVEL[c.type], c.code), code: c.code, level: SUB_COMMUNE_LEVEL[c.type], name: c.nom,
      population: c.population ?? null, siren: c.siren ?? null,
      parentIds: parent ? [territoryId(TerritoryLevel.COMMUNE, parent)] : [], epciId: null,
    });
  }
  return rows;
}

/** The départements an EPCI's members lie in, the one holding most members first (its primary parent). */
function departementsByWeight(epci: RawEpci, departementOf: Map<string, string>): string[] {
  const counts = new Map<string, number>();
  for (const member of epci.membres) {
    const d = departementOf.get(member.code);
    if (d) counts.set(d, (counts.get(d) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([d]) => territoryId(TerritoryLevel.DEPARTEMENT, d));
}
