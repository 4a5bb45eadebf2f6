import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from "type-graphql";
import { GraphQLResolveInfo } from "graphql";
import { Role } from "../auth/viewer";
import { LocalDateResolver } from "graphql-scalars";
import { Context } from "../graphql/context";
import { allianceScope, territoryIdOf } from "../graphql/scope";
import { countKey, pageKey, planPage, toPage } from "../common/connection";
import { SortDirection } from "../common/ordering";
import { toNeo4jDate } from "../neo4j/props";
import { AllianceListArgs } from "../alliance/alliance.args";
import { planAlliancePage } from "../alliance/alliance.resolver";
import { MembershipConnection } from "../membership/membership.type";
import { OutcomeKindArgs } from "../outcome/outcome.args";
import { OutcomeConnection } from "../outcome/outcome.type";
import { Source } from "../source/source.type";
import { Territory } from "../territory/territory.type";
import { ActorListArgs, ActorOrderField, CoConstructorArgs } from "./actor.args";
import { ActorInput, ActorPatch } from "./actor.input";
import { Actor, ActorConnection, CoConstructorConnection } from "./actor.type";
import { CoConstruction } from "./co-construction.type";
import { coConstructorsPage } from "./co-constructors.page";
import { prefetchNeighbourhood } from "./neighbourhood.prefetch";

/** GraphQL for actors: thin, everything goes through repositories and loaders. */
@Resolver(() => Actor)
export class ActorResolver {
  @Query(() => Actor, { nullable: true, description: "An actor by id" })
  async actor(@Arg("id", () => ID) id: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    await prefetchNeighbourhood(ctx, id, info); // its co-constructors and their outcomes, in the same round trip
    return ctx.loaders.actorById.load(id);
  }

  @Query(() => ActorConnection, { description: "Actors in scope, paged (by name unless ordered otherwise)" })
  async actors(@Args() args: ActorListArgs, @Ctx() ctx: Context) {
    const field = args.orderBy?.field ?? ActorOrderField.NAME;
    const descending = args.orderBy?.direction === SortDirection.DESC;
    const plan =
      field === ActorOrderField.NAME
        ? planPage(args, "actors", field, descending)
        : planPage(args, "actors", descending ? `${field}:DESC` : field);
    const { filter } = args;
    const scope = {
      filter: {
        kinds: filter?.kinds ?? null,
        territoryId: await territoryIdOf(ctx, filter?.territory),
        sdgs: filter?.sdgs ?? null,
        namePrefix: filter?.nameStartsWith ?? null,
      },
      at: toNeo4jDate(args.at),
    };
    return ctx.repos.actors.page(scope, plan);
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

  @FieldResolver(() => Territory, { nullable: true, description: "Where the actor is based" })
  basedIn(@Root() actor: Actor, @Ctx() { loaders }: Context) {
    return actor.basedInId ? loaders.territoryById.load(actor.basedInId) : null;
  }

  @FieldResolver(() => MembershipConnection, { description: "Its memberships of alliances in scope, in the alliance ordering" })
  async alliances(@Root() actor: Actor, @Args() args: AllianceListArgs, @Ctx() ctx: Context) {
    const plan = planAlliancePage(args, "Actor.alliances");
    const scope = await allianceScope(ctx, args.filter, args.at);
    const rows = await ctx.loaders.membershipsOfActor.load(pageKey(actor.id, plan, { ...scope }));
    return toPage(rows, plan, () => ctx.loaders.membershipCountOfActor.load(countKey(actor.id, { ...scope })));
  }

  @FieldResolver(() => CoConstructorConnection, {
    description: "Actors sharing an alliance with it (most shared first) and, with depth 2, their co-constructors",
  })
  async coConstructors(@Root() actor: Actor, @Args() args: CoConstructorArgs, @Ctx() ctx: Context) {
    const { plan, scope, key } = await coConstructorsPage(ctx, actor.id, args);
    const rows = await ctx.loaders.coConstructorsOf.load(key);
    return toPage(rows, plan, () => ctx.loaders.coConstructorCountOf.load(countKey(actor.id, scope)));
  }

  @FieldResolver(() => OutcomeConnection, { description: "Outcomes of the alliances it is a member of, by title" })
  async impact(@Root() actor: Actor, @Args() args: OutcomeKindArgs, @Ctx() { loaders }: Context) {
    const plan = planPage(args, "Actor.impact", "TITLE");
    const scope = { kinds: args.kinds ?? null, at: toNeo4jDate(args.at) };
    const rows = await loaders.impactOf.load(pageKey(actor.id, plan, scope));
    return toPage(rows, plan, () => loaders.impactCountOf.load(countKey(actor.id, scope)));
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
