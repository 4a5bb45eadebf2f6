import { Field, ID, Int, ObjectType } from "type-graphql";
import { ActorKind } from "../common/enums";
import { Alliance } from "../alliance/alliance.type";
import { ConnectionOf } from "../common/connection";

/** An organisation that allies. Relationship fields live in actor.resolver.ts. */
@ObjectType({ description: "An organisation that allies: collectivité, entreprise, association, fondation, chaire…" })
export class Actor {
  @Field(() => ID, { description: "Stable external id (slug or UUID)" })
  id!: string;

  @Field()
  name!: string;

  @Field(() => ActorKind)
  kind!: ActorKind;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => String, { nullable: true })
  website?: string | null;

  @Field(() => String, { nullable: true, description: "SIREN: 9 digits, Luhn-checked" })
  siren?: string | null;

  @Field(() => String, { nullable: true, description: "RNA association number: W + 9 digits" })
  rna?: string | null;

  /** Id of the territory it is based in; resolved by `basedIn`. */
  basedInId?: string | null;
}

@ObjectType({ description: "An actor that shares at least one alliance with another, and what they share" })
export class CoConstructor {
  @Field(() => Actor)
  actor!: Actor;

  @Field(() => [Alliance], { description: "The alliances both are members of, by name (empty at distance 2)" })
  sharedAlliances!: Alliance[];

  @Field(() => Int)
  sharedAllianceCount!: number;

  @Field(() => Int, { description: "1: shares an alliance; 2: shares one with a co-constructor (see `via`)" })
  distance!: number;

  @Field(() => [Actor], { description: "At distance 2, the co-constructors that link them" })
  via!: Actor[];
}

@ObjectType({ description: "A page of actors" })
export class ActorConnection extends ConnectionOf(Actor) {}

@ObjectType({ description: "A page of co-constructors" })
export class CoConstructorConnection extends ConnectionOf(CoConstructor) {}
