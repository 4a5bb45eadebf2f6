import { BadUserInputError, NotFoundError } from "../common/errors";
import { INPUT_ROW, toInputRow } from "../entity/input-row";
import { Executor } from "../neo4j/executor";
import { RESOLVED_ACTOR_ID } from "../neo4j/references";
import { Entity, SPECS } from "./entities";
import { checkRows, writeBatch } from "./importer";

export interface WriteOneOptions {
  /** The id of a stored row this write must update (NOT_FOUND when there is none). */
  existing?: string;
  /** Lay the given fields over the stored row (omitted keep it, null clears) instead of replacing it. */
  patch?: boolean;
}

// The stored row $id as its input has it (an actor's id may be a merged actor's: the kept actor's row).
const STORED_ROW = (entity: Entity) =>
  `MATCH (n:${SPECS[entity].label} {id: ${entity === "actors" ? RESOLVED_ACTOR_ID("$id") : "$id"}}) RETURN ${INPUT_ROW(SPECS[entity].input, "n")} AS row`;

/** "sourceIds.1" → "input.sourceIds[1]": a rejection's field as a mutation names it. */
const inputField = (field: string) => (field ? `input.${field.replace(/\.(\d+)/g, "[$1]")}` : "input");

/**
 * A mutation's write: the import of one row (same checks, same batched upsert), in one
 * write transaction, so a bad reference writes nothing. The first rejection is a
 * BAD_USER_INPUT naming `input.<field>`. Returns what `byId` (a by-id batch query: $keys →
 * i, value) gives for the written row, read in the same transaction.
 */
export async function writeOne<T>(
  executor: Executor,
  entity: Entity,
  data: Record<string, any>,
  byId: string,
  options: WriteOneOptions = {},
): Promise<T> {
  return executor.write(async (tx) => {
    const run = tx.run.bind(tx);
    await tx.history?.takeClock(); // before reading the stored row a patch is laid over: no other write can change it meanwhile
    let fields = data;
    if (options.existing !== undefined) {
      const [stored] = await run(STORED_ROW(entity), { id: options.existing });
      if (!stored) throw new NotFoundError(SPECS[entity].label, options.existing);
      const given = Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined));
      fields = options.patch ? { ...toInputRow(SPECS[entity].input, stored.row), ...given } : data;
    }
    const { accepted, rejected } = await checkRows(run, [{ entity, data: { ...fields }, origin: { file: "input" } }]);
    if (rejected.length > 0) throw new BadUserInputError(inputField(rejected[0].field), rejected[0].reason);
    await writeBatch(tx, entity, accepted, "MUTATION");
    const [written] = await run(byId, { keys: [accepted[0].key] });
    return written.value as T;
  });
}
