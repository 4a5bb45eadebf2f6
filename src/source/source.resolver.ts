import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { SourceRow, toCsl } from "../citation/csl";
import { CitationLocale, CitationStyle, formatReference } from "../citation/reference";
import { Role } from "../auth/viewer";
import { Context } from "../graphql/context";
import { ConnectionArgs } from "../common/connection";
import { SOURCE_PAGE } from "./source.page";
import { SourceInput } from "./source.input";
import { Source, SourceConnection } from "./source.type";

/** Query cost of one formatted citation: a few milliseconds of citeproc-js, so a page of 100 costs 10,000 of the 50,000 allowed. */
export const CITATION_COST = 100;

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

  @FieldResolver(() => String, {
    complexity: CITATION_COST,
    description: `This source as a reference in a citation style (plain text), a BibTeX entry or a CSL-JSON item. Costs ${CITATION_COST} in the query cost`,
  })
  citation(
    @Root() source: Source,
    @Arg("style", () => CitationStyle, { defaultValue: CitationStyle.APA }) style: CitationStyle,
    @Arg("locale", () => CitationLocale, { defaultValue: CitationLocale.EN_US, description: "Language of a formatted reference" }) locale: CitationLocale,
  ): string {
    return formatReference(toCsl(source as SourceRow), style, locale);
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
