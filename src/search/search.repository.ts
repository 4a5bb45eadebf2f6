import { Executor } from "../neo4j/executor";

/** The only code that runs Cypher for full-text search. */
export class SearchRepository {
  constructor(private readonly executor: Executor) {}
}
