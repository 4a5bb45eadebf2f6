import { ConnectionOf } from "../common/connection";
import { Field, ID, ObjectType } from "type-graphql";
import { LocalDateResolver } from "graphql-scalars";
import { MembershipRole } from "../common/enums";

/** An actor's membership of an alliance, with its own role, dates and sources. */
@ObjectType({ description: "An actor's membership of an alliance: role and dates of its own" })
export class Membership {
  @Field(() => ID, { description: "\"<allianceId>/<actorId>\": one membership per actor and alliance" })
  id!: string;

  @Field(() => MembershipRole)
  role!: MembershipRole;

  @Field(() => LocalDateResolver, { nullable: true })
  startDate?: string | null;

  @Field(() => LocalDateResolver, { nullable: true })
  endDate?: string | null;

  actorId!: string;
  allianceId!: string;
}

@ObjectType({ description: "A page of memberships" })
export class MembershipConnection extends ConnectionOf(Membership) {}
