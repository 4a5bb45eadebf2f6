import { Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { ConnectionOf } from "../common/connection";
import { Actor } from "../actor/actor.type";
import { Alliance } from "../alliance/alliance.type";
import { Membership } from "../membership/membership.type";
import { Outcome } from "../outcome/outcome.type";
import { MaturityAssessment } from "../maturity/maturity.type";

/** The kinds of fact that cite sources. Lists of facts sort by kind name, then id. */
export enum FactKind {
  ACTOR = "ACTOR",
  ALLIANCE = "ALLIANCE",
  MEMBERSHIP = "MEMBERSHIP",
  OUTCOME = "OUTCOME",
  MATURITY_ASSESSMENT = "MATURITY_ASSESSMENT",
}
registerEnumType(FactKind, { name: "FactKind", description: "A kind of fact that cites sources" });

/**
 * One fact: its kind and id, and the record itself in the one field named after its kind
 * (the others are null). A single object type rather than a union, so clients can read
 * `kind` and `id` without fragments and filter lists by kind.
 */
@ObjectType({ simpleResolvers: true, description: "A fact that can cite sources: the field named after `kind` holds it, the others are null" })
export class Fact {
  @Field(() => FactKind)
  kind!: FactKind;

  @Field(() => ID)
  id!: string;

  @Field(() => Actor, { nullable: true })
  actor?: Actor | null;

  @Field(() => Alliance, { nullable: true })
  alliance?: Alliance | null;

  @Field(() => Membership, { nullable: true })
  membership?: Membership | null;

  @Field(() => Outcome, { nullable: true })
  outcome?: Outcome | null;

  @Field(() => MaturityAssessment, { nullable: true })
  maturityAssessment?: MaturityAssessment | null;
}

@ObjectType({ simpleResolvers: true, description: "A page of facts, by kind then id" })
export class FactConnection extends ConnectionOf(Fact) {}
