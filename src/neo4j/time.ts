/**
 * Cypher predicate: the node `x` (an alliance or a membership) was active on `$<param>`;
 * open-ended dates count as active. `given`: whether the date is given at all; when it is not,
 * the predicate is `true` (queries are specialised to the criteria given, never guarded).
 *
 *   WHERE ${ACTIVE_AT("al", "at", at != null)} AND ${ACTIVE_AT("m", "at", at != null)}
 */
export const ACTIVE_AT = (x: string, param: string, given: boolean) => ACTIVE_ON(x, `$${param}`, given);

/** ACTIVE_AT with any date expression (`$at`, `key.at`): for batched queries whose date is per key. */
export const ACTIVE_ON = (x: string, at: string, given: boolean) =>
  given ? `((${x}.startDate IS NULL OR ${x}.startDate <= ${at}) AND (${x}.endDate IS NULL OR ${x}.endDate >= ${at}))` : "true";
