import { Args, Ctx, Query, Resolver } from "type-graphql";
import { Context } from "../graphql/context";
import { SEARCH_PAGE } from "./search.page";
import { SearchArgs } from "./search.args";
import { SearchHitConnection } from "./search.type";

/** GraphQL for search across actors, alliances, outcomes and territories. */
@Resolver()
export class SearchResolver {
  @Query(() => SearchHitConnection, {
    description: "Actors, alliances, outcomes and territories whose names or descriptions hold the words, most relevant first; an actor whose identifier is the text (SIREN, ROR, Wikidata…, in any form actor(identifier:) reads) first of all",
  })
  search(@Args() args: SearchArgs, @Ctx() ctx: Context) {
    return SEARCH_PAGE.page(ctx, args);
  }
}
