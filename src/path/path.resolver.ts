import { Args, Ctx, Info, Query, Resolver } from "type-graphql";
import { GraphQLResolveInfo } from "graphql";
import { fieldsByType } from "../graphql/lookahead";
import { Context } from "../graphql/context";
import { territoryIdOf } from "../graphql/scope";
import { allianceFilterParams } from "../alliance/alliance-filter";
import { PathArgs, SharedPartnerArgs } from "./path.args";
import { ActorPath, SharedPartner } from "./path.type";

/** GraphQL for connections between actors: shortest paths and shared partners. */
@Resolver()
export class PathResolver {
  @Query(() => ActorPath, {
    nullable: true,
    description:
      "A shortest chain actor → alliance → actor … from one actor to another; null when none within maxHops. " +
      "Ties go to the chain whose actor names, then alliance names, sort first. NOT_FOUND if either actor does not exist.",
  })
  async path(@Args() args: PathArgs, @Ctx() { repos, loaders }: Context, @Info() info: GraphQLResolveInfo) {
    const territoryId = await territoryIdOf({ loaders }, args.filter?.territory);
    // The chain goes straight to the client: fetch only the properties its selection reads.
    const asked = fieldsByType(info);
    return repos.paths.shortestPath({
      asked: asked ? { actor: asked.get("Actor") ?? new Set(), alliance: asked.get("Alliance") ?? new Set() } : undefined,
      from: args.from,
      to: args.to,
      maxHops: args.maxHops,
      at: args.at ?? null,
      filter: args.filter ? allianceFilterParams(args.filter, territoryId) : null,
    });
  }

  @Query(() => [SharedPartner], {
    description:
      "Actors co-constructing with both a and b (interlocks), most shared alliances first, then by name. " +
      "NOT_FOUND if either actor does not exist.",
  })
  sharedPartners(@Args() args: SharedPartnerArgs, @Ctx() { repos }: Context) {
    return repos.paths.sharedPartners({ a: args.a, b: args.b, at: args.at ?? null, first: args.first });
  }
}
