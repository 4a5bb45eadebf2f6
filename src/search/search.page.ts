import { PagedList } from "../neo4j/paging";
import { toOutcome } from "../outcome/outcome.repository";
import { SearchArgs } from "./search.args";
import { SearchHit, SearchKind } from "./search.type";
import { toLuceneQuery } from "./search.query";
import * as Q from "./search.cypher";
import { identifiersIn } from "../identifier/search-text";

const ALL_KINDS = Object.values(SearchKind);

/**
 * `search`, declared once (see neo4j/paging.ts): hits for what the user typed (`kinds`
 * null: all four), best first; an actor whose identifier is the text ("219400280",
 * "https://ror.org/03yrm5c26") first of all. Text with no word to look for ("&& ||") finds nothing.
 */
export const SEARCH_PAGE = new PagedList({
  name: "search",
  order: "RELEVANCE",
  params: (args: SearchArgs) => {
    const query = toLuceneQuery(args.text);
    const identifiers = identifiersIn(args.text);
    if (query === null && Object.keys(identifiers).length === 0) return null;
    return { query, identifiers, kinds: args.kinds ?? ALL_KINDS };
  },
  spec: (order, params) => Q.SEARCH(Object.keys(params.identifiers), params.query !== null),
  node: (hit): SearchHit => ({ ...hit, outcome: hit.outcome && toOutcome(hit.outcome) }),
});
