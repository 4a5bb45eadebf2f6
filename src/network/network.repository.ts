import { Executor } from "../neo4j/executor";

/** The only code that runs Cypher for network subgraphs (visualisation). */
export class NetworkRepository {
  constructor(private readonly executor: Executor) {}
}
