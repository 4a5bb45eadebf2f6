import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { Context } from "../graphql/context";
import { ListArgs } from "../common/list.args";
import { Membership } from "../membership/membership.type";
import { Outcome } from "../outcome/outcome.type";
import { Source } from "../source/source.type";
import { Territory } from "../territory/territory.type";
import { ActorListArgs, CoConstructorArgs } from "./actor.args";
import { ActorInput, ActorPatch } from "./actor.input";
import { Actor, CoConstructor } from "./actor.type";
import { CoConstruction } from "./co-construction.type";

/** GraphQL for actors: thin, everything goes through repositories and loaders. */
@Resolver(() => Actor)
export class ActorResolver {
  @Query(() => Actor, { nullable: true, description: "An actor by id" })
  actor(@Arg("id", () => ID) id: string, @Ctx() { loaders }: Context) {
    return loaders.actorById.load(id);
  }

  @Query(() => [Actor], { description: "Actors by name, filtered" })
  async actors(@Args() args: ActorListArgs, @Ctx() { repos, loaders }: Context) {
    const territory = args.territory ? await loaders.territoryByRef.load(args.territory) : null;
    return repos.actors.list({ kind: args.kind, namePrefix: args.nameStartsWith, territoryId: territory?.id, first: args.first });
  }

  @Query(() => CoConstruction, { nullable: true, description: "What actors a and b share; null if either does not exist" })
  coConstruction(@Arg("a", () => ID) a: string, @Arg("b", () => ID) b: string, @Ctx() { repos }: Context) {
    return repos.actors.coConstruction(a, b);
  }

  @FieldResolver(() => Territory, { nullable: true, description: "Where the actor is based" })
  basedIn(@Root() actor: Actor, @Ctx() { loaders }: Context) {
    return actor.basedInId ? loaders.territoryById.load(actor.basedInId) : null;
  }

  @FieldResolver(() => [Membership], { description: "The alliances it is a member of, with its role, by alliance name" })
  alliances(@Root() actor: Actor, @Args() { first }: ListArgs, @Ctx() { loaders }: Context) {
    return loaders.membershipsOfActor.load({ id: actor.id, first });
  }

  @FieldResolver(() => [CoConstructor], {
    description: "Actors sharing at least one alliance with it, most shared alliances first",
  })
  async coConstructors(@Root() actor: Actor, @Args() args: CoConstructorArgs, @Ctx() { loaders }: Context) {
    const territory = args.territory ? await loaders.territoryByRef.load(args.territory) : null;
    return loaders.coConstructorsOf.load({
      id: actor.id,
      kind: args.kind ?? null,
      territoryId: territory?.id ?? null,
      first: args.first,
    });
  }

  @FieldResolver(() => [Outcome], { description: "Outcomes of the alliances it is a member of" })
  impact(@Root() actor: Actor, @Args() { first }: ListArgs, @Ctx() { loaders }: Context) {
    return loaders.impactOf.load({ id: actor.id, first });
  }

  @FieldResolver(() => [Source], { description: "Sources that attest this actor" })
  sources(@Root() actor: Actor, @Ctx() { loaders }: Context) {
    return loaders.sourcesOfActor.load(actor.id);
  }

  @Mutation(() => Actor, { description: "Creates an actor; an existing id is updated (replays never duplicate)" })
  createActor(@Arg("input") input: ActorInput, @Ctx() { repos }: Context) {
    return repos.actors.upsert(input);
  }

  @Mutation(() => Actor, { description: "Changes some fields of an actor" })
  updateActor(@Arg("id", () => ID) id: string, @Arg("input") input: ActorPatch, @Ctx() { repos }: Context) {
    return repos.actors.update(id, input);
  }

  @Mutation(() => Boolean, { description: "Deletes an actor and its memberships" })
  deleteActor(@Arg("id", () => ID) id: string, @Ctx() { repos }: Context) {
    return repos.actors.delete(id);
  }
}
