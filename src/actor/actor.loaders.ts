import { keyedLoader } from "../common/loader";
import { BatchPageKey } from "../neo4j/paging";
import { ActorRepository } from "./actor.repository";

/** Per-request loaders for actors and their relationship fields: one query per field of a request. */
export function createActorLoaders(repo: ActorRepository) {
  return {
    actorById: keyedLoader((ids: readonly string[]) => repo.byIds(ids)),
    membershipsOfActor: keyedLoader((keys: readonly BatchPageKey[]) => repo.membershipsOf(keys)),
    membershipCountOfActor: keyedLoader((keys: readonly object[]) => repo.countMembershipsOf(keys)),
    coConstructorsOf: keyedLoader((keys: readonly BatchPageKey[]) => repo.coConstructorsOf(keys)),
    coConstructorCountOf: keyedLoader((keys: readonly object[]) => repo.countCoConstructorsOf(keys)),
    impactOf: keyedLoader((keys: readonly BatchPageKey[]) => repo.impactOf(keys)),
    impactCountOf: keyedLoader((keys: readonly object[]) => repo.countImpactOf(keys)),
  };
}
