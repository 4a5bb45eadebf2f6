import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import { Role, hasRole } from "../auth/viewer";
import { ConnectionArgs } from "../common/connection";
import { Context } from "../graphql/context";
import { RELEASE_PAGES } from "./release.page";
import { checkReleaseName, ReleaseRepository, ReleaseRow } from "./release.repository";
import { Release, ReleaseCheck, ReleaseConnection } from "./release.type";

/** Making a release or checking one exports the whole graph: priced like a scan. */
export const RELEASE_EXPORT_COST = 5_000;

/** GraphQL for named releases: thin, the work is in ReleaseRepository. */
@Resolver(() => Release)
export class ReleaseResolver {
  // Releases are what papers cite: public, like every read.
  @Query(() => ReleaseConnection, { description: "Named releases, newest first" })
  releases(@Args() args: ConnectionArgs, @Ctx() ctx: Context) {
    return RELEASE_PAGES.releases.page(ctx, args);
  }

  @Query(() => Release, { nullable: true, description: "The release with this name; null when none has it (a name of another form is BAD_USER_INPUT)" })
  release(@Arg("name") name: string, @Ctx() ctx: Context) {
    checkReleaseName(name);
    return new ReleaseRepository(ctx.executor).byName(name);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Release, {
    description: `Fixes a release named \`name\` at the last committed write, with the checksum of its canonical export. A name already taken, or not of the form 2026-Q4, is BAD_USER_INPUT. Costs ${RELEASE_EXPORT_COST}`,
    complexity: RELEASE_EXPORT_COST,
  })
  createRelease(@Arg("name") name: string, @Ctx() ctx: Context) {
    return new ReleaseRepository(ctx.executor).create(name);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => ReleaseCheck, {
    description: `Exports release \`name\` again as recorded and compares the checksum with the stored one (writes nothing). Costs ${RELEASE_EXPORT_COST}`,
    complexity: RELEASE_EXPORT_COST,
  })
  verifyRelease(@Arg("name") name: string, @Ctx() ctx: Context) {
    return new ReleaseRepository(ctx.executor).verify(name);
  }

  // Who made a release names a credential: admins only, like the change log's `who`.
  @FieldResolver(() => String, { nullable: true, description: "Who made it (\"api-key:<name>\", \"jwt:<sub>\", \"cli:<command>\"): admins only, null for others" })
  createdBy(@Root() release: ReleaseRow, @Ctx() ctx: Context): string | null {
    return hasRole(ctx.viewer.role, Role.ADMIN) ? release.createdBy : null;
  }
}
