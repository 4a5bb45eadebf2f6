import { GraphQLResolveInfo } from "graphql";
import { Context } from "../graphql/context";
import { conditional, fieldsAskedOf, path, ResolveTree, selection } from "../graphql/lookahead";
import { ErrorCode } from "../common/errors";
import { MAX_PAGE_SIZE } from "../common/page-size";
import { OutcomeKindArgs } from "../outcome/outcome.args";
import { ALLIANCE_PAGES } from "../alliance/alliance.page";
import { CoConstructorArgs } from "./actor.args";
import { ACTOR_PAGES } from "./actor.page";

/**
 * Hot path for the question researchers ask most (bench W1): "who co-constructs with this
 * actor, in which alliances, with what outcomes" —
 *   actor(id) { coConstructors(…) { edges { node { sharedAlliances { outcomes(…) } } } } }
 * Field by field that is three round trips, each waiting for the one before. Looking ahead,
 * `Query.actor` fetches all three in one statement (NEIGHBOURHOOD) and primes each loader under
 * the key its resolver will ask for (both from the field's page declaration); resolvers are
 * unchanged, so answers and errors are those of the field-by-field path.
 * What it cannot fetch ahead (aliases with other arguments, @include/@skip, oversized pages, a
 * depth out of range) or arguments a resolver refuses (BAD_USER_INPUT: a bad cursor, an unknown
 * territory) is decided before the statement runs, and the fields then load as usual. Any other
 * error fails the request: logged with its id, coded for the client (graphql/request-log.plugin.ts).
 */
export async function prefetchNeighbourhood(ctx: Context, id: string, info: GraphQLResolveInfo): Promise<void> {
  const asked = askedAhead(info);
  if (!asked) return;
  const planned = await refusedAsNull(async () => ({
    co: await ACTOR_PAGES.coConstructors.plan(ctx, asked.co.args as unknown as CoConstructorArgs),
    outcomes: asked.outcomes && (await ALLIANCE_PAGES.outcomes.plan(ctx, asked.outcomes.args as unknown as OutcomeKindArgs)),
  }));
  if (!planned) return;
  const { co, outcomes } = planned;
  const coKey = ACTOR_PAGES.coConstructors.key(id, co);
  // Co-constructors primed into the page loader carry every Actor field the operation asks anywhere:
  // another field of the request (an alias) may read the same page with another selection.
  const actorFields = fieldsAskedOf(info, "Actor");
  const found = await ctx.repos.actors.neighbourhood(id, coKey, outcomes && ALLIANCE_PAGES.outcomes.key("", outcomes), actorFields);
  // The id of a merged actor: the loader resolves it, and the fields load as usual for the actor it became.
  if (found.mergedInto) return;
  ctx.loaders.actorById.prime(id, found.actor);
  ACTOR_PAGES.coConstructors.prime(ctx, id, co, found.coRows);
  for (const page of found.outcomePages) ALLIANCE_PAGES.outcomes.prime(ctx, page.id, outcomes!, page.rows);
}

/** The co-constructors (and their shared alliances' outcomes) asked below `Query.actor`, when they can be fetched ahead. */
function askedAhead(info: GraphQLResolveInfo): { co: ResolveTree; outcomes: ResolveTree | null } | null {
  if (conditional(info)) return null;
  const co = path(selection(info), "coConstructors");
  if (!co || !pageSizeOk(co) || !(co.args.depth === 1 || co.args.depth === 2)) return null;
  const outcomes = path(co, "edges", "node", "sharedAlliances", "outcomes");
  return { co, outcomes: outcomes && pageSizeOk(outcomes) ? outcomes : null };
}

/** Page sizes the resolver would accept (class-validator runs later, on the resolver's own call). */
function pageSizeOk({ args }: ResolveTree): boolean {
  const size = (value: unknown) => value == null || (typeof value === "number" && value >= 0 && value <= MAX_PAGE_SIZE);
  return size(args.first) && size(args.last);
}

/** `plan()`, or null when it refuses the arguments (BAD_USER_INPUT): the resolver then reports that at its own path. */
async function refusedAsNull<T>(plan: () => Promise<T>): Promise<T | null> {
  try {
    return await plan();
  } catch (error) {
    if ((error as { extensions?: { code?: unknown } }).extensions?.code === ErrorCode.BAD_USER_INPUT) return null;
    throw error;
  }
}
