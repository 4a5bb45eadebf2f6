import { BadUserInputError } from "../common/errors";
import { Executor, Row } from "../neo4j/executor";
import { Label } from "../neo4j/graph-model";
import { RunQuery } from "../neo4j/references";
import { storedProperties } from "../entity/stored";
import { ActorInput } from "../actor/actor.input";
import { MembershipInput, membershipId } from "../membership/membership.input";
import { MergeConflict, MovedRelationships } from "./merge.type";
import * as Q from "./merge.cypher";

/** What a merge did, as mergeActors answers it (less the kept actor) and its alias keeps it for replays. */
export interface MergeReport {
  keptId: string;
  removedId: string;
  membershipsMoved: number;
  membershipsMerged: number;
  relationships: MovedRelationships[];
  filled: string[];
  conflicts: MergeConflict[];
}

/** The properties a merge fills and compares, as the inputs declare them (identifiers added there are covered). */
const ACTOR_PROPERTIES = storedProperties(ActorInput).map((stored) => stored.name);
const MEMBERSHIP_PROPERTIES = storedProperties(MembershipInput).map((stored) => stored.name);

/** `into`'s absent properties that `from` has (filled), and those both have with different values (conflicts, named by `prefix`). */
function compare(into: Row, from: Row, properties: string[], prefix = ""): { filled: string[]; conflicts: MergeConflict[] } {
  const filled: string[] = [];
  const conflicts: MergeConflict[] = [];
  for (const p of properties) {
    if (from[p] == null) continue;
    if (into[p] == null) filled.push(`${prefix}${p}`);
    else if (String(into[p]) !== String(from[p])) conflicts.push({ field: `${prefix}${p}`, kept: String(into[p]), removed: String(from[p]) });
  }
  return { filled, conflicts };
}

/**
 * Checks who `keep` and `remove` are: null when both are actors (merge them), the stored report
 * when `remove` is already an alias of `keep` (a replay), else a BAD_USER_INPUT naming the field.
 */
async function checkParties(run: RunQuery, keep: string, remove: string): Promise<MergeReport | null> {
  if (keep === remove) throw new BadUserInputError("remove", `"${remove}" is the kept actor itself; give two different actors`);
  const rows = await run(Q.MERGE_PARTIES, { keep, remove });
  const [k, r] = [keep, remove].map((ref) => rows.find((row) => row.ref === ref)!);
  if (!k.actor) {
    throw new BadUserInputError("keep", k.alias ? `"${keep}" is the id of an actor merged into "${k.alias.kept}": keep "${k.alias.kept}"` : `no actor has the id "${keep}"`);
  }
  if (r.actor) return null;
  if (r.alias?.kept === keep) return JSON.parse(r.alias.report) as MergeReport;
  throw new BadUserInputError("remove", r.alias ? `"${remove}" was already merged into "${r.alias.kept}"` : `no actor has the id "${remove}"`);
}

/** Merges duplicate actors: the only code that runs the merge's Cypher. */
export class MergeRepository {
  constructor(private readonly executor: Executor) {}

  /**
   * Merges actor `remove` into `keep` in one write transaction (a failure writes nothing):
   * memberships re-keyed to keep or merged into keep's of the same alliance, every other
   * relationship moved without duplicates, keep's absent properties filled, `remove` deleted and
   * kept as an alias of `keep`. A replay (remove already an alias of keep) answers the same report
   * and opens no write transaction.
   */
  async merge(keep: string, remove: string): Promise<MergeReport> {
    const replay = await checkParties(this.executor.read.bind(this.executor), keep, remove);
    if (replay) return replay;
    return this.executor.write(async (tx) => {
      const run: RunQuery = tx.run.bind(tx);
      await tx.history?.takeClock(); // before the checks, so no other write changes the parties meanwhile
      const again = await checkParties(run, keep, remove); // the same, inside the transaction that writes
      if (again) return again;
      const merging = () => this.mergeIn(run, keep, remove);
      // Logged: the removed actor deleted, memberships re-keyed (removed and created), keep and its neighbours changed.
      return tx.history ? tx.history.around([{ label: Label.Actor, ids: [keep, remove] }], merging, "MERGE", [{ label: Label.Actor, ids: [keep] }]) : merging();
    });
  }

  private async mergeIn(run: RunQuery, keep: string, remove: string): Promise<MergeReport> {
    const [state] = await run(Q.MERGE_STATE, { keep, remove });
    const actor = compare(state.keep, state.remove, ACTOR_PROPERTIES);
    const filled = [...actor.filled];
    const conflicts = [...actor.conflicts];
    if (state.removeBase != null && state.keepBase == null) filled.push("basedIn");
    if (state.removeBase != null && state.keepBase != null && state.keepBase !== state.removeBase) {
      conflicts.push({ field: "basedIn", kept: state.keepBase, removed: state.removeBase });
    }
    type Found = { id: string; allianceId: string; props: Row; kept: Row | null };
    const memberships = (state.memberships as Found[]).sort((x, y) => (x.allianceId < y.allianceId ? -1 : 1));
    const moves = memberships.filter((m) => !m.kept).map((m) => ({ from: m.id, to: membershipId(m.allianceId, keep) }));
    const merges = memberships.filter((m) => m.kept).map((m) => ({ from: m.id, into: m.kept!.id as string }));
    for (const m of memberships.filter((found) => found.kept)) {
      conflicts.push(...compare(m.kept!, m.props, MEMBERSHIP_PROPERTIES, `memberships[${m.allianceId}].`).conflicts);
    }
    if (moves.length > 0) await run(Q.MOVE_MEMBERSHIPS, { keep, remove, moves });
    if (merges.length > 0) await run(Q.MERGE_MEMBERSHIPS(MEMBERSHIP_PROPERTIES), { merges });
    const relationships = (await run(Q.MOVE_ACTOR_RELATIONSHIPS, { keep, remove })) as MovedRelationships[];
    const report: MergeReport = {
      keptId: keep,
      removedId: remove,
      membershipsMoved: moves.length,
      membershipsMerged: merges.length,
      relationships,
      filled,
      conflicts,
    };
    await run(Q.REPLACE_BY_ALIAS(ACTOR_PROPERTIES), { keep, remove, report: JSON.stringify(report) });
    return report;
  }
}
