import { shapeOf } from "../scope/shape";
import { PagedField, PagedList } from "../neo4j/paging";
import { toOutcome } from "../outcome/outcome.repository";
import { toAssessment } from "../maturity/maturity.repository";
import { Fact } from "./fact.type";
import { FactListArgs } from "./provenance.args";
import * as Q from "./provenance.cypher";

/** A row of FACT_MAP → a Fact (outcomes and assessments mapped as their own repositories do). */
function toFact(row: any): Fact {
  return { ...row, outcome: row.outcome && toOutcome(row.outcome), maturityAssessment: toAssessment(row.maturityAssessment) };
}

const kinds = (args: FactListArgs) => ({ kinds: args.kinds ?? null });

/** The paged lists of facts, each declared once (see neo4j/paging.ts), by kind then id. */
export const FACT_PAGES = {
  /** `Source.supports`: the facts citing the source; its count with kinds null is `Source.supportCount`. */
  supports: new PagedField({ name: "Source.supports", order: "KIND", params: kinds, spec: (order, shape) => Q.SUPPORTS(shape), node: toFact }),

  /** `factsWithoutSource`, for provenance audits. */
  withoutSource: new PagedList({ name: "factsWithoutSource", order: "KIND", params: kinds, spec: (order, params) => Q.FACTS_WITHOUT_SOURCE(shapeOf(params)), node: toFact }),
};
