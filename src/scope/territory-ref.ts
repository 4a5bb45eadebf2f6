import DataLoader from "dataloader";
import { ambiguousTerritory, MAX_TERRITORY_REF, pickTerritory } from "../neo4j/references";

/**
 * Territory references, resolved one way: "94028" (an INSEE code), "REGION:11" or
 * "DEPARTEMENT:94" (an id) name the territories whose id or code they are. The scope, the
 * export, writes and every resolver go through `territoriesNamed` (neo4j/references.ts);
 * within a request, through the `territoryByRef` loader, which batches and caches each
 * reference for the whole request (`actor { coConstructors(territory:) }` looks its
 * territory up once, prefetch included).
 */

interface Named {
  id: string;
  level: string;
  name?: string;
}

/** The per-request loader over `named` (territoriesNamed): each reference looked up once per request. */
export function territoryRefLoader<T extends Named>(named: (refs: readonly string[]) => Promise<T[][]>): DataLoader<string, T[]> {
  return new DataLoader(named, {
    cacheKeyFn: (ref) => (ref.length <= MAX_TERRITORY_REF ? ref : ""),
  });
}

/** Anything holding the loader: a request's context. */
export interface TerritoryRefs<T extends Named = Named> {
  loaders: { territoryByRef: DataLoader<string, T[]> };
}

/** The one territory `ref` names, or BAD_USER_INPUT naming `field` (unknown, or a code of several levels). */
export async function territoryOf<T extends Named>({ loaders }: TerritoryRefs<T>, ref: string, field = "territory"): Promise<T> {
  return pickTerritory(ref, await loaders.territoryByRef.load(ref), field);
}

/** A territory reference argument → its id, or null when not given. */
export async function territoryIdOf(ctx: TerritoryRefs, ref: string | null | undefined, field = "territory"): Promise<string | null> {
  return ref ? (await territoryOf(ctx, ref, field)).id : null;
}

/**
 * A territory looked up by code (`territory(code, level)`, `territoryProfile`): null when none
 * has it; a code several levels share is BAD_USER_INPUT naming `field` unless `level` picks one.
 */
export async function territoryByCode<T extends Named>(
  { loaders }: TerritoryRefs<T>,
  code: string,
  level: string | null,
  field = "code",
): Promise<T | null> {
  const matches = (await loaders.territoryByRef.load(code)).filter((t) => level === null || t.level === level);
  if (matches.length > 1) throw ambiguousTerritory(field, code, matches);
  return matches[0] ?? null;
}
