import DataLoader from "dataloader";
import { keyedLoader } from "../common/loader";
import { SdgRepository } from "./sdg.repository";

/** Per-request loaders for SDGs. */
export function createSdgLoaders(repo: SdgRepository) {
  return {
    sdgByNumber: new DataLoader((numbers: readonly number[]) => repo.byNumbers(numbers)),
    targetsOf: new DataLoader((numbers: readonly number[]) => repo.targetsOf(numbers)),
    alliancesForSdg: keyedLoader((keys: readonly { id: number; first: number }[]) => repo.alliancesFor(keys)),
  };
}
