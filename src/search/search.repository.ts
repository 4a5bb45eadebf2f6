import { Page, PagePlan, toPage } from "../common/connection";
import { Executor } from "../neo4j/executor";
import { countQuery, pageParams, pageQuery } from "../neo4j/paging";
import { toOutcome } from "../outcome/outcome.repository";
import { SearchHit, SearchKind } from "./search.type";
import { toLuceneQuery } from "./search.query";
import * as Q from "./search.cypher";

const ALL_KINDS = Object.values(SearchKind);

/** The only code that runs Cypher for full-text search. */
export class SearchRepository {
  private readonly read: Executor["read"];

  constructor(executor: Executor) {
    this.read = executor.read.bind(executor);
  }

  /**
   * One page of hits for what the user typed (`kinds` null: all four), best first; `totalCount`
   * runs its query only when asked. Text with no word to look for ("&& ||") finds nothing.
   */
  async page(text: string, kinds: SearchKind[] | null, plan: PagePlan): Promise<Page<SearchHit>> {
    const query = toLuceneQuery(text);
    if (query === null) return toPage([], plan, async () => 0);
    const params = { query, kinds: kinds ?? ALL_KINDS };
    const rows = await this.read(pageQuery(Q.SEARCH, plan), { ...params, ...pageParams(plan) });
    const hits = rows.map((row) => ({ ...row, node: { ...row.node, outcome: row.node.outcome && toOutcome(row.node.outcome) } }));
    return toPage(hits as { node: SearchHit; sortKey: unknown[] }[], plan, async () => (await this.read(countQuery(Q.SEARCH), params))[0].total);
  }
}
