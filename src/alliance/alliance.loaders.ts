import { keyedLoader } from "../common/loader";
import { BatchPageKey } from "../neo4j/paging";
import { AllianceRepository } from "./alliance.repository";

/** Per-request loaders for alliances and their relationship fields: one query per field of a request. */
export function createAllianceLoaders(repo: AllianceRepository) {
  return {
    allianceById: keyedLoader((ids: readonly string[]) => repo.byIds(ids)),
    alliancesInTerritory: keyedLoader((keys: readonly BatchPageKey[]) => repo.inTerritories(keys)),
    allianceCountInTerritory: keyedLoader((keys: readonly object[]) => repo.countInTerritories(keys)),
    alliancesForSdg: keyedLoader((keys: readonly BatchPageKey[]) => repo.forSdgs(keys)),
    allianceCountForSdg: keyedLoader((keys: readonly object[]) => repo.countForSdgs(keys)),
    membersOfAlliance: keyedLoader((keys: readonly BatchPageKey[]) => repo.membersOf(keys)),
    memberCountOfAlliance: keyedLoader((keys: readonly object[]) => repo.countMembersOf(keys)),
    outcomesOfAlliance: keyedLoader((keys: readonly BatchPageKey[]) => repo.outcomesOf(keys)),
    outcomeCountOfAlliance: keyedLoader((keys: readonly object[]) => repo.countOutcomesOf(keys)),
    territoriesOfAlliance: keyedLoader((ids: readonly string[]) => repo.territoriesOf(ids)),
    sdgsOfAlliance: keyedLoader((ids: readonly string[]) => repo.sdgsOf(ids)),
  };
}
