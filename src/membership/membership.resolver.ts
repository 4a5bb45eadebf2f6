import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { Role } from "../auth/viewer";
import { Context } from "../graphql/context";
import { Actor } from "../actor/actor.type";
import { Alliance } from "../alliance/alliance.type";
import { Source } from "../source/source.type";
import { MembershipInput, MembershipPatch } from "./membership.input";
import { Membership } from "./membership.type";

/** GraphQL for memberships: the member, the alliance and the sources of the membership. */
@Resolver(() => Membership)
export class MembershipResolver {
  @Query(() => Membership, { nullable: true, description: "A membership by id (\"<allianceId>/<actorId>\")" })
  membership(@Arg("id", () => ID) id: string, @Ctx() { loaders }: Context) {
    return loaders.membershipById.load(id);
  }

  @FieldResolver(() => Actor)
  actor(@Root() membership: Membership, @Ctx() { loaders }: Context) {
    return loaders.actorById.load(membership.actorId);
  }

  @FieldResolver(() => Alliance)
  alliance(@Root() membership: Membership, @Ctx() { loaders }: Context) {
    return loaders.allianceById.load(membership.allianceId);
  }

  @FieldResolver(() => [Source], { description: "Sources that attest this membership" })
  sources(@Root() membership: Membership, @Ctx() { loaders }: Context) {
    return loaders.sourcesOfMembership.load(membership.id);
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Membership, { description: "Makes an actor a member of an alliance; an existing pair is updated" })
  addMembership(@Arg("input") input: MembershipInput, @Ctx() { repos }: Context) {
    return repos.memberships.upsert(input);
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Membership, { description: "Changes role, dates or sources of a membership" })
  updateMembership(@Arg("id", () => ID) id: string, @Arg("input", () => MembershipPatch) input: MembershipPatch, @Ctx() { repos }: Context) {
    return repos.memberships.update(id, input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Boolean, { description: "Removes a membership" })
  removeMembership(@Arg("id", () => ID) id: string, @Ctx() { repos }: Context) {
    return repos.memberships.delete(id);
  }
}
