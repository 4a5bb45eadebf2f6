import { keyedLoader } from "../common/loader";
import { TerritoryRepository } from "./territory.repository";

/** Per-request loaders for territories (paged fields: territory.page.ts). */
export function createTerritoryLoaders(repo: TerritoryRepository) {
  return {
    territoryById: keyedLoader((ids: readonly string[]) => repo.byIds(ids)),
    /** "94028" / "REGION:11" → the territory; ambiguous or unknown → BAD_USER_INPUT on `territory`. */
    territoryByRef: keyedLoader((refs: readonly string[]) => repo.byRefs(refs)),
    parentOf: keyedLoader((ids: readonly string[]) => repo.parentsOf(ids)),
  };
}
