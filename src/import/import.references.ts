import { Label } from "../neo4j/graph-model";
import { RESOLVE_TERRITORY_REFS, RunQuery } from "../neo4j/references";
import { storedLinks } from "../entity/stored";
import { ENTITIES, Entity, SPECS } from "./entities";
import { reject, Rejection } from "./rows";
import { ValidRow } from "./import.validate";

/** A row whose references all resolve: territory references replaced by territory ids, per field. */
export interface ResolvedRow extends ValidRow {
  territoryIds: Record<string, string[]>;
}

type Target = "source" | "actor" | "alliance" | "territory" | "sdg";
interface Reference {
  field: string;
  target: Target;
  value: string | number;
}

const LABEL_OF: Record<"source" | "actor" | "alliance", Label> = { source: Label.Source, actor: Label.Actor, alliance: Label.Alliance };
const TARGET_ENTITY: Record<"source" | "actor" | "alliance", Entity> = { source: "sources", actor: "actors", alliance: "alliances" };

/** The kind of reference that names rows of `entity`, if any. */
const targetOf = (entity: Entity) => (Object.keys(TARGET_ENTITY) as (keyof typeof TARGET_ENTITY)[]).find((t) => TARGET_ENTITY[t] === entity);

const TARGET_OF: Partial<Record<Label, Target>> = {
  [Label.Source]: "source", [Label.Actor]: "actor", [Label.Alliance]: "alliance", [Label.Territory]: "territory", [Label.SDG]: "sdg",
};

/** Every reference a row makes (the keys of its links, storedLinks), with the field it is in ("sourceIds.1"). */
function referencesOf(entity: Entity, input: Record<string, any>): Reference[] {
  return storedLinks(SPECS[entity].input).flatMap((link): Reference[] => {
    const value = input[link.field];
    if (value == null || (link.when && !link.when(input))) return [];
    const target = TARGET_OF[link.target]!;
    return Array.isArray(value) ? value.map((item, i) => ({ field: `${link.field}.${i}`, target, value: item })) : [{ field: link.field, target, value }];
  });
}

/**
 * Checks every reference against the rows of the file that are being imported and against
 * the database. A dangling reference rejects its row, and so every row that refers to that
 * one (a membership of a rejected alliance): entities are checked in write order, and a
 * row only counts as present once it is accepted (or already stored).
 */
export async function checkReferences(
  run: RunQuery,
  rows: ValidRow[],
  rejectedEarlier: Rejection[] = [],
): Promise<{ accepted: ResolvedRow[]; rejected: Rejection[] }> {
  const refs = rows.map((row) => referencesOf(row.row.entity, row.input));
  const stored = await storedKeys(run, refs);
  const territories = await resolveTerritories(run, refs.flat().filter((r) => r.target === "territory").map((r) => String(r.value)));
  const inFile: Record<string, Set<string>> = { source: new Set(), actor: new Set(), alliance: new Set() };
  const rejectedKeys: Record<string, Set<string>> = { source: new Set(), actor: new Set(), alliance: new Set() };
  for (const r of rejectedEarlier) {
    const target = targetOf(r.entity);
    if (target) rejectedKeys[target].add(r.key);
  }
  const accepted: ResolvedRow[] = [];
  const rejected: Rejection[] = [];
  for (const entity of ENTITIES) {
    rows.forEach((row, index) => {
      if (row.row.entity !== entity) return;
      const territoryIds: Record<string, string[]> = {};
      const problems: { field: string; reason: string }[] = [];
      for (const ref of refs[index]) {
        const value = String(ref.value);
        if (ref.target === "territory") {
          const found = territories.get(value)!;
          if (typeof found === "string") problems.push({ field: ref.field, reason: found });
          else (territoryIds[ref.field.split(".")[0]] ??= []).push(found.id);
        } else if (ref.target === "sdg") {
          if (!stored.sdg.has(value)) problems.push({ field: ref.field, reason: `no SDG has number ${value} in the database (run \`maillage seed\`)` });
        } else if (!inFile[ref.target].has(value) && !stored[ref.target].has(value)) {
          const why = rejectedKeys[ref.target].has(value) ? "its row in this import was rejected and it is not" : "it is neither in this import nor";
          problems.push({ field: ref.field, reason: `no ${LABEL_OF[ref.target]} "${value}": ${why} in the database` });
        }
      }
      const target = targetOf(entity);
      if (problems.length > 0) {
        rejected.push(...problems.map((p) => reject(row.row, row.key, p.field, p.reason)));
        if (target) rejectedKeys[target].add(row.key);
        return;
      }
      if (target) inFile[target].add(row.key);
      accepted.push({ ...row, territoryIds });
    });
  }
  return { accepted, rejected };
}

// Which of $keys exist as nodes of a label (by id), or as SDG numbers.
const EXISTING = (label: Label, keyProperty = "id") =>
  `UNWIND $keys AS key MATCH (n:${label} {${keyProperty}: key}) RETURN collect(n.${keyProperty}) AS found`;

const CHUNK = 10_000;

/** The referenced sources, actors, alliances and SDGs that are already stored. */
async function storedKeys(run: RunQuery, refs: Reference[][]): Promise<Record<"source" | "actor" | "alliance" | "sdg", Set<string>>> {
  const wanted = { source: new Set<string>(), actor: new Set<string>(), alliance: new Set<string>(), sdg: new Set<number>() };
  for (const ref of refs.flat()) {
    if (ref.target === "sdg") wanted.sdg.add(Number(ref.value));
    else if (ref.target !== "territory") wanted[ref.target].add(String(ref.value));
  }
  const lookup = async (label: Label, keys: (string | number)[], keyProperty?: string) => {
    const found = new Set<string>();
    for (let i = 0; i < keys.length; i += CHUNK) {
      const [row] = await run(EXISTING(label, keyProperty), { keys: keys.slice(i, i + CHUNK) });
      for (const key of row.found as (string | number)[]) found.add(String(key)); // 17.0 → "17"
    }
    return found;
  };
  return {
    source: await lookup(Label.Source, [...wanted.source]),
    actor: await lookup(Label.Actor, [...wanted.actor]),
    alliance: await lookup(Label.Alliance, [...wanted.alliance]),
    sdg: await lookup(Label.SDG, [...wanted.sdg], "number"),
  };
}

/** Each distinct territory reference → its territory, or why it names none (or several). */
async function resolveTerritories(run: RunQuery, refs: string[]): Promise<Map<string, { id: string } | string>> {
  const distinct = [...new Set(refs)];
  const result = new Map<string, { id: string } | string>();
  for (let i = 0; i < distinct.length; i += CHUNK) {
    const rows = await run(RESOLVE_TERRITORY_REFS, { keys: distinct.slice(i, i + CHUNK) });
    for (const { ref, matches } of rows as { ref: string; matches: { id: string }[] }[]) {
      if (matches.length === 1) result.set(ref, matches[0]);
      else if (matches.length === 0) result.set(ref, `no territory has the code or id "${ref}"`);
      else result.set(ref, `"${ref}" names several territories (${matches.map((t) => t.id).join(", ")}); use one of these ids`);
    }
  }
  return result;
}
