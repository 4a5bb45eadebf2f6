import { Args, Ctx, FieldResolver, Int, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../graphql/context";
import { countKey, pageKey, planPage, toPage } from "../common/connection";
import { Source } from "../source/source.type";
import { FactConnection } from "./fact.type";
import { FactListArgs } from "./provenance.args";

/** GraphQL for provenance: what each source supports, and facts that cite none. */
@Resolver(() => Source)
export class ProvenanceResolver {
  @FieldResolver(() => FactConnection, {
    description: "The facts citing this source (actors, alliances, memberships, outcomes, maturity assessments), by kind then id",
  })
  async supports(@Root() source: Source, @Args() args: FactListArgs, @Ctx() ctx: Context) {
    const plan = planPage(args, "Source.supports", "KIND");
    const scope = { kinds: args.kinds ?? null };
    const loaders = ctx.loaders;
    const rows = await loaders.supportsOf.load(pageKey(source.id, plan, scope));
    return toPage(rows, plan, () => loaders.supportCountOf.load(countKey(source.id, scope)));
  }

  @FieldResolver(() => Int, { description: "How many facts cite this source" })
  supportCount(@Root() source: Source, @Ctx() ctx: Context) {
    return ctx.loaders.supportCountOf.load(countKey(source.id, { kinds: null }));
  }

  @Query(() => FactConnection, { description: "Facts that cite no source (for provenance audits), by kind then id" })
  factsWithoutSource(@Args() args: FactListArgs, @Ctx() { repos }: Context) {
    const plan = planPage(args, "factsWithoutSource", "KIND");
    return repos.provenance.withoutSource(args.kinds ?? null, plan);
  }
}
