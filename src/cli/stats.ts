import { MaturityLevel } from "../common/enums";
import { Executor } from "../neo4j/executor";
import { Label, Rel } from "../neo4j/graph-model";

export interface GraphStats {
  nodes: Record<string, number>;
  relationships: Record<string, number>;
  /** Territories by the level of their latest maturity assessment (unassessed ones are not counted). */
  territoriesByMaturity: Record<string, number>;
}

// Node count per label, from the count store (one UNION branch per label of the model). HistoryView is
// bookkeeping (which recorded state a view slot holds, src/history/view), left out as backups leave it out.
const NODE_COUNTS = Object.values(Label)
  .filter((label) => label !== Label.HistoryView)
  .map((label) => `MATCH (n:${label}) RETURN '${label}' AS name, count(n) AS count`)
  .join("\nUNION ALL\n");

// Relationship count per type.
const RELATIONSHIP_COUNTS = Object.values(Rel)
  .map((rel) => `MATCH ()-[r:${rel}]->() RETURN '${rel}' AS name, count(r) AS count`)
  .join("\nUNION ALL\n");

// Per maturity level: territories whose latest assessment (by assessedOn, then id) has it.
const TERRITORIES_BY_MATURITY = `MATCH (t:${Label.Territory})<-[:${Rel.ASSESSES}]-(m:${Label.MaturityAssessment})
WITH t, m ORDER BY m.assessedOn DESC, m.id DESC
WITH t, head(collect(m.level)) AS level
RETURN level AS name, count(t) AS count`;

const toRecord = (rows: { name: string; count: number }[]) => Object.fromEntries(rows.map((r) => [r.name, Number(r.count)]));

/** What the graph holds: nodes by label, relationships by type, territories by maturity level. */
export async function graphStats(executor: Executor): Promise<GraphStats> {
  const nodes = toRecord((await executor.read(NODE_COUNTS)) as { name: string; count: number }[]);
  const relationships = toRecord((await executor.read(RELATIONSHIP_COUNTS)) as { name: string; count: number }[]);
  const byLevel = toRecord((await executor.read(TERRITORIES_BY_MATURITY)) as { name: string; count: number }[]);
  const territoriesByMaturity = Object.fromEntries(Object.values(MaturityLevel).map((level) => [level, byLevel[level] ?? 0]));
  return { nodes, relationships, territoriesByMaturity };
}
