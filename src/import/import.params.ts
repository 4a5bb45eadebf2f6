import { nameKey } from "../common/text";
import { toNeo4jDate } from "../neo4j/props";
import { valueAt } from "../entity/stored";
import { Entity, SPECS } from "./entities";
import { ResolvedRow } from "./import.references";

/**
 * The map one row gives its UNWIND query (import.cypher.ts), derived from its input's
 * fields: `id`, `props` (every stored property, null when absent, so an upsert leaves no
 * stale field), and for each link the distinct keys it must point to (territory references
 * resolved to ids; a link whose `when` does not hold points nowhere).
 */
export function cypherRow(row: ResolvedRow): Record<string, unknown> {
  const spec = SPECS[row.row.entity];
  const input = row.input;
  const props: Record<string, unknown> = {};
  for (const { name, path, decl } of spec.properties) {
    const value = valueAt(input, path);
    props[name] = decl.kind.date ? toNeo4jDate(value) : (value ?? null);
  }
  if (spec.nameKey) props.nameKey = nameKey(input.name);
  const cypher: Record<string, unknown> = { id: row.key, props };
  for (const link of spec.links) {
    const value = input[link.field];
    const given = (link.when && !link.when(input)) || value == null ? [] : Array.isArray(value) ? value : [value];
    cypher[link.param] = distinct(link.target === "Territory" ? (row.territoryIds[link.field] ?? []) : given);
  }
  return cypher;
}

/** The properties of `entity`'s nodes an upsert sets: `props` of cypherRow, by name. */
export function propertyNames(entity: Entity): string[] {
  const spec = SPECS[entity];
  return [...spec.properties.map((p) => p.name), ...(spec.nameKey ? ["nameKey"] : [])];
}

const distinct = <T>(values: T[]): T[] => [...new Set(values)];
