import { keyedLoader } from "../common/loader";
import { OutcomeRepository } from "./outcome.repository";

/** Per-request loaders for outcomes' relationship fields. */
export function createOutcomeLoaders(repo: OutcomeRepository) {
  return {
    outcomeById: keyedLoader((ids: readonly string[]) => repo.byIds(ids)),
    sdgsOfOutcome: keyedLoader((ids: readonly string[]) => repo.sdgsOf(ids)),
    beneficiaryTerritoriesOf: keyedLoader((ids: readonly string[]) => repo.beneficiaryTerritoriesOf(ids)),
    beneficiaryActorsOf: keyedLoader((ids: readonly string[]) => repo.beneficiaryActorsOf(ids)),
  };
}
