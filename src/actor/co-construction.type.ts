import { Field, ObjectType } from "type-graphql";
import { Alliance } from "../alliance/alliance.type";
import { Actor } from "./actor.type";

/** What two actors share: the alliances both belong to (their outcomes via `outcomes`). */
@ObjectType({ simpleResolvers: true, description: "What two actors co-construct: shared alliances and their outcomes" })
export class CoConstruction {
  @Field(() => Actor)
  a!: Actor;

  @Field(() => Actor)
  b!: Actor;

  @Field(() => [Alliance], { description: "Alliances both are members of, by name" })
  alliances!: Alliance[];

  /** The date the question was asked for, so `outcomes` answers on the same date. */
  at!: string | null;
}
