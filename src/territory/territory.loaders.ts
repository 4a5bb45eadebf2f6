import { keyedLoader } from "../common/loader";
import { territoryRefLoader } from "../scope/territory-ref";
import { TerritoryRepository } from "./territory.repository";

/** Per-request loaders for territories (paged fields: territory.page.ts). */
export function createTerritoryLoaders(repo: TerritoryRepository) {
  return {
    territoryById: keyedLoader((ids: readonly string[]) => repo.byIds(ids)),
    /** "94028" / "REGION:11" → the territories it names, once per request (see scope/territory-ref.ts). */
    territoryByRef: territoryRefLoader((refs) => repo.byRefs(refs)),
    parentOf: keyedLoader((ids: readonly string[]) => repo.parentsOf(ids)),
  };
}
