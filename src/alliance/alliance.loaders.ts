import { keyedLoader } from "../common/loader";
import { AllianceRepository } from "./alliance.repository";

/** Per-request loaders for alliances and their unpaged fields (paged ones: alliance.page.ts). */
export function createAllianceLoaders(repo: AllianceRepository) {
  return {
    allianceById: keyedLoader((ids: readonly string[]) => repo.byIds(ids)),
    territoriesOfAlliance: keyedLoader((ids: readonly string[]) => repo.territoriesOf(ids)),
    sdgsOfAlliance: keyedLoader((ids: readonly string[]) => repo.sdgsOf(ids)),
  };
}
