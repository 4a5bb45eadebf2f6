import { Executor } from "../neo4j/executor";

/** The only code that runs Cypher for Observatoire-style statistics. */
export class StatisticsRepository {
  constructor(private readonly executor: Executor) {}
}
