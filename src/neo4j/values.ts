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
  if (isInt(value)) return value.toNumber();
  if (isDate(value) || isDateTime(value) || isLocalDateTime(value) || isTime(value) || isLocalTime(value) || isDuration(value)) {
    return value.toString();
  }
  if (isNode(value) || isRelationship(value)) return toPlain(value.properties);
  if (Array.isArray(value)) return value.map(toPlain);
  if (typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value as Record<string, unknown>)) out[key] = toPlain(inner);
    return out;
  }
  return value;
}
