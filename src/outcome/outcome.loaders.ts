import DataLoader from "dataloader";
import { OutcomeRepository } from "./outcome.repository";

/** Per-request loaders for outcomes' relationship fields. */
export function createOutcomeLoaders(repo: OutcomeRepository) {
  return {
    outcomeById: new DataLoader((ids: readonly string[]) => repo.byIds(ids)),
    sdgsOfOutcome: new DataLoader((ids: readonly string[]) => repo.sdgsOf(ids)),
    beneficiaryTerritoriesOf: new DataLoader((ids: readonly string[]) => repo.beneficiaryTerritoriesOf(ids)),
    beneficiaryActorsOf: new DataLoader((ids: readonly string[]) => repo.beneficiaryActorsOf(ids)),
  };
}
