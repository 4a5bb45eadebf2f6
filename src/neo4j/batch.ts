import { Label } from "./graph-model";
import { NODE_PROPS } from "./projection";

/**
 * Builds the Cypher of a batch function: for each key `{ id, first? }` (by index `i`),
 * the nodes reached from `(n:<from> {<keyProperty>: key.id})` along `pattern`, ordered,
 * de-duplicated, at most `key.first`. One query answers a whole batch of keys.
 *
 *   relatedBatch({ from: Label.Alliance, pattern: `-[:${Rel.CONTRIBUTES_TO}]->(x:${Label.SDG})`, orderBy: "x.number" })
 *
 * `pattern` must end in a node named `x`; `project` is the map returned per node.
 * Rows come back as `{ i, value: [...] }` for `inKeyOrder`.
 */
export function relatedBatch(options: {
  from: Label;
  pattern: string;
  orderBy: string;
  keyProperty?: string;
  project?: string;
}): string {
  const { from, pattern, orderBy, keyProperty = "id", project = `x {${NODE_PROPS}}` } = options;
  return `UNWIND range(0, size($keys) - 1) AS i
WITH i, $keys[i] AS key
MATCH (n:${from} {${keyProperty}: key.id})${pattern}
WITH i, key, n, x ORDER BY ${orderBy}
WITH i, key, collect(DISTINCT ${project}) AS items
RETURN i, CASE WHEN key.first IS NULL THEN items ELSE items[0..key.first] END AS value`;
}

/** Cypher fetching nodes by id, one row `{ i, value }` per key found. */
export function byIdBatch(label: Label, keyProperty = "id", project = `x {${NODE_PROPS}}`): string {
  return `UNWIND range(0, size($keys) - 1) AS i
MATCH (x:${label} {${keyProperty}: $keys[i]})
RETURN i, ${project} AS value`;
}
