import { keyedLoader } from "../common/loader";
import { BatchPageKey } from "../neo4j/paging";
import { TerritoryRepository } from "./territory.repository";

/** Per-request loaders for territories and what lies in them. */
export function createTerritoryLoaders(repo: TerritoryRepository) {
  return {
    territoryById: keyedLoader((ids: readonly string[]) => repo.byIds(ids)),
    /** "94028" / "REGION:11" → the territory; ambiguous or unknown → BAD_USER_INPUT on `territory`. */
    territoryByRef: keyedLoader((refs: readonly string[]) => repo.byRefs(refs)),
    parentOf: keyedLoader((ids: readonly string[]) => repo.parentsOf(ids)),
    childrenOf: keyedLoader((keys: readonly BatchPageKey[]) => repo.childrenOf(keys)),
    childCountOf: keyedLoader((keys: readonly object[]) => repo.countChildrenOf(keys)),
    actorsIn: keyedLoader((keys: readonly BatchPageKey[]) => repo.actorsIn(keys)),
    actorCountIn: keyedLoader((keys: readonly object[]) => repo.countActorsIn(keys)),
  };
}
