import { keyedLoader } from "../common/loader";
import { SdgRepository } from "./sdg.repository";

/** Per-request loaders for SDGs. */
export function createSdgLoaders(repo: SdgRepository) {
  return {
    sdgByNumber: keyedLoader((numbers: readonly number[]) => repo.byNumbers(numbers)),
    targetsOf: keyedLoader((numbers: readonly number[]) => repo.targetsOf(numbers)),
  };
}
