/**
 * The graph generation: a number that changes after every successful write, so cached
 * analytics (keyed by it) are never served for a graph that has since changed.
 * createContext registers `bumpGraphGeneration` as the root executor's commit listener.
 *
 * Usage: `const key = JSON.stringify({ generation: graphGeneration(), scope })`
 */
let generation = 0;

export function graphGeneration(): number {
  return generation;
}

/** Marks every analytics result computed so far as stale (in this process). */
export function bumpGraphGeneration(): void {
  generation++;
}
