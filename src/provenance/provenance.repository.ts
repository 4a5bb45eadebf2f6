import { Executor } from "../neo4j/executor";

/** The only code that runs Cypher for provenance questions (what a source supports, facts without a source). */
export class ProvenanceRepository {
  constructor(private readonly executor: Executor) {}
}
