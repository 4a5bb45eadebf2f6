import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { Context } from "../graphql/context";
import { Actor } from "../actor/actor.type";
import { Alliance } from "../alliance/alliance.type";
import { SDG } from "../sdg/sdg.type";
import { Source } from "../source/source.type";
import { Territory } from "../territory/territory.type";
import { OutcomeListArgs } from "./outcome.args";
import { OutcomeInput } from "./outcome.input";
import { Outcome } from "./outcome.type";

/** GraphQL for outcomes: thin, everything goes through repositories and loaders. */
@Resolver(() => Outcome)
export class OutcomeResolver {
  @Query(() => Outcome, { nullable: true })
  outcome(@Arg("id", () => ID) id: string, @Ctx() { loaders }: Context) {
    return loaders.outcomeById.load(id);
  }

  @Query(() => [Outcome], { description: "Outcomes by title, filtered" })
  async outcomes(@Args() args: OutcomeListArgs, @Ctx() { repos, loaders }: Context) {
    const territory = args.territory ? await loaders.territoryByRef.load(args.territory) : null;
    return repos.outcomes.list({ kind: args.kind, sdg: args.sdg, allianceId: args.allianceId, territoryId: territory?.id, first: args.first });
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

  @Mutation(() => Outcome, { description: "Records an outcome of an alliance; an existing id is replaced" })
  createOutcome(@Arg("input") input: OutcomeInput, @Ctx() { repos }: Context) {
    return repos.outcomes.upsert(input);
  }

  @Mutation(() => Outcome, { description: "Replaces an existing outcome" })
  updateOutcome(@Arg("id", () => ID) id: string, @Arg("input") input: OutcomeInput, @Ctx() { repos }: Context) {
    return repos.outcomes.update(id, input);
  }

  @Mutation(() => Boolean)
  deleteOutcome(@Arg("id", () => ID) id: string, @Ctx() { repos }: Context) {
    return repos.outcomes.delete(id);
  }
}
