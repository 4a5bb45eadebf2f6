import { keyedLoader } from "../common/loader";
import { BatchPageKey } from "../neo4j/paging";
import { territoryRefLoader } from "../scope/territory-ref";
import { TerritoryRepository } from "./territory.repository";

/** Per-request loaders for territories and what lies in them. */
export function createTerritoryLoaders(repo: TerritoryRepository) {
  return {
    territoryById: keyedLoader((ids: readonly string[]) => repo.byIds(ids)),
    /** "94028" / "REGION:11" → the territories it names, once per request (see scope/territory-ref.ts). */
    territoryByRef: territoryRefLoader((refs) => repo.byRefs(refs)),
    parentOf: keyedLoader((ids: readonly string[]) => repo.parentsOf(ids)),
    childrenOf: keyedLoader((keys: readonly BatchPageKey[]) => repo.childrenOf(keys)),
    childCountOf: keyedLoader((keys: readonly object[]) => repo.countChildrenOf(keys)),
    actorsIn: keyedLoader((keys: readonly BatchPageKey[]) => repo.actorsIn(keys)),
    actorCountIn: keyedLoader((keys: readonly object[]) => repo.countActorsIn(keys)),
  };
}
