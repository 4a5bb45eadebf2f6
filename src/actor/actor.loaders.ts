import { keyedLoader } from "../common/loader";
import { ActorRepository } from "./actor.repository";

/** Per-request loaders for actors (their paged fields: actor.page.ts). */
export function createActorLoaders(repo: ActorRepository) {
  return {
    actorById: keyedLoader((ids: readonly string[]) => repo.byIds(ids)),
  };
}
