import { Field, ID, Int, ObjectType } from "type-graphql";
import { Stored, storedFieldsOf } from "../entity/output";
import { ActorInput } from "./actor.input";
import { Alliance } from "../alliance/alliance.type";
import { ConnectionOf } from "../common/connection";

/** An organisation that allies. Relationship fields live in actor.resolver.ts. */
@ObjectType({ simpleResolvers: true, description: "An organisation that allies: collectivité, entreprise, association, fondation, chaire…" })
@storedFieldsOf(ActorInput)
export class Actor {
  @Field(() => ID, { description: "Stable external id (slug or UUID)" })
  id!: string;

  /** Id of the territory it is based in; resolved by `basedIn`. */
  basedInId?: string | null;
}
/** Its stored properties, as actor.input.ts declares them. */
export interface Actor extends Stored<ActorInput, "id" | "basedIn" | "sourceIds"> {}

@ObjectType({ simpleResolvers: true, description: "An actor that shares at least one alliance with another, and what they share" })
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

@ObjectType({ simpleResolvers: true, description: "A page of actors" })
export class ActorConnection extends ConnectionOf(Actor) {}

@ObjectType({ simpleResolvers: true, description: "A page of co-constructors" })
export class CoConstructorConnection extends ConnectionOf(CoConstructor) {}
