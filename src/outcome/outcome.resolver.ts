import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { Role } from "../auth/viewer";
import { Context } from "../graphql/context";
import { Actor } from "../actor/actor.type";
import { Alliance } from "../alliance/alliance.type";
import { SDG } from "../sdg/sdg.type";
import { Source } from "../source/source.type";
import { Territory } from "../territory/territory.type";
import { OutcomeListArgs } from "./outcome.args";
import { OutcomeInput } from "./outcome.input";
import { Outcome, OutcomeConnection } from "./outcome.type";
import { OUTCOME_PAGES } from "./outcome.page";

/** GraphQL for outcomes: thin, everything goes through repositories and loaders. */
@Resolver(() => Outcome)
export class OutcomeResolver {
  @Query(() => Outcome, { nullable: true })
  outcome(@Arg("id", () => ID) id: string, @Ctx() { loaders }: Context) {
    return loaders.outcomeById.load(id);
  }

  @Query(() => OutcomeConnection, { description: "Outcomes in scope, paged by title" })
  outcomes(@Args() args: OutcomeListArgs, @Ctx() ctx: Context) {
    return OUTCOME_PAGES.outcomes.page(ctx, args);
  }

  @FieldResolver(() => Alliance, { description: "The alliance that produced it" })
  alliance(@Root() outcome: Outcome, @Ctx() { loaders }: Context) {
    return loaders.allianceById.load(outcome.allianceId);
  }

  @FieldResolver(() => [SDG], { description: "SDGs it advances" })
  sdgs(@Root() outcome: Outcome, @Ctx() { loaders }: Context) {
    return loaders.sdgsOfOutcome.load(outcome.id);
  }

  @FieldResolver(() => [Territory], { description: "Territories that benefit" })
  beneficiaryTerritories(@Root() outcome: Outcome, @Ctx() { loaders }: Context) {
    return loaders.beneficiaryTerritoriesOf.load(outcome.id);
  }

  @FieldResolver(() => [Actor], { description: "Actors that benefit" })
  beneficiaryActors(@Root() outcome: Outcome, @Ctx() { loaders }: Context) {
    return loaders.beneficiaryActorsOf.load(outcome.id);
  }

  @FieldResolver(() => [Source], { description: "Sources that attest it" })
  sources(@Root() outcome: Outcome, @Ctx() { loaders }: Context) {
    return loaders.sourcesOfOutcome.load(outcome.id);
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Outcome, { description: "Records an outcome of an alliance; an existing id is replaced" })
  createOutcome(@Arg("input") input: OutcomeInput, @Ctx() { repos }: Context) {
    return repos.outcomes.upsert(input);
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Outcome, { description: "Replaces an existing outcome" })
  updateOutcome(@Arg("id", () => ID) id: string, @Arg("input") input: OutcomeInput, @Ctx() { repos }: Context) {
    return repos.outcomes.update(id, input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Boolean)
  deleteOutcome(@Arg("id", () => ID) id: string, @Ctx() { repos }: Context) {
    return repos.outcomes.delete(id);
  }
}
