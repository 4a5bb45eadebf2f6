import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import { Role } from "../auth/viewer";
import { Context } from "../graphql/context";
import { ConnectionArgs } from "../common/connection";
import { SOURCE_PAGE } from "./source.page";
import { SourceInput } from "./source.input";
import { Source, SourceConnection } from "./source.type";

/** GraphQL for sources: where facts come from. */
@Resolver(() => Source)
export class SourceResolver {
  @Query(() => Source, { nullable: true })
  source(@Arg("id", () => ID) id: string, @Ctx() { loaders }: Context) {
    return loaders.sourceById.load(id);
  }

  @Query(() => SourceConnection, { description: "Sources by title, paged" })
  sources(@Args() args: ConnectionArgs, @Ctx() ctx: Context) {
    return SOURCE_PAGE.page(ctx, args);
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Source, { description: "Creates a source; an existing id is replaced" })
  createSource(@Arg("input") input: SourceInput, @Ctx() { repos }: Context) {
    return repos.sources.upsert(input);
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Source, { description: "Replaces an existing source" })
  updateSource(@Arg("id", () => ID) id: string, @Arg("input") input: SourceInput, @Ctx() { repos }: Context) {
    return repos.sources.update(id, input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Boolean, { description: "Deletes a source that no fact cites" })
  deleteSource(@Arg("id", () => ID) id: string, @Ctx() { repos }: Context) {
    return repos.sources.delete(id);
  }
}
