import { keyedLoader } from "../common/loader";
import { PageKey, TerritoryRepository } from "./territory.repository";

/** Per-request loaders for territories and what lies in them. */
export function createTerritoryLoaders(repo: TerritoryRepository) {
  return {
    territoryById: keyedLoader((ids: readonly string[]) => repo.byIds(ids)),
    /** "94028" / "REGION:11" → the territory; ambiguous or unknown → BAD_USER_INPUT on `territory`. */
    territoryByRef: keyedLoader((refs: readonly string[]) => repo.byRefs(refs)),
    parentOf: keyedLoader((ids: readonly string[]) => repo.parentsOf(ids)),
    childrenOf: keyedLoader((keys: readonly PageKey[]) => repo.childrenOf(keys)),
    alliancesIn: keyedLoader((keys: readonly PageKey[]) => repo.alliancesIn(keys)),
    actorsIn: keyedLoader((keys: readonly PageKey[]) => repo.actorsIn(keys)),
  };
}
