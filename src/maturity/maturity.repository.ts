import { Executor } from "../neo4j/executor";

/** The only code that runs Cypher for maturity assessments. */
export class MaturityRepository {
  constructor(private readonly executor: Executor) {}
}
