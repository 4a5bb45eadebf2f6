import { quoted } from "../common/validators";
import { Label } from "../neo4j/graph-model";
import { actorAliases, RunQuery } from "../neo4j/references";
import { ValidRow } from "./import.validate";
import { reject, Rejection } from "./rows";

/** Actor properties the database keeps unique (cypher/001_constraints.cypher). */
const UNIQUE_FIELDS = ["siren", "rna"] as const;

// For each {id, value}: the other actor that already holds the value of `field` (a constant), if any.
const TAKEN = (field: (typeof UNIQUE_FIELDS)[number]) => `UNWIND $keys AS key
MATCH (other:${Label.Actor} {${field}: key.value}) WHERE other.id <> key.id
RETURN key.id AS id, other.id AS otherId`;

/**
 * Rejects actor rows whose SIREN or RNA another actor uses — an earlier row of the import
 * or a stored actor with another id — instead of letting the constraint fail a whole batch,
 * and rows whose id is a merged actor's (an alias).
 */
export async function checkUniqueIdentifiers(run: RunQuery, rows: ValidRow[]): Promise<{ valid: ValidRow[]; rejected: Rejection[] }> {
  const actors = rows.filter((row) => row.row.entity === "actors");
  const keys = actors.flatMap((row) =>
    UNIQUE_FIELDS.filter((field) => row.input[field] != null).map((field) => ({ id: row.key, field, value: row.input[field] })),
  );
  const problems = new Map<ValidRow, Rejection[]>();
  const add = (row: ValidRow, field: string, reason: string) =>
    problems.set(row, [...(problems.get(row) ?? []), reject(row.row, row.key, field, reason)]);

  const firstHolder = new Map<string, ValidRow>();
  for (const row of actors) {
    for (const field of UNIQUE_FIELDS) {
      const value = row.input[field];
      if (value == null) continue;
      const holder = firstHolder.get(`${field}:${value}`);
      if (holder) add(row, field, `${quoted(value)} is already the ${field} of actor "${holder.key}" in this import`);
      else firstHolder.set(`${field}:${value}`, row);
    }
  }
  const byId = new Map(actors.map((row) => [row.key, row]));
  for (const field of UNIQUE_FIELDS) {
    const fieldKeys = keys.filter((key) => key.field === field);
    for (let i = 0; i < fieldKeys.length; i += 10_000) {
      for (const taken of await run(TAKEN(field), { keys: fieldKeys.slice(i, i + 10_000) })) {
        const row = byId.get(taken.id)!;
        add(row, field, `${quoted(row.input[field])} is already the ${field} of stored actor "${taken.otherId}"`);
      }
    }
  }
  // An alias resolves to the actor it was merged into: an actor given that id would never be found by it.
  for (const [alias, kept] of await actorAliases(run, actors.map((row) => row.key))) {
    const row = byId.get(alias)!;
    add(row, "id", `${quoted(alias)} is the id of an actor merged into "${kept}"; write to "${kept}" or choose another id`);
  }
  return { valid: rows.filter((row) => !problems.has(row)), rejected: [...problems.values()].flat() };
}
