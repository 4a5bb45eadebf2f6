import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from "type-graphql";
import { GraphQLResolveInfo } from "graphql";
import { Role } from "../auth/viewer";
import { LocalDateResolver } from "graphql-scalars";
import { Context } from "../graphql/context";
import { toNeo4jDate } from "../neo4j/props";
import { AllianceListArgs } from "../alliance/alliance.args";
import { MembershipConnection } from "../membership/membership.type";
import { OutcomeKindArgs } from "../outcome/outcome.args";
import { OutcomeConnection } from "../outcome/outcome.type";
import { Source } from "../source/source.type";
import { Territory } from "../territory/territory.type";
import { ActorListArgs, CoConstructorArgs } from "./actor.args";
import { ActorInput, ActorPatch } from "./actor.input";
import { Actor, ActorConnection, CoConstructorConnection } from "./actor.type";
import { CoConstruction } from "./co-construction.type";
import { ACTOR_PAGES } from "./actor.page";
import { prefetchNeighbourhood } from "./neighbourhood.prefetch";
import { BadUserInputError } from "../common/errors";
import { ActorIdentifier, ActorIdentifierInput } from "../identifier/identifier.type";
import { identifierCriterion } from "../identifier/lookup";
import { IDENTIFIER_SCHEMES, identifiersOf } from "../identifier/schemes";

/** GraphQL for actors: thin, everything goes through repositories and loaders. */
@Resolver(() => Actor)
export class ActorResolver {
  @Query(() => Actor, {
    nullable: true,
    description: "An actor by id, or by an identifier (normalised first; the first by id when several actors hold it); give one of the two",
  })
  async actor(
    @Arg("id", () => ID, { nullable: true }) givenId: string | null,
    @Arg("identifier", () => ActorIdentifierInput, { nullable: true }) identifier: ActorIdentifierInput | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    if ((givenId == null) === (identifier == null)) throw new BadUserInputError("id", "give either id or identifier, not both or neither");
    const lookup = identifierCriterion(identifier, "identifier");
    let id = givenId!;
    if (lookup) {
      const found = await ctx.repos.actors.byIdentifier(lookup.property, lookup.value!);
      if (!found) return null;
      // The actor is at hand: its id's loader answers without another round trip.
      ctx.loaders.actorById.prime(found.id, found);
      id = found.id;
    }
    await prefetchNeighbourhood(ctx, id, info); // its co-constructors and their outcomes, in the same round trip
    return ctx.loaders.actorById.load(id);
  }

  @Query(() => ActorConnection, { description: "Actors in scope, paged (by name unless ordered otherwise)" })
  actors(@Args() args: ActorListArgs, @Ctx() ctx: Context) {
    return ACTOR_PAGES.actors.page(ctx, args);
  }

  @Query(() => CoConstruction, { nullable: true, description: "What actors a and b share; null if either does not exist" })
  async coConstruction(
    @Arg("a", () => ID) a: string,
    @Arg("b", () => ID) b: string,
    @Arg("at", () => LocalDateResolver, { nullable: true, description: "As the network stood on this date" }) at: string | null,
    @Ctx() { repos }: Context,
  ) {
    const shared = await repos.actors.coConstruction(a, b, toNeo4jDate(at));
    return shared && { ...shared, at: at ?? null };
  }

  @FieldResolver(() => [ActorIdentifier], {
    description: "Its identifiers in external registers (SIREN, RNA, ROR, Wikidata…), in IdentifierScheme order",
    complexity: ({ childComplexity }) => 1 + IDENTIFIER_SCHEMES.length * childComplexity,
  })
  identifiers(@Root() actor: Actor) {
    return identifiersOf(actor as unknown as Record<string, unknown>);
  }

  @FieldResolver(() => Territory, { nullable: true, description: "Where the actor is based" })
  basedIn(@Root() actor: Actor, @Ctx() { loaders }: Context) {
    return actor.basedInId ? loaders.territoryById.load(actor.basedInId) : null;
  }

  @FieldResolver(() => MembershipConnection, { description: "Its memberships of alliances in scope, in the alliance ordering" })
  alliances(@Root() actor: Actor, @Args() args: AllianceListArgs, @Ctx() ctx: Context) {
    return ACTOR_PAGES.alliances.page(ctx, actor.id, args);
  }

  @FieldResolver(() => CoConstructorConnection, {
    description: "Actors sharing an alliance with it (most shared first) and, with depth 2, their co-constructors",
  })
  coConstructors(@Root() actor: Actor, @Args() args: CoConstructorArgs, @Ctx() ctx: Context) {
    return ACTOR_PAGES.coConstructors.page(ctx, actor.id, args);
  }

  @FieldResolver(() => OutcomeConnection, { description: "Outcomes of the alliances it is a member of, by title" })
  impact(@Root() actor: Actor, @Args() args: OutcomeKindArgs, @Ctx() ctx: Context) {
    return ACTOR_PAGES.impact.page(ctx, actor.id, args);
  }

  @FieldResolver(() => [Source], { description: "Sources that attest this actor" })
  sources(@Root() actor: Actor, @Ctx() { loaders }: Context) {
    return loaders.sourcesOfActor.load(actor.id);
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Actor, { description: "Creates an actor; an existing id is updated (replays never duplicate)" })
  createActor(@Arg("input") input: ActorInput, @Ctx() { repos }: Context) {
    return repos.actors.upsert(input);
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Actor, { description: "Changes some fields of an actor" })
  updateActor(@Arg("id", () => ID) id: string, @Arg("input", () => ActorPatch) input: ActorPatch, @Ctx() { repos }: Context) {
    return repos.actors.update(id, input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Boolean, { description: "Deletes an actor and its memberships" })
  deleteActor(@Arg("id", () => ID) id: string, @Ctx() { repos }: Context) {
    return repos.actors.delete(id);
  }
}
