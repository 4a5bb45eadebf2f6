import { Args, Ctx, FieldResolver, Int, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../graphql/context";
import { FACT_PAGES } from "./provenance.page";
import { Source } from "../source/source.type";
import { FactConnection } from "./fact.type";
import { FactListArgs } from "./provenance.args";

/** GraphQL for provenance: what each source supports, and facts that cite none. */
@Resolver(() => Source)
export class ProvenanceResolver {
  @FieldResolver(() => FactConnection, {
    description: "The facts citing this source (actors, alliances, memberships, outcomes, maturity assessments), by kind then id",
  })
  supports(@Root() source: Source, @Args() args: FactListArgs, @Ctx() ctx: Context) {
    return FACT_PAGES.supports.page(ctx, source.id, args);
  }

  @FieldResolver(() => Int, { description: "How many facts cite this source" })
  supportCount(@Root() source: Source, @Ctx() ctx: Context) {
    return FACT_PAGES.supports.count(ctx, source.id, { kinds: null });
  }

  @Query(() => FactConnection, { description: "Facts that cite no source (for provenance audits), by kind then id" })
  factsWithoutSource(@Args() args: FactListArgs, @Ctx() ctx: Context) {
    return FACT_PAGES.withoutSource.page(ctx, args);
  }
}
