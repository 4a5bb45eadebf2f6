import { Label } from "../neo4j/graph-model";
import { RESOLVED_ACTOR_ID, RunQuery, territoriesNamed, territoryProblem } from "../neo4j/references";
import { Entity, keyOf, SPECS } from "./entities";
import { reject, Rejection } from "./rows";
import { ValidRow } from "./import.validate";

/** A row whose references all resolve: territory references replaced by territory ids, per field. */
export interface ResolvedRow extends ValidRow {
  territoryIds: Record<string, string[]>;
}

interface Reference {
  field: string;
  target: Label;
  /** The target's key property ("number" for SDGs). */
  keyProperty: string;
  value: string | number;
}

/** Labels of nodes an import may create and refer to in the same file. */
type RowLabel = Label.Source | Label.Actor | Label.Alliance;
const ROW_LABELS: readonly Label[] = [Label.Source, Label.Actor, Label.Alliance];

/** The label of `entity`'s rows when other rows may refer to them. */
const targetOf = (entity: Entity) => (ROW_LABELS.includes(SPECS[entity].label) ? (SPECS[entity].label as RowLabel) : undefined);

/** Every reference a row makes (the keys of its links, storedLinks), with the field it is in ("sourceIds.1"). */
function referencesOf(entity: Entity, input: Record<string, any>): Reference[] {
  return SPECS[entity].links.flatMap((link): Reference[] => {
    const value = input[link.field];
    if (value == null || (link.when && !link.when(input))) return [];
    const { target, keyProperty } = link;
    return Array.isArray(value)
      ? value.map((item, i) => ({ field: `${link.field}.${i}`, target, keyProperty, value: item }))
      : [{ field: link.field, target, keyProperty, value }];
  });
}

/**
 * Checks every reference against the rows of the file that are being imported and against
 * the database, one entity at a time in write order (so an import can write an entity while
 * it checks the next). A dangling reference rejects its row, and so every row that refers to
 * that one (a membership of a rejected alliance): a row only counts as present once it is
 * accepted (or already stored).
 */
export class ReferenceChecker {
  private readonly inFile = new Map(ROW_LABELS.map((label) => [label, new Set<string>()]));
  private readonly rejectedKeys = new Map(ROW_LABELS.map((label) => [label, new Set<string>()]));

  constructor(private readonly run: RunQuery) {}

  /** Rows rejected before this check (validation, identifiers): rows referring to them say so. */
  noteRejected(rejections: Rejection[]): void {
    for (const r of rejections) {
      const target = targetOf(r.entity);
      if (target) this.rejectedKeys.get(target)!.add(r.key);
    }
  }

  /** Checks the rows of `entity` (every earlier entity checked already). */
  async check(entity: Entity, rows: ValidRow[]): Promise<{ accepted: ResolvedRow[]; rejected: Rejection[] }> {
    const { inFile, rejectedKeys } = this;
    const refs = rows.map((row) => referencesOf(entity, row.input));
    const territories = await resolveTerritories(this.run, refs.flat().filter((r) => r.target === Label.Territory).map((r) => String(r.value)));
    // Only keys no earlier accepted row of the file gives are looked up (a fresh import's memberships need none).
    const stored = await storedKeys(this.run, refs.flat().filter((ref) => !inFile.get(ref.target)?.has(String(ref.value))));
    const accepted: ResolvedRow[] = [];
    const rejected: Rejection[] = [];
    rows.forEach((row, index) => {
      const territoryIds: Record<string, string[]> = {};
      const problems: { field: string; reason: string }[] = [];
      for (const ref of refs[index]) {
        const value = String(ref.value);
        if (ref.target === Label.Territory) {
          const found = territories.get(value)!;
          if (typeof found === "string") problems.push({ field: ref.field, reason: found });
          else (territoryIds[ref.field.split(".")[0]] ??= []).push(found.id);
        } else if (!ROW_LABELS.includes(ref.target)) {
          if (!stored.get(ref.target)?.has(value)) {
            problems.push({ field: ref.field, reason: `no ${ref.target} has ${ref.keyProperty} ${value} in the database (run \`maillage seed\`)` });
          }
        } else if (!inFile.get(ref.target)!.has(value) && !stored.get(ref.target)?.has(value)) {
          const why = rejectedKeys.get(ref.target)!.has(value) ? "its row in this import was rejected and it is not" : "it is neither in this import nor";
          problems.push({ field: ref.field, reason: `no ${ref.target} "${value}": ${why} in the database` });
        }
      }
      const target = targetOf(entity);
      if (problems.length > 0) {
        rejected.push(...problems.map((p) => reject(row.row, row.key, p.field, p.reason)));
        if (target) rejectedKeys.get(target)!.add(row.key);
        return;
      }
      const resolved = withAliasesResolved(entity, row, refs[index], stored.aliases);
      if (target) inFile.get(target)!.add(resolved.key);
      accepted.push({ ...resolved, territoryIds });
    });
    return { accepted, rejected };
  }
}

// Which of $keys exist as nodes of a label (by id), or as SDG numbers; an actor's id may be an alias (a merged actor's), listed with the kept id.
const EXISTING = (label: Label, keyProperty = "id") =>
  label === Label.Actor
    ? `UNWIND $keys AS key MATCH (n:${label} {id: ${RESOLVED_ACTOR_ID("key")}}) RETURN collect(key) AS found, collect(CASE WHEN n.id <> key THEN [key, n.id] END) AS aliases`
    : `UNWIND $keys AS key MATCH (n:${label} {${keyProperty}: key}) RETURN collect(n.${keyProperty}) AS found`;

const CHUNK = 10_000;

/** The referenced nodes (territories aside) that are already stored: their keys, by label; `aliases`: merged actors' ids → the kept ids. */
async function storedKeys(run: RunQuery, refs: Reference[]): Promise<Map<Label, Set<string>> & { aliases: Map<string, string> }> {
  const wanted = new Map<Label, { keyProperty: string; keys: Set<string | number> }>();
  for (const ref of refs) {
    if (ref.target === Label.Territory) continue;
    if (!wanted.has(ref.target)) wanted.set(ref.target, { keyProperty: ref.keyProperty, keys: new Set() });
    wanted.get(ref.target)!.keys.add(ref.value);
  }
  const found = Object.assign(new Map<Label, Set<string>>(), { aliases: new Map<string, string>() });
  for (const [label, { keyProperty, keys }] of wanted) {
    const list = [...keys];
    const present = new Set<string>();
    for (let i = 0; i < list.length; i += CHUNK) {
      const [row] = await run(EXISTING(label, keyProperty), { keys: list.slice(i, i + CHUNK) });
      for (const key of row.found as (string | number)[]) present.add(String(key)); // 17.0 → "17"
      for (const [alias, kept] of (row.aliases ?? []) as [string, string][]) found.aliases.set(alias, kept);
    }
    found.set(label, present);
  }
  return found;
}

/** Each distinct territory reference → its territory, or why it names none (or several). */
async function resolveTerritories(run: RunQuery, refs: string[]): Promise<Map<string, { id: string } | string>> {
  const distinct = [...new Set(refs)];
  const result = new Map<string, { id: string } | string>();
  for (let i = 0; i < distinct.length; i += CHUNK) {
    const chunk = distinct.slice(i, i + CHUNK);
    const named = await territoriesNamed(run, chunk);
    chunk.forEach((ref, n) => result.set(ref, territoryProblem(ref, named[n]) ?? named[n][0]));
  }
  return result;
}

/**
 * The row with each reference to a merged actor's id (an alias) replaced by the kept actor's id,
 * so the write links the kept actor; a membership's key follows its actor ("<alliance>/<kept>").
 */
function withAliasesResolved(entity: Entity, row: ValidRow, refs: Reference[], aliases: Map<string, string>): ValidRow {
  const aliased = refs.filter((ref) => ref.target === Label.Actor && aliases.has(String(ref.value)));
  if (aliased.length === 0) return row;
  const input: Record<string, any> = { ...row.input };
  for (const ref of aliased) {
    const [field, index] = ref.field.split(".");
    const kept = aliases.get(String(ref.value))!;
    if (index === undefined) input[field] = kept;
    else input[field] = (input[field] as unknown[]).map((value, i) => (i === Number(index) ? kept : value));
  }
  return { ...row, input, key: keyOf(entity, input) };
}
