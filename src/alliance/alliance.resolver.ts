import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { Role } from "../auth/viewer";
import { Context } from "../graphql/context";
import { ALLIANCE_PAGES } from "./alliance.page";
import { MemberListArgs } from "../membership/membership.args";
import { MembershipConnection } from "../membership/membership.type";
import { OutcomeKindArgs } from "../outcome/outcome.args";
import { OutcomeConnection } from "../outcome/outcome.type";
import { SDG } from "../sdg/sdg.type";
import { Source } from "../source/source.type";
import { Territory } from "../territory/territory.type";
import { AllianceListArgs } from "./alliance.args";
import { AllianceInput, AlliancePatch } from "./alliance.input";
import { Alliance, AllianceConnection } from "./alliance.type";

/** GraphQL for alliances: thin, everything goes through repositories and loaders. */
@Resolver(() => Alliance)
export class AllianceResolver {
  @Query(() => Alliance, { nullable: true, description: "An alliance by id" })
  alliance(@Arg("id", () => ID) id: string, @Ctx() { loaders }: Context) {
    return loaders.allianceById.load(id);
  }

  @Query(() => AllianceConnection, { description: "Alliances in scope, paged (by name unless ordered otherwise)" })
  alliances(@Args() args: AllianceListArgs, @Ctx() ctx: Context) {
    return ALLIANCE_PAGES.alliances.page(ctx, args);
  }

  @FieldResolver(() => MembershipConnection, { description: "Members with their roles, leaders first, then by name" })
  members(@Root() alliance: Alliance, @Args() args: MemberListArgs, @Ctx() ctx: Context) {
    return ALLIANCE_PAGES.members.page(ctx, alliance.id, args);
  }

  @FieldResolver(() => OutcomeConnection, { description: "What it produced, by title" })
  outcomes(@Root() alliance: Alliance, @Args() args: OutcomeKindArgs, @Ctx() ctx: Context) {
    return ALLIANCE_PAGES.outcomes.page(ctx, alliance.id, args);
  }

  @FieldResolver(() => [Territory], { description: "Territories where it acts" })
  territories(@Root() alliance: Alliance, @Ctx() { loaders }: Context) {
    return loaders.territoriesOfAlliance.load(alliance.id);
  }

  @FieldResolver(() => [SDG], { description: "SDGs it contributes to" })
  sdgs(@Root() alliance: Alliance, @Ctx() { loaders }: Context) {
    return loaders.sdgsOfAlliance.load(alliance.id);
  }

  @FieldResolver(() => [Source], { description: "Sources that attest it" })
  sources(@Root() alliance: Alliance, @Ctx() { loaders }: Context) {
    return loaders.sourcesOfAlliance.load(alliance.id);
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Alliance, { description: "Creates an alliance; an existing id is updated (replays never duplicate)" })
  createAlliance(@Arg("input") input: AllianceInput, @Ctx() { repos }: Context) {
    return repos.alliances.upsert(input);
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Alliance, { description: "Changes some fields of an alliance" })
  updateAlliance(@Arg("id", () => ID) id: string, @Arg("input", () => AlliancePatch) input: AlliancePatch, @Ctx() { repos }: Context) {
    return repos.alliances.update(id, input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Boolean, { description: "Deletes an alliance with its memberships and outcomes" })
  deleteAlliance(@Arg("id", () => ID) id: string, @Ctx() { repos }: Context) {
    return repos.alliances.delete(id);
  }
}
