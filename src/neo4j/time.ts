/**
 * Cypher predicate: the node `x` (an alliance or a membership) was active on `$<param>`,
 * a Neo4j date or null (null: no time filter). Open-ended dates count as active.
 *
 *   WHERE ${ACTIVE_AT("al")} AND ${ACTIVE_AT("m")}
 */
export const ACTIVE_AT = (x: string, param = "at", given?: boolean) => ACTIVE_ON(x, `$${param}`, given);

/**
 * ACTIVE_AT with any date expression (`$at`, `key.at`): for batched queries whose date is per key.
 * `given` (when the caller knows whether the date is null) drops the null guard, or the whole
 * predicate: hot queries are specialised that way, since a guard is evaluated on every row and
 * slows planning (bench/README.md, "emit only the criteria given").
 */
export const ACTIVE_ON = (x: string, at: string, given?: boolean) => {
  const active = `((${x}.startDate IS NULL OR ${x}.startDate <= ${at}) AND (${x}.endDate IS NULL OR ${x}.endDate >= ${at}))`;
  if (given === undefined) return `(${at} IS NULL OR ${active})`;
  return given ? active : "true";
};
