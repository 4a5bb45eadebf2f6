import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { Role } from "../auth/viewer";
import { Context } from "../graphql/context";
import { allianceOutcomesPage } from "./alliance-outcomes.page";
import { allianceScope } from "../graphql/scope";
import { countKey, pageKey, planPage, toPage } from "../common/connection";
import { SortDirection } from "../common/ordering";
import { toNeo4jDate } from "../neo4j/props";
import { MemberListArgs } from "../membership/membership.args";
import { MembershipConnection } from "../membership/membership.type";
import { OutcomeKindArgs } from "../outcome/outcome.args";
import { OutcomeConnection } from "../outcome/outcome.type";
import { SDG } from "../sdg/sdg.type";
import { Source } from "../source/source.type";
import { Territory } from "../territory/territory.type";
import { AllianceListArgs, AllianceOrderField } from "./alliance.args";
import { AllianceInput, AlliancePatch } from "./alliance.input";
import { Alliance, AllianceConnection } from "./alliance.type";

/**
 * The plan of a page of an alliance list: its ordering ("MEMBER_COUNT:DESC") names the
 * cursor scope and the sort key; only a descending name order runs the query backwards.
 */
export function planAlliancePage(args: AllianceListArgs, list: string) {
  const field = args.orderBy?.field ?? AllianceOrderField.NAME;
  const descending = args.orderBy?.direction === SortDirection.DESC;
  if (field === AllianceOrderField.NAME) return planPage(args, list, field, descending);
  return planPage(args, list, descending ? `${field}:DESC` : field);
}

/** GraphQL for alliances: thin, everything goes through repositories and loaders. */
@Resolver(() => Alliance)
export class AllianceResolver {
  @Query(() => Alliance, { nullable: true, description: "An alliance by id" })
  alliance(@Arg("id", () => ID) id: string, @Ctx() { loaders }: Context) {
    return loaders.allianceById.load(id);
  }

  @Query(() => AllianceConnection, { description: "Alliances in scope, paged (by name unless ordered otherwise)" })
  async alliances(@Args() args: AllianceListArgs, @Ctx() ctx: Context) {
    const plan = planAlliancePage(args, "alliances");
    return ctx.repos.alliances.page(await allianceScope(ctx, args.filter, args.at), plan);
  }

  @FieldResolver(() => MembershipConnection, { description: "Members with their roles, leaders first, then by name" })
  async members(@Root() alliance: Alliance, @Args() args: MemberListArgs, @Ctx() { loaders }: Context) {
    const plan = planPage(args, "Alliance.members", "ROLE");
    const scope = { at: toNeo4jDate(args.at), roles: args.roles ?? null, kinds: args.kinds ?? null };
    const rows = await loaders.membersOfAlliance.load(pageKey(alliance.id, plan, scope));
    return toPage(rows, plan, () => loaders.memberCountOfAlliance.load(countKey(alliance.id, scope)));
  }

  @FieldResolver(() => OutcomeConnection, { description: "What it produced, by title" })
  async outcomes(@Root() alliance: Alliance, @Args() args: OutcomeKindArgs, @Ctx() { loaders }: Context) {
    const { plan, scope, key } = allianceOutcomesPage(alliance.id, args);
    const rows = await loaders.outcomesOfAlliance.load(key);
    return toPage(rows, plan, () => loaders.outcomeCountOfAlliance.load(countKey(alliance.id, scope)));
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
