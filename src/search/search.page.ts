import { PagedList } from "../neo4j/paging";
import { toOutcome } from "../outcome/outcome.repository";
import { SearchArgs } from "./search.args";
import { SearchHit, SearchKind } from "./search.type";
import { toLuceneQuery } from "./search.query";
import * as Q from "./search.cypher";

const ALL_KINDS = Object.values(SearchKind);

/**
 * `search`, declared once (see neo4j/paging.ts): hits for what the user typed (`kinds`
 * null: all four), best first. Text with no word to look for ("&& ||") finds nothing.
 */
export const SEARCH_PAGE = new PagedList({
  name: "search",
  order: "RELEVANCE",
  params: (args: SearchArgs) => {
    const query = toLuceneQuery(args.text);
    return query === null ? null : { query, kinds: args.kinds ?? ALL_KINDS };
  },
  spec: () => Q.SEARCH,
  node: (hit): SearchHit => ({ ...hit, outcome: hit.outcome && toOutcome(hit.outcome) }),
});
