import neo4j from "neo4j-driver";

/** "2022-03-10" → a Neo4j `date`, so Cypher compares and filters real dates. */
export function toNeo4jDate(value: string | null | undefined) {
  if (value == null) return null;
  const [year, month, day] = value.split("-").map(Number);
  return new neo4j.types.Date(year, month, day);
}

/**
 * The property map a write sets with `SET n += $props`.
 * - "replace" (create/upsert): every listed key is set; absent values become null,
 *   which removes the property, so an upsert leaves no stale field behind.
 * - "patch" (update): only keys present in the input; null clears, undefined keeps.
 * Keys listed in `dates` are converted to Neo4j dates.
 */
export function propsOf<T extends object>(
  input: T,
  keys: readonly (keyof T & string)[],
  mode: "replace" | "patch",
  dates: readonly (keyof T & string)[] = [],
): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  for (const key of keys) {
    const value = input[key] as unknown;
    if (value === undefined && mode === "patch") continue;
    props[key] = dates.includes(key) ? toNeo4jDate(value as string | null | undefined) : (value ?? null);
  }
  return props;
}
