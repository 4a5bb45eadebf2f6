/**
 * A generated graph that shares the test database with the fixtures, so every test proves it
 * passes whatever else the database holds (MAILLAGE_TEST_BACKGROUND_ACTORS actors, imported by
 * background-import.ts). Its ids start with BACKGROUND_PREFIX; no test may delete it or assume
 * it is absent. This file stays light: global-setup.ts reads it in Jest's own process.
 */
export const BACKGROUND_PREFIX = "bg-";
export const BACKGROUND_SEED = "maillage-tests";
/** On by default: importing it costs about 25 s once per test store (measured on 2 busy cores), then a count. */
export const DEFAULT_BACKGROUND_ACTORS = 3000;

/** Actors to generate: MAILLAGE_TEST_BACKGROUND_ACTORS, DEFAULT_BACKGROUND_ACTORS when unset, none when 0. */
export function backgroundActors(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.MAILLAGE_TEST_BACKGROUND_ACTORS?.trim();
  if (!raw) return DEFAULT_BACKGROUND_ACTORS;
  if (raw === "0") return 0;
  const actors = Number(raw);
  if (!Number.isInteger(actors) || actors < 2) {
    throw new Error(`MAILLAGE_TEST_BACKGROUND_ACTORS must be 0 or an integer of at least 2; got "${raw}"`);
  }
  return actors;
}
