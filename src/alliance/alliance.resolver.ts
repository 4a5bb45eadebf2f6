import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { Context } from "../graphql/context";
import { ListArgs } from "../common/list.args";
import { Membership } from "../membership/membership.type";
import { Outcome } from "../outcome/outcome.type";
import { SDG } from "../sdg/sdg.type";
import { Source } from "../source/source.type";
import { Territory } from "../territory/territory.type";
import { AllianceListArgs } from "./alliance.args";
import { AllianceInput, AlliancePatch } from "./alliance.input";
import { Alliance } from "./alliance.type";

/** GraphQL for alliances: thin, everything goes through repositories and loaders. */
@Resolver(() => Alliance)
export class AllianceResolver {
  @Query(() => Alliance, { nullable: true, description: "An alliance by id" })
  alliance(@Arg("id", () => ID) id: string, @Ctx() { loaders }: Context) {
    return loaders.allianceById.load(id);
  }

  @Query(() => [Alliance], { description: "Alliances by name, filtered" })
  async alliances(@Args() args: AllianceListArgs, @Ctx() { repos, loaders }: Context) {
    const territory = args.territory ? await loaders.territoryByRef.load(args.territory) : null;
    return repos.alliances.list({ kind: args.kind, status: args.status, sdg: args.sdg, territoryId: territory?.id, first: args.first });
  }

  @FieldResolver(() => [Membership], { description: "Members with their roles, leaders first" })
  members(@Root() alliance: Alliance, @Args() { first }: ListArgs, @Ctx() { loaders }: Context) {
    return loaders.membersOfAlliance.load({ id: alliance.id, first });
  }

  @FieldResolver(() => [Territory], { description: "Territories where it acts" })
  territories(@Root() alliance: Alliance, @Ctx() { loaders }: Context) {
    return loaders.territoriesOfAlliance.load(alliance.id);
  }

  @FieldResolver(() => [SDG], { description: "SDGs it contributes to" })
  sdgs(@Root() alliance: Alliance, @Ctx() { loaders }: Context) {
    return loaders.sdgsOfAlliance.load(alliance.id);
  }

  @FieldResolver(() => [Outcome], { description: "What it produced" })
  outcomes(@Root() alliance: Alliance, @Args() { first }: ListArgs, @Ctx() { loaders }: Context) {
    return loaders.outcomesOfAlliance.load({ id: alliance.id, first });
  }

  @FieldResolver(() => [Source], { description: "Sources that attest it" })
  sources(@Root() alliance: Alliance, @Ctx() { loaders }: Context) {
    return loaders.sourcesOfAlliance.load(alliance.id);
  }

  @Mutation(() => Alliance, { description: "Creates an alliance; an existing id is updated (replays never duplicate)" })
  createAlliance(@Arg("input") input: AllianceInput, @Ctx() { repos }: Context) {
    return repos.alliances.upsert(input);
  }

  @Mutation(() => Alliance, { description: "Changes some fields of an alliance" })
  updateAlliance(@Arg("id", () => ID) id: string, @Arg("input") input: AlliancePatch, @Ctx() { repos }: Context) {
    return repos.alliances.update(id, input);
  }

  @Mutation(() => Boolean, { description: "Deletes an alliance with its memberships and outcomes" })
  deleteAlliance(@Arg("id", () => ID) id: string, @Ctx() { repos }: Context) {
    return repos.alliances.delete(id);
  }
}
