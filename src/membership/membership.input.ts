import { InputType } from "type-graphql";
import { MembershipRole } from "../common/enums";
import { NotBefore } from "../common/validators";
import { field, patchOf } from "../entity/field";
import { date, enumOf, externalId, sourceIds } from "../entity/kinds";
import { CITES_SOURCES } from "../entity/links";
import { Label, Rel } from "../neo4j/graph-model";

/** One membership per actor and alliance: its id says which, so replays cannot duplicate it. */
export const membershipId = (allianceId: string, actorId: string) => `${allianceId}/${actorId}`;

/** A membership's fields, declared once (src/entity/field.ts): (actor)-[:HAS_MEMBERSHIP]->(membership)-[:IN_ALLIANCE]->(alliance). */
@InputType({ description: "An actor joining an alliance; an existing (actor, alliance) pair is updated" })
export class MembershipInput {
  @field(externalId(), { links: [{ rel: Rel.HAS_MEMBERSHIP, target: Label.Actor, incoming: true }] })
  actorId!: string;

  @field(externalId(), { links: [{ rel: Rel.IN_ALLIANCE, target: Label.Alliance }] })
  allianceId!: string;

  @field(enumOf(MembershipRole))
  role!: MembershipRole;

  @field(date, { optional: true })
  startDate?: string | null;

  @field(date, { optional: true, rules: [NotBefore("startDate")] })
  endDate?: string | null;

  @field(sourceIds(1), { description: "Sources that attest it (at least one)", links: [CITES_SOURCES] })
  sourceIds!: string[];
}

export const MembershipPatch = patchOf(MembershipInput, "MembershipPatch", "Fields of a membership to change; omitted fields are kept", ["actorId", "allianceId"]);
export type MembershipPatch = InstanceType<typeof MembershipPatch>;
