import type { Executor, Row } from "../neo4j/executor";
import type { Label } from "../neo4j/graph-model";

/**
 * Runs a delete (`cypher`, taking $id) of the `label` node `id` in one write transaction, logging
 * in that transaction what it deleted and every row it changed around it (links to the deleted
 * nodes go). The one way a versioned entity is deleted.
 */
export function deleteLogged(executor: Executor, label: Label, id: string, cypher: string): Promise<Row[]> {
  return executor.write((tx) => {
    const run = () => tx.run(cypher, { id });
    return tx.history ? tx.history.around([{ label, ids: [id] }], run, "DELETE") : run();
  });
}
