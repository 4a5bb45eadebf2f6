import { Context } from "../graphql/context";
import { allianceScope, territoryIdOf } from "../graphql/scope";
import { pageKey, planPage } from "../common/connection";
import { CoConstructorArgs } from "./actor.args";

/**
 * The page plan, scope and loader key of `Actor.coConstructors`. The resolver and the hot
 * path that fetches it ahead (neighbourhood.prefetch.ts) both build keys here, so a value
 * fetched ahead is found under exactly the key the resolver asks for.
 */
export async function coConstructorsPage(ctx: Context, actorId: string, args: CoConstructorArgs) {
  const plan = planPage(args, "Actor.coConstructors", "RANK");
  const { filter, at } = await allianceScope(ctx, args.filter, args.at);
  const scope = { depth: args.depth, kinds: args.kinds ?? null, territoryId: await territoryIdOf(ctx, args.territory), filter, at };
  return { plan, scope, key: pageKey(actorId, plan, scope) };
}
