import { GraphQLResolveInfo } from "graphql";
import { Context } from "../graphql/context";
import { current, Lookahead, path } from "../graphql/lookahead";
import { MAX_PAGE_SIZE } from "../common/page-size";
import { OutcomeKindArgs } from "../outcome/outcome.args";
import { allianceOutcomesPage } from "../alliance/alliance-outcomes.page";
import { CoConstructorArgs } from "./actor.args";
import { coConstructorsPage } from "./co-constructors.page";

/**
 * Hot path for the question researchers ask most (bench W1): "who co-constructs with this
 * actor, in which alliances, with what outcomes" —
 *   actor(id) { coConstructors(…) { edges { node { sharedAlliances { outcomes(…) } } } } }
 * Field by field that is three round trips (the actor, its co-constructors, the outcomes of
 * the shared alliances), each waiting for the one before. Looking ahead in the selection,
 * `Query.actor` fetches all three in one statement (NEIGHBOURHOOD) and hands each loader its
 * value under the key its resolver will ask for; resolvers are unchanged, so answers and
 * errors are exactly those of the field-by-field path. Anything unusual (aliases with other
 * arguments, @include/@skip, oversized pages, a bad cursor) skips the prefetch and the
 * fields load as usual.
 */
export async function prefetchNeighbourhood(ctx: Context, id: string, info: GraphQLResolveInfo): Promise<void> {
  const coConstructors = path(info, current(info), "coConstructors");
  if (!coConstructors || !pageSizeOk(coConstructors) || !depthOk(coConstructors)) return;
  const outcomes = path(info, coConstructors, "edges", "node", "sharedAlliances", "outcomes");
  try {
    const co = await coConstructorsPage(ctx, id, coConstructors.args as unknown as CoConstructorArgs);
    const outcomeArgs = outcomes && pageSizeOk(outcomes) ? (outcomes.args as unknown as OutcomeKindArgs) : null;
    const template = outcomeArgs ? allianceOutcomesPage("", outcomeArgs) : null;
    const found = await ctx.repos.actors.neighbourhood(id, co, template);
    ctx.loaders.actorById.provide(id, found.actor);
    ctx.loaders.coConstructorsOf.provide(co.key, found.coRows);
    for (const page of found.outcomePages) ctx.loaders.outcomesOfAlliance.provide(allianceOutcomesPage(page.id, outcomeArgs!).key, page.rows);
  } catch {
    // Bad arguments (a cursor from another list, an unknown territory…): the resolvers report them.
  }
}

/** Page sizes the resolver would accept (class-validator runs later, on the resolver's own call). */
function pageSizeOk({ args }: Lookahead): boolean {
  const size = (value: unknown) => value == null || (typeof value === "number" && value >= 0 && value <= MAX_PAGE_SIZE);
  return size(args.first) && size(args.last);
}

function depthOk({ args }: Lookahead): boolean {
  return args.depth === 1 || args.depth === 2;
}
