import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import { ComplexityEstimatorArgs } from "graphql-query-complexity";
import { Role } from "../auth/viewer";
import { Context } from "../graphql/context";
import { DuplicateCandidateArgs } from "./duplicate.args";
import { DUPLICATE_PAGES } from "./duplicate.page";
import { DuplicateCandidateConnection } from "./duplicate.type";
import { ActorMerge } from "./merge.type";

/** Every page of candidates scans the actors in scope (blocking keeps it linear, not free): a fixed cost on top of the page's. */
export const DUPLICATE_SCAN_COST = 2_000;
const candidatesCost = ({ args, childComplexity }: ComplexityEstimatorArgs) => DUPLICATE_SCAN_COST + (args.first ?? args.last ?? 20) * childComplexity;

/** GraphQL for likely duplicates and their merge: thin, the work is in the page declaration and MergeRepository. */
@Resolver()
export class DuplicateResolver {
  // A read like every other (reads are public: test/auth/role-matrix.test.ts): it shows only what actors show; its cost bounds it.
  @Query(() => DuplicateCandidateConnection, {
    description: `Pairs of actors likely to be one organisation: a shared identifier, or the same folded name in the same base territory; highest score first. Costs ${DUPLICATE_SCAN_COST} plus its page`,
    complexity: candidatesCost,
  })
  duplicateCandidates(@Args() args: DuplicateCandidateArgs, @Ctx() ctx: Context) {
    return DUPLICATE_PAGES.candidates.page(ctx, args);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => ActorMerge, {
    description: "Merges actor `remove` into `keep`: memberships, sources, assessments and every other link move to keep, keep's empty fields are filled, and `remove`'s id stays as an alias of keep. Replaying it answers the same and writes nothing",
  })
  async mergeActors(@Arg("keep", () => ID) keep: string, @Arg("remove", () => ID) remove: string, @Ctx() ctx: Context) {
    const report = await ctx.repos.merges.merge(keep, remove);
    return { ...report, actor: await ctx.loaders.actorById.load(report.keptId) };
  }
}
