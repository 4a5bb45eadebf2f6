/**
 * Cypher predicate: the node `x` (an alliance or a membership) was active on `$<param>`,
 * a Neo4j date or null (null: no time filter). Open-ended dates count as active.
 *
 *   WHERE ${ACTIVE_AT("al")} AND ${ACTIVE_AT("m")}
 */
export const ACTIVE_AT = (x: string, param = "at") =>
  `($${param} IS NULL OR ((${x}.startDate IS NULL OR ${x}.startDate <= $${param}) AND (${x}.endDate IS NULL OR ${x}.endDate >= $${param})))`;

/** ACTIVE_AT with any date expression (`$at`, `key.at`): for batched queries whose date is per key. */
export const ACTIVE_ON = (x: string, at: string) =>
  `(${at} IS NULL OR ((${x}.startDate IS NULL OR ${x}.startDate <= ${at}) AND (${x}.endDate IS NULL OR ${x}.endDate >= ${at})))`;
