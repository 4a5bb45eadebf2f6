import { Resolver } from "type-graphql";

/** GraphQL for search across actors, alliances, outcomes and territories. */
@Resolver()
export class SearchResolver {}
