import { Connection } from "../../src/neo4j/connect";
import { Label } from "../../src/neo4j/graph-model";

const LABELS = [Label.Actor, Label.Alliance, Label.Membership, Label.Outcome, Label.Source, Label.MaturityAssessment];

// Every node an import test made (ids start with its prefix), maturity assessments included.
const DELETE_IMPORTED = `MATCH (n) WHERE any(l IN labels(n) WHERE l IN $labels) AND n.id STARTS WITH $prefix DETACH DELETE n`;

export async function deleteImported(connection: Connection, prefix: string): Promise<void> {
  await connection.executor.write((tx) => tx.run(DELETE_IMPORTED, { prefix, labels: LABELS }));
}

// Each node with the prefix: labels, properties, and its outgoing relationships as "TYPE->target key".
const SNAPSHOT = `MATCH (n) WHERE any(l IN labels(n) WHERE l IN $labels) AND n.id STARTS WITH $prefix
OPTIONAL MATCH (n)-[r]->(m)
WITH n, r, m ORDER BY type(r), coalesce(m.id, toString(m.number))
RETURN n.id AS id, labels(n) AS labels, properties(n) AS props,
  [x IN collect(type(r) + '->' + coalesce(m.id, toString(toInteger(m.number)))) WHERE x IS NOT NULL] AS links
ORDER BY id`;

/** The prefix's subgraph as plain data; `withTimestamps: false` drops createdAt/updatedAt. */
export async function snapshot(connection: Connection, prefix: string, withTimestamps = false): Promise<unknown[]> {
  const rows = await connection.executor.read(SNAPSHOT, { prefix, labels: LABELS });
  return rows.map((row) => {
    const { createdAt, updatedAt, ...props } = row.props;
    return { ...row, props: withTimestamps ? { ...props, createdAt, updatedAt } : props };
  });
}
