import { Page, PagePlan, toPage } from "../common/connection";
import { byShape, shapeOf } from "../scope/shape";
import { Executor } from "../neo4j/executor";
import { BatchPageKey, countQuery, pageParams, pageQuery, PageRow, runBatchCounts, runBatchPages } from "../neo4j/paging";
import { toOutcome } from "../outcome/outcome.repository";
import { toAssessment } from "../maturity/maturity.repository";
import { Fact, FactKind } from "./fact.type";
import * as Q from "./provenance.cypher";

/** A row of FACT_MAP → a Fact (outcomes and assessments mapped as their own repositories do). */
function toFact(row: any): Fact {
  return { ...row, outcome: row.outcome && toOutcome(row.outcome), maturityAssessment: toAssessment(row.maturityAssessment) };
}

const toFactRows = (rows: PageRow<object>[]): PageRow<Fact>[] => rows.map((row) => ({ ...row, node: toFact(row.node) }));

/** The only code that runs Cypher for provenance questions (what a source supports, facts without a source). */
export class ProvenanceRepository {
  private readonly read: Executor["read"];

  constructor(private readonly executor: Executor) {
    this.read = executor.read.bind(executor);
  }

  /** For each key {id, kinds, page…}, one page of the facts citing source `id`. */
  async supportsOf(keys: readonly BatchPageKey[]): Promise<PageRow<Fact>[][]> {
    return (await byShape(keys, (group, shape) => runBatchPages<object>(this.read, () => Q.SUPPORTS(shape), group))).map(toFactRows);
  }

  /** For each key {id, kinds}, how many facts cite source `id`. */
  countSupportsOf(keys: readonly object[]): Promise<number[]> {
    return byShape(keys, (group, shape) => runBatchCounts(this.read, Q.SUPPORTS(shape), group));
  }

  /** One page of the facts citing no source; `totalCount` runs its query only when asked. */
  async withoutSource(kinds: FactKind[] | null, plan: PagePlan): Promise<Page<Fact>> {
    const spec = Q.FACTS_WITHOUT_SOURCE(shapeOf({ kinds }));
    const rows = await this.read(pageQuery(spec, plan), { kinds, ...pageParams(plan) });
    const count = async () => (await this.read(countQuery(spec), { kinds }))[0].total;
    return toPage(toFactRows(rows as PageRow<object>[]), plan, count);
  }
}
