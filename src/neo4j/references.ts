import { AmbiguousReferenceError, BadUserInputError, NotFoundError } from "../common/errors";
import { Label, Rel } from "./graph-model";
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

/** A territory as the lookup returns it: enough to name it among candidates. */
interface NamedTerritory {
  id: string;
  name?: string;
}

/** `territory "94" is ambiguous: did you mean DEPARTEMENT:94 (Val-de-Marne) or REGION:94 (Corse)?` */
export function ambiguityMessage(ref: string, matches: readonly NamedTerritory[]): string {
  const named = matches.map((t) => (t.name ? `${t.id} (${t.name})` : t.id));
  return `territory "${ref}" is ambiguous: did you mean ${named.slice(0, -1).join(", ")} or ${named[named.length - 1]}?`;
}

/** Why `matches` is not the one territory `ref` names (an unknown code, or a bare code of two levels: région 94, département 94), or null. */
export function territoryProblem(ref: string, matches: readonly NamedTerritory[]): string | null {
  if (matches.length === 0) return `no territory has the code or id "${ref}"`;
  if (matches.length > 1) return ambiguityMessage(ref, matches);
  return null;
}

/** BAD_USER_INPUT naming `field`, with the candidates in `extensions.candidates`. */
export function ambiguousTerritory(field: string, ref: string, matches: readonly NamedTerritory[]): AmbiguousReferenceError {
  const candidates = matches.map((t) => ({ id: t.id, name: t.name ?? t.id }));
  return new AmbiguousReferenceError(field, ambiguityMessage(ref, matches), candidates);
}

/** The one territory a reference names, or a BAD_USER_INPUT naming `field` (unknown; ambiguous, with the candidates). */
export function pickTerritory<T extends NamedTerritory>(ref: string, matches: T[], field: string): T {
  if (matches.length > 1) throw ambiguousTerritory(field, ref, matches);
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

/**
 * Cypher expression: the id of the actor the id expression `ref` names: `ref` itself, or, when it
 * is the id of an actor merged into another (mergeActors keeps it as an ActorAlias), the kept actor's.
 * Every lookup of an actor by a client's id goes through it, so a removed id still resolves.
 */
export const RESOLVED_ACTOR_ID = (ref: string) =>
  `coalesce(head(COLLECT { MATCH (:${Label.ActorAlias} {id: ${ref}})-[:${Rel.ALIAS_OF}]->(alias_kept:${Label.Actor}) RETURN alias_kept.id }), ${ref})`;

// For each of $keys that is an alias: the id of the actor it was merged into.
const ACTOR_ALIASES = `UNWIND $keys AS key
MATCH (:${Label.ActorAlias} {id: key})-[:${Rel.ALIAS_OF}]->(kept:${Label.Actor})
RETURN key, kept.id AS id`;

/** Which of `ids` are aliases of merged actors: alias → the kept actor's id (ids that are not aliases are absent). */
export async function actorAliases(run: RunQuery, ids: readonly string[]): Promise<Map<string, string>> {
  const keys = [...new Set(ids)];
  const rows = keys.length === 0 ? [] : await run(ACTOR_ALIASES, { keys });
  return new Map(rows.map((row) => [row.key as string, row.id as string]));
}

/** The NOT_FOUND for an actor id no actor has; when it is a merged actor's, it names the actor it became. */
export async function actorNotFound(run: RunQuery, id: string): Promise<NotFoundError> {
  return new NotFoundError("Actor", id, (await actorAliases(run, [id])).get(id));
}
