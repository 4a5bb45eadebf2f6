import { keyedLoader } from "../common/loader";
import { Label } from "../neo4j/graph-model";
import { MaturityKey, MaturityRepository } from "./maturity.repository";

/** Per-request loaders for maturity fields: one query per field of a request. */
export function createMaturityLoaders(repo: MaturityRepository) {
  return {
    assessmentById: keyedLoader((ids: readonly string[]) => repo.byIds(ids)),
    maturityOfActor: keyedLoader((keys: readonly MaturityKey[]) => repo.latestOf(Label.Actor, keys)),
    maturityOfTerritory: keyedLoader((keys: readonly MaturityKey[]) => repo.latestOf(Label.Territory, keys)),
    maturityHistoryOfActor: keyedLoader((ids: readonly string[]) => repo.historyOf(Label.Actor, ids)),
    maturityHistoryOfTerritory: keyedLoader((ids: readonly string[]) => repo.historyOf(Label.Territory, ids)),
    sourcesOfAssessment: keyedLoader((ids: readonly string[]) => repo.sourcesOf(ids)),
  };
}
