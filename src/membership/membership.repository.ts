import { NotFoundError } from "../common/errors";
import { inKeyOrder } from "../common/loader";
import { Executor } from "../neo4j/executor";
import { writeOne } from "../import/write-one";
import { MembershipInput, MembershipPatch } from "./membership.input";
import { Membership } from "./membership.type";
import * as Q from "./membership.cypher";
import { Label } from "../neo4j/graph-model";
import { deleteLogged } from "../history/delete-logged";

export { membershipId } from "./membership.input";

/** The only code that runs Cypher for memberships. */
export class MembershipRepository {
  constructor(private readonly executor: Executor) {}

  async byIds(ids: readonly string[]): Promise<(Membership | null)[]> {
    const rows = await this.executor.read(Q.MEMBERSHIPS_BY_ID, { keys: ids });
    return inKeyOrder(ids.length, rows as { i: number; value: Membership | null }[], null);
  }

  /** Adds the actor to the alliance, or updates its membership when it is already a member: an import of one row. */
  async upsert(input: MembershipInput): Promise<Membership> {
    return writeOne(this.executor, "memberships", { ...input }, Q.MEMBERSHIPS_BY_ID);
  }

  /** Changes the given fields; the dates must still be in order afterwards. */
  async update(id: string, patch: MembershipPatch): Promise<Membership> {
    return writeOne(this.executor, "memberships", patch, Q.MEMBERSHIPS_BY_ID, { existing: id, patch: true });
  }

  async delete(id: string): Promise<boolean> {
    const [row] = await deleteLogged(this.executor, Label.Membership, id, Q.DELETE_MEMBERSHIP);
    if (!row || row.deleted === 0) throw new NotFoundError("Membership", id);
    return true;
  }
}
