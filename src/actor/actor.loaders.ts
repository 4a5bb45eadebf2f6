import { keyedLoader } from "../common/loader";
import { ActorRepository, CoConstructorKey, PageKey } from "./actor.repository";

/** Per-request loaders for actors and their relationship fields: one query per batch. */
export function createActorLoaders(repo: ActorRepository) {
  return {
    actorById: keyedLoader((ids: readonly string[]) => repo.byIds(ids)),
    membershipsOfActor: keyedLoader((keys: readonly PageKey[]) => repo.membershipsOf(keys)),
    coConstructorsOf: keyedLoader((keys: readonly CoConstructorKey[]) => repo.coConstructorsOf(keys)),
    impactOf: keyedLoader((keys: readonly PageKey[]) => repo.impactOf(keys)),
  };
}
