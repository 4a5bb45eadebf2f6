import { BadUserInputError } from "../common/errors";
import { Label } from "./graph-model";
import { Row } from "./executor";
import { NODE_PROPS } from "./projection";

/** Anything that runs a query and returns plain rows: `executor.read` or a write transaction's `run`. */
export type RunQuery = (cypher: string, params?: Record<string, unknown>) => Promise<Row[]>;

// For each reference (by index i), the territories it names: an exact id, or every territory with that code.
export const RESOLVE_TERRITORY_REFS = `
UNWIND range(0, size($keys) - 1) AS i
WITH i, $keys[i] AS ref
OPTIONAL MATCH (t:${Label.Territory}) WHERE t.id = ref OR t.code = ref
WITH i, ref, t ORDER BY t.id
RETURN i, ref, collect(t {${NODE_PROPS}}) AS matches ORDER BY i`;

/**
 * The one territory a reference names. An unknown code, or a bare code that names two
 * territories (région 11 and département 11), is a BAD_USER_INPUT naming `field`.
 */
export function pickTerritory<T extends { id: string }>(ref: string, matches: T[], field: string): T {
  if (matches.length === 0) throw new BadUserInputError(field, `no territory has the code or id "${ref}"`);
  if (matches.length > 1) {
    const ids = matches.map((t) => t.id).join(", ");
    throw new BadUserInputError(field, `"${ref}" names several territories (${ids}); use one of these ids`);
  }
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

/** Turns territory references ("94028" or "COMMUNE:94028") into territory ids, or throws naming `field[i]`. */
export async function resolveTerritoryRefs(run: RunQuery, refs: readonly string[], field: string): Promise<string[]> {
  const named = await territoriesNamed(run, refs);
  const single = refs.length === 1 && !field.endsWith("s");
  return named.map((matches, i) => pickTerritory(refs[i], matches, single ? field : `${field}[${i}]`).id);
}

// The references that name no node.
const MISSING = (label: Label, keyProperty: string) => `
UNWIND range(0, size($keys) - 1) AS i
WITH i, $keys[i] AS key
WHERE NOT EXISTS { MATCH (:${label} {${keyProperty}: key}) }
RETURN i, key ORDER BY i LIMIT 1`;

/** Throws BAD_USER_INPUT naming `field` (or `field[i]` for lists) when a referenced node does not exist. */
export async function requireExisting(
  run: RunQuery,
  label: Label,
  keys: readonly (string | number)[],
  field: string,
  keyProperty = "id",
): Promise<void> {
  if (keys.length === 0) return;
  const [missing] = await run(MISSING(label, keyProperty), { keys });
  if (missing) {
    const where = Array.isArray(keys) && field.endsWith("Id") ? field : `${field}[${missing.i}]`;
    throw new BadUserInputError(where, `no ${label} has ${keyProperty} "${missing.key}"`);
  }
}
