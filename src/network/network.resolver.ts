import { Resolver } from "type-graphql";

/** GraphQL for network subgraphs shaped for sigma.js, Cytoscape.js and vis-network. */
@Resolver()
export class NetworkResolver {}
