import { keyedLoader } from "../common/loader";
import { AllianceRepository, PageKey } from "./alliance.repository";

/** Per-request loaders for alliances and their relationship fields. */
export function createAllianceLoaders(repo: AllianceRepository) {
  return {
    allianceById: keyedLoader((ids: readonly string[]) => repo.byIds(ids)),
    membersOfAlliance: keyedLoader((keys: readonly PageKey[]) => repo.membersOf(keys)),
    territoriesOfAlliance: keyedLoader((ids: readonly string[]) => repo.territoriesOf(ids)),
    sdgsOfAlliance: keyedLoader((ids: readonly string[]) => repo.sdgsOf(ids)),
    outcomesOfAlliance: keyedLoader((keys: readonly PageKey[]) => repo.outcomesOf(keys)),
  };
}
