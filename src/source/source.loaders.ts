import { keyedLoader } from "../common/loader";
import { Label } from "../neo4j/graph-model";
import { SourceRepository } from "./source.repository";

/** Per-request loaders for sources and for the sources each kind of fact cites. */
export function createSourceLoaders(repo: SourceRepository) {
  const citedBy = (label: Parameters<SourceRepository["citedBy"]>[0]) =>
    keyedLoader((ids: readonly string[]) => repo.citedBy(label, ids));
  return {
    sourceById: keyedLoader((ids: readonly string[]) => repo.byIds(ids)),
    sourcesOfActor: citedBy(Label.Actor),
    sourcesOfAlliance: citedBy(Label.Alliance),
    sourcesOfMembership: citedBy(Label.Membership),
    sourcesOfOutcome: citedBy(Label.Outcome),
  };
}
