import { keyedLoader } from "../common/loader";
import { BatchPageKey } from "../neo4j/paging";
import { ProvenanceRepository } from "./provenance.repository";

/** Per-request loaders for Source.supports and its counts: one query per field of a request. */
export function createProvenanceLoaders(repo: ProvenanceRepository) {
  return {
    supportsOf: keyedLoader((keys: readonly BatchPageKey[]) => repo.supportsOf(keys)),
    /** Keys {id, kinds}: serves both `supportCount` (kinds null) and `supports.totalCount`. */
    supportCountOf: keyedLoader((keys: readonly object[]) => repo.countSupportsOf(keys)),
  };
}
