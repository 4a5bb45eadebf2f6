import { Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from "type-graphql";
import { GraphQLResolveInfo } from "graphql";
import { fieldsNamed, selection, selects } from "../graphql/lookahead";
import { JSONResolver } from "graphql-scalars";
import { Context } from "../graphql/context";
import { territoryIdOf } from "../graphql/scope";
import { NetworkArgs } from "./network.args";
import { toCytoscape, toGraphology } from "./network.formats";
import { Network } from "./network.type";

/** GraphQL for network subgraphs shaped for sigma.js, Cytoscape.js and vis-network. */
@Resolver(() => Network)
export class NetworkResolver {
  @Query(() => Network, {
    description: "Actors within `depth` co-construction hops of the seeds, and their links, for visualisation",
  })
  async network(@Args() args: NetworkArgs, @Ctx() { repos, loaders }: Context, @Info() info: GraphQLResolveInfo) {
    const territoryId = await territoryIdOf({ loaders }, args.filter?.territory);
    // Each edge's shared alliance ids cost a sorted list per pair; fetched only when something can show them.
    const network = selection(info);
    const edges = fieldsNamed(network, "edges");
    const allianceIds = edges.some((edge) => selects(edge, "alliances")) || selects(network, "graphology") || selects(network, "cytoscape");
    return repos.network.around({ ...args, territoryId, allianceIds });
  }

  @FieldResolver(() => JSONResolver, { description: "graphology's serialised graph: graph.import(network.graphology), then sigma.js" })
  graphology(@Root() network: Network) {
    return toGraphology(network);
  }

  @FieldResolver(() => JSONResolver, { description: "Cytoscape.js elements: cytoscape({ elements: network.cytoscape })" })
  cytoscape(@Root() network: Network) {
    return toCytoscape(network);
  }
}
