import { Args, Ctx, Query, Resolver } from "type-graphql";
import { ComplexityEstimatorArgs } from "graphql-query-complexity";
import { hasRole, Role } from "../auth/viewer";
import { Context } from "../graphql/context";
import { territoryIdOf } from "../graphql/scope";
import { diffPoints, resolveDiffPoints } from "./diff";
import { DiffArgs } from "./diff.input";
import { describeDiffScope, diffScopeOf } from "./diff.scope";
import { Diff } from "./diff.type";
import { RECORDED_VIEW_COST } from "./view/view-args";

/** A diff reads its scope's export at two recorded points: what reading one recorded state costs, twice, plus its lists. */
export const DIFF_COST = 2 * RECORDED_VIEW_COST;
const diffCost = ({ args, childComplexity }: ComplexityEstimatorArgs) => DIFF_COST + 3 * (args.first ?? 100) * childComplexity;

/** GraphQL for `diff`: thin, the work is in diff.ts. */
@Resolver()
export class DiffResolver {
  // Public like every read; who wrote is shown to admins only.
  @Query(() => Diff, {
    description: `What was added, removed and changed in a scope between two releases or instants (to: now by default), with the change log's entries for each item. Costs ${DIFF_COST} plus its lists`,
    complexity: diffCost,
  })
  async diff(@Args() args: DiffArgs, @Ctx() ctx: Context) {
    const scope = diffScopeOf({ ...args.scope, territoryId: await territoryIdOf(ctx, args.scope?.territory, "scope.territory") });
    const points = await resolveDiffPoints(ctx.executor, pointRef(args.from), args.to && pointRef(args.to));
    const diff = await diffPoints(ctx.executor, points.from, points.to, scope, { first: args.first, withWho: hasRole(ctx.viewer.role, Role.ADMIN) });
    return { ...diff, scope: describeDiffScope(scope) };
  }
}

const pointRef = (point: { release?: string | null; asRecordedOn?: Date | null }) => ({ release: point.release, asRecordedOn: point.asRecordedOn?.toISOString() ?? null });
