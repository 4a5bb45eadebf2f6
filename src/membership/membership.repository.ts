import { NotFoundError } from "../common/errors";
import { inKeyOrder } from "../common/loader";
import { Executor } from "../neo4j/executor";
import { Label } from "../neo4j/graph-model";
import { propsOf } from "../neo4j/props";
import { requireExisting } from "../neo4j/references";
import { assertDatesInOrder } from "../alliance/alliance.repository";
import { MembershipInput, MembershipPatch } from "./membership.input";
import { Membership } from "./membership.type";
import * as Q from "./membership.cypher";

const MEMBERSHIP_FIELDS = ["role", "startDate", "endDate"] as const;
const DATE_FIELDS = ["startDate", "endDate"] as const;

/** One membership per actor and alliance: its id says which, so replays cannot duplicate it. */
export const membershipId = (allianceId: string, actorId: string) => `${allianceId}/${actorId}`;

/** The only code that runs Cypher for memberships. */
export class MembershipRepository {
  constructor(private readonly executor: Executor) {}

  async byIds(ids: readonly string[]): Promise<(Membership | null)[]> {
    const rows = await this.executor.read(Q.MEMBERSHIPS_BY_ID, { keys: ids });
    return inKeyOrder(ids.length, rows as { i: number; value: Membership | null }[], null);
  }

  /** Adds the actor to the alliance, or updates its membership when it is already a member. */
  async upsert(input: MembershipInput): Promise<Membership> {
    return this.executor.write(async (tx) => {
      const run = tx.run.bind(tx);
      await requireExisting(run, Label.Actor, [input.actorId], "input.actorId");
      await requireExisting(run, Label.Alliance, [input.allianceId], "input.allianceId");
      await requireExisting(run, Label.Source, input.sourceIds, "input.sourceIds");
      const [row] = await tx.run(Q.UPSERT_MEMBERSHIP, {
        id: membershipId(input.allianceId, input.actorId),
        actorId: input.actorId,
        allianceId: input.allianceId,
        props: propsOf(input, MEMBERSHIP_FIELDS, "replace", DATE_FIELDS),
        sourceIds: input.sourceIds,
      });
      return row.membership;
    });
  }

  async update(id: string, patch: MembershipPatch): Promise<Membership> {
    return this.executor.write(async (tx) => {
      if (patch.sourceIds) await requireExisting(tx.run.bind(tx), Label.Source, patch.sourceIds, "input.sourceIds");
      const [row] = await tx.run(Q.PATCH_MEMBERSHIP, {
        id,
        props: propsOf(patch, MEMBERSHIP_FIELDS, "patch", DATE_FIELDS),
        sourceIds: patch.sourceIds ?? null,
      });
      if (!row) throw new NotFoundError("Membership", id);
      assertDatesInOrder(row.membership);
      return row.membership;
    });
  }

  async delete(id: string): Promise<boolean> {
    const [row] = await this.executor.write((tx) => tx.run(Q.DELETE_MEMBERSHIP, { id }));
    if (!row || row.deleted === 0) throw new NotFoundError("Membership", id);
    return true;
  }
}
