import { ConnectionOf } from "../common/connection";
import { Stored, storedFieldsOf } from "../entity/output";
import { MembershipInput } from "./membership.input";
import { Field, ID, ObjectType } from "type-graphql";

/** An actor's membership of an alliance, with its own role, dates and sources. */
@ObjectType({ simpleResolvers: true, description: "An actor's membership of an alliance: role and dates of its own" })
@storedFieldsOf(MembershipInput)
export class Membership {
  @Field(() => ID, { description: "\"<allianceId>/<actorId>\": one membership per actor and alliance" })
  id!: string;

  actorId!: string;
  allianceId!: string;
}
/** Its stored properties, as membership.input.ts declares them. */
export interface Membership extends Stored<MembershipInput, "actorId" | "allianceId" | "sourceIds"> {}

@ObjectType({ simpleResolvers: true, description: "A page of memberships" })
export class MembershipConnection extends ConnectionOf(Membership) {}
