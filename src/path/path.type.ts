import { Field, Int, ObjectType } from "type-graphql";
import { Actor } from "../actor/actor.type";
import { Alliance } from "../alliance/alliance.type";

@ObjectType({ simpleResolvers: true, description: "One hop of a path: two actors that are members of the same alliance" })
export class PathStep {
  @Field(() => Actor)
  from!: Actor;

  @Field(() => Alliance)
  alliance!: Alliance;

  @Field(() => Actor)
  to!: Actor;
}

@ObjectType({ simpleResolvers: true, description: "A shortest chain actor → alliance → actor … between two actors" })
export class ActorPath {
  @Field(() => Int, { description: "Number of hops (alliances crossed); 0 when from and to are the same actor" })
  length!: number;

  @Field(() => [Actor], { description: "The actors in order, from first to last (length + 1 of them)" })
  actors!: Actor[];

  @Field(() => [Alliance], { description: "The alliance of each hop, in order" })
  alliances!: Alliance[];

  @Field(() => [PathStep], { description: "The hops in order" })
  steps!: PathStep[];
}

@ObjectType({ simpleResolvers: true, description: "An actor co-constructing with both of two actors (an interlock), with the alliances on each side" })
export class SharedPartner {
  @Field(() => Actor)
  actor!: Actor;

  @Field(() => [Alliance], { description: "Alliances it shares with actor a, by name" })
  alliancesWithA!: Alliance[];

  @Field(() => [Alliance], { description: "Alliances it shares with actor b, by name" })
  alliancesWithB!: Alliance[];
}
