import { Executor } from "../neo4j/executor";

/** The only code that runs Cypher for paths between actors and shared partners. */
export class PathRepository {
  constructor(private readonly executor: Executor) {}
}
