import { toInputRow } from "../entity/input-row";
import { Entity, SPECS } from "../import/entities";
import type { Caller } from "../neo4j/caller";
import type { Label } from "../neo4j/graph-model";
import { APPEND_CHANGES, AROUND, ENTITY_OF_LABEL, ROWS_OF, TAKE_CLOCK, VERSIONED_LABELS } from "./change-log.cypher";

/** Runs one statement of the write's transaction (WriteTx.run; not imported from the executor, which imports this). */
type RunQuery = (cypher: string, params?: Record<string, unknown>) => Promise<Record<string, any>[]>;

/** How a change was made: the channel the write came through (who made it is the caller). */
export type ChangeHow = "MUTATION" | "IMPORT" | "SEED" | "MERGE" | "DELETE" | "CLI" | "SCRIPT" | "MIGRATION" | "RESTORE";
export type ChangeOp = "CREATED" | "UPDATED" | "DELETED";


/** Who made a change, as the log writes it: "api-key:<name>", "import:<files>"… */
export const whoOf = (caller: Caller): string => `${caller.kind}:${caller.id}`;

/** An entity's stored rows, by id: the JSON export's row of each (toInputRow), as canonical text. */
export type Rows = Map<string, string>;

/** Nodes a delete or merge starts from. */
export interface Root {
  label: Label;
  ids: readonly string[];
}

/** One entity's rows before and after a write. */
export interface Capture {
  entity: Entity;
  before: Rows;
  after: Rows;
}

/**
 * The history of one write transaction. It takes the clock (once, before the first read of what
 * the write changes), then appends one Change per entity whose row differs after the write: its
 * rows before and after (null: created, deleted) and the fields that differ. Everything is written
 * by the write's own transaction, so a change is logged if and only if it commits.
 *
 * Usage (inside Executor.write):
 *   const before = await tx.history?.rows("actors", ids);
 *   … the write …
 *   await tx.history?.record([{ entity: "actors", before, after: await tx.history.rows("actors", ids) }], "MUTATION");
 */
export class ChangeRecorder {
  private clock: Promise<unknown> | undefined;
  private n = 0;

  constructor(
    private readonly run: RunQuery,
    private readonly caller: Caller,
  ) {}

  /** Takes the history clock (first call only): later writes wait until this transaction ends. */
  takeClock(): Promise<unknown> {
    this.clock ??= this.run(TAKE_CLOCK);
    return this.clock;
  }

  /** The stored rows of `entity`'s nodes `ids` (those that exist), read after taking the clock. */
  async rows(entity: Entity, ids: readonly string[]): Promise<Rows> {
    await this.takeClock();
    if (ids.length === 0) return new Map();
    const found = await this.run(ROWS_OF(entity), { ids });
    return new Map(found.map((row) => [row.id as string, JSON.stringify(toInputRow(SPECS[entity].input, row.row))]));
  }

  /** The rows of the versioned nodes a delete or merge of `label` nodes `ids` may change (AROUND), by entity. */
  async rowsAround(label: Label, ids: readonly string[]): Promise<Map<Entity, Rows>> {
    await this.takeClock();
    const refs = await this.run(AROUND(label), { ids, versioned: VERSIONED_LABELS });
    const byEntity = new Map<Entity, string[]>();
    for (const { label: found, id } of refs) {
      const entity = ENTITY_OF_LABEL.get(found)!;
      byEntity.set(entity, [...(byEntity.get(entity) ?? []), id]);
    }
    const rows = new Map<Entity, Rows>();
    for (const [entity, entityIds] of byEntity) rows.set(entity, await this.rows(entity, entityIds));
    return rows;
  }

  /**
   * Runs `work` (a delete or a merge of the `roots`) and logs what it changed: the rows AROUND the
   * roots before, against the same rows and those AROUND `afterRoots` (e.g. the kept actor) after.
   */
  async around<T>(roots: Root[], work: () => Promise<T>, how: ChangeHow, afterRoots: Root[] = roots): Promise<T> {
    const before = await this.rowsAroundAll(roots);
    const result = await work();
    const after = await this.rowsAroundAll(afterRoots);
    const captures: Capture[] = [];
    for (const entity of new Set([...before.keys(), ...after.keys()])) {
      const was = before.get(entity) ?? new Map<string, string>();
      const missing = [...was.keys()].filter((id) => !after.get(entity)?.has(id));
      const is = new Map([...(after.get(entity) ?? []), ...(await this.rows(entity, missing))]);
      captures.push({ entity, before: was, after: is });
    }
    await this.record(captures, how);
    return result;
  }

  private async rowsAroundAll(roots: Root[]): Promise<Map<Entity, Rows>> {
    const all = new Map<Entity, Rows>();
    for (const { label, ids } of roots) {
      for (const [entity, rows] of await this.rowsAround(label, ids)) all.set(entity, new Map([...(all.get(entity) ?? []), ...rows]));
    }
    return all;
  }

  /**
   * Appends a Change for each id whose row differs between `before` and `after` (absent before:
   * created; absent after: deleted). Equal rows log nothing.
   */
  async record(captures: Capture[], how: ChangeHow): Promise<number> {
    const changes = captures.flatMap(({ entity, before, after }) =>
      [...new Set([...before.keys(), ...after.keys()])].sort().flatMap((id) => {
        const was = before.get(id) ?? null;
        const is = after.get(id) ?? null;
        if (was === is) return [];
        const op: ChangeOp = was === null ? "CREATED" : is === null ? "DELETED" : "UPDATED";
        return [{ n: 0, how, op, entity: SPECS[entity].label, entityId: id, before: was, after: is, fields: changedFields(was, is) }];
      }),
    );
    if (changes.length === 0) return 0;
    for (const change of changes) change.n = this.n++;
    await this.takeClock();
    await this.run(APPEND_CHANGES, { changes, who: whoOf(this.caller), whoSha256: this.caller.sha256 ?? null });
    return changes.length;
  }
}

/** The fields whose values differ between two rows (a created or deleted row: every field it has), sorted. */
export function changedFields(before: string | null, after: string | null): string[] {
  const was: Record<string, unknown> = before === null ? {} : JSON.parse(before);
  const is: Record<string, unknown> = after === null ? {} : JSON.parse(after);
  return [...new Set([...Object.keys(was), ...Object.keys(is)])]
    .filter((field) => JSON.stringify(was[field] ?? null) !== JSON.stringify(is[field] ?? null))
    .sort();
}
