import { BadUserInputError } from "../common/errors";
import { Label } from "./graph-model";
import { Row } from "./executor";
import { NODE_PROPS } from "./projection";

/** Anything that runs a query and returns plain rows: `executor.read` or a write transaction's `run`. */
export type RunQuery = (cypher: string, params?: Record<string, unknown>) => Promise<Row[]>;

// For each reference (by index i), the territories it names: an exact id, or every territory with that code.
const RESOLVE_TERRITORY_REFS = `
UNWIND range(0, size($keys) - 1) AS i
WITH i, $keys[i] AS ref
OPTIONAL MATCH (t:${Label.Territory}) WHERE t.id = ref OR t.code = ref
WITH i, ref, t ORDER BY t.id
RETURN i, ref, collect(t {${NODE_PROPS}}) AS matches ORDER BY i`;

/** Why `matches` is not the one territory `ref` names (an unknown code, or a bare code of two levels: région 11, département 11), or null. */
export function territoryProblem(ref: string, matches: readonly { id: string }[]): string | null {
  if (matches.length === 0) return `no territory has the code or id "${ref}"`;
  if (matches.length > 1) return `"${ref}" names several territories (${matches.map((t) => t.id).join(", ")}); use one of these ids`;
  return null;
}

/** The one territory a reference names, or a BAD_USER_INPUT naming `field` (see territoryProblem). */
export function pickTerritory<T extends { id: string }>(ref: string, matches: T[], field: string): T {
  const problem = territoryProblem(ref, matches);
  if (problem) throw new BadUserInputError(field, problem);
  return matches[0];
}

/** No territory id or code is longer; a longer reference names nothing and is never sent. */
export const MAX_TERRITORY_REF = 40;

/**
 * The one territory lookup (scope/territory-ref.ts caches it per request): for each reference
 * ("94028", "REGION:11"), every territory it names (none, one, or several levels sharing a code), in one query.
 */
export async function territoriesNamed<T extends { id: string }>(run: RunQuery, refs: readonly string[]): Promise<T[][]> {
  const sent = [...new Set(refs.filter((ref) => ref.length <= MAX_TERRITORY_REF))];
  const rows = sent.length === 0 ? [] : await run(RESOLVE_TERRITORY_REFS, { keys: sent });
  const found = new Map(rows.map((row) => [row.ref as string, row.matches as T[]]));
  return refs.map((ref) => found.get(ref) ?? []);
}
