import { Resolver } from "type-graphql";

/** GraphQL for connections between actors: shortest paths and shared partners. */
@Resolver()
export class PathResolver {}
