import { Executor } from "../neo4j/executor";
import { MIGRATION_LABEL } from "../neo4j/migrate";
import { Label } from "../neo4j/graph-model";
import { IS_VIEW_NODE } from "../history/view/view-settings";
import { GraphChecksum, nodeDigest, relationshipDigest } from "./checksum";
import { ENCODED_PROPERTIES, Property, toFileProperties } from "./values";

/** Nodes per label and relationships per type (a node with two labels counts in both). */
export interface GraphCounts {
  nodes: Record<string, number>;
  relationships: Record<string, number>;
  totalNodes: number;
  totalRelationships: number;
}

/** A node as a backup holds it: `ordinal` (its rank in the scan) stands for it in relationships. */
export interface BackupNode {
  n: number;
  labels: string[];
  props: Property[];
}

export interface BackupRelationship {
  type: string;
  start: number;
  end: number;
  props: Property[];
}

export interface ScanVisitor {
  /** Called once the counts are known, before the first node. */
  start?(counts: GraphCounts): void | Promise<void>;
  node?(node: BackupNode): void | Promise<void>;
  relationship?(relationship: BackupRelationship): void | Promise<void>;
  /** Awaited every PROGRESS_EVERY elements: `done` of `total` nodes then relationships. */
  progress?(done: number, total: number): void | Promise<void>;
}

export interface ScannedGraph {
  counts: GraphCounts;
  checksum: string;
  /** Whether no transaction committed between the start and the end of the scan (equal bookmarks). */
  consistent: boolean;
}

const PROGRESS_EVERY = 1_000;

// Migration nodes are left out: restore applies the migrations itself. So are recorded views
// (src/history/view): copies rebuilt on demand from the change log, which the backup holds.
const NOT_BOOKKEEPING = (x: string) => `NOT ${x}:${MIGRATION_LABEL} AND NOT ${x}:${Label.HistoryView} AND NOT ${IS_VIEW_NODE(x)}`;

// Nodes per label, plus the total under the name null.
const NODE_COUNTS = `MATCH (n) WHERE ${NOT_BOOKKEEPING("n")}
CALL (n) { UNWIND labels(n) AS label RETURN label UNION ALL RETURN null AS label }
RETURN label, count(*) AS count`;

// Relationships per type.
const RELATIONSHIP_COUNTS = `MATCH (a)-[r]->(b) WHERE ${NOT_BOOKKEEPING("a")} AND ${NOT_BOOKKEEPING("b")}
RETURN type(r) AS type, count(*) AS count`;

// Every node with its labels and lossless properties.
const NODES = `MATCH (n) WHERE ${NOT_BOOKKEEPING("n")}
RETURN elementId(n) AS id, labels(n) AS labels, ${ENCODED_PROPERTIES("n")} AS props`;

// Every relationship with its ends' element ids (mapped to node ordinals by the scan).
const RELATIONSHIPS = `MATCH (a)-[r]->(b) WHERE ${NOT_BOOKKEEPING("a")} AND ${NOT_BOOKKEEPING("b")}
RETURN elementId(a) AS start, elementId(b) AS end, type(r) AS type, ${ENCODED_PROPERTIES("r")} AS props`;

/** Counts of the graph as the database holds it now; the bookmark names the last committed transaction. */
export async function countGraph(executor: Executor): Promise<{ counts: GraphCounts; bookmark: string }> {
  const counts: GraphCounts = { nodes: {}, relationships: {}, totalNodes: 0, totalRelationships: 0 };
  const bookmark = await executor.readEach(NODE_COUNTS, {}, (row) => {
    if (row.label === null) counts.totalNodes = row.count;
    else counts.nodes[row.label] = row.count;
  }, { timeoutMs: 0 });
  for (const row of await executor.read(RELATIONSHIP_COUNTS, {}, { timeoutMs: 0 })) {
    counts.relationships[row.type] = row.count;
    counts.totalRelationships += row.count;
  }
  return { counts, bookmark };
}

/**
 * Reads the whole graph (nodes, then relationships), streaming each element to `visit` and
 * computing counts and checksum as it goes. Neo4j reads are read-committed, so a long scan is
 * not a snapshot by itself: it is one when the bookmark (the last committed transaction) is
 * the same before the counts and after the last relationship, which `consistent` reports.
 */
export async function scanGraph(executor: Executor, visit: ScanVisitor = {}): Promise<ScannedGraph> {
  const { counts: expected, bookmark: before } = await countGraph(executor);
  const counts: GraphCounts = { nodes: {}, relationships: {}, totalNodes: 0, totalRelationships: 0 };
  const checksum = new GraphChecksum();
  await visit.start?.(expected);
  const total = expected.totalNodes + expected.totalRelationships;
  let done = 0;
  const tick = async () => {
    if (++done % PROGRESS_EVERY === 0) await visit.progress?.(done, total);
  };
  // element id → [ordinal, digest]: relationships name their ends by ordinal, and digest them by content.
  const seen = new Map<string, [number, Buffer]>();
  await executor.readEach(NODES, {}, async (row) => {
    const node: BackupNode = { n: counts.totalNodes++, labels: row.labels, props: toFileProperties(row.props) };
    for (const label of node.labels) counts.nodes[label] = (counts.nodes[label] ?? 0) + 1;
    const digest = nodeDigest(node.labels, node.props);
    seen.set(row.id, [node.n, digest]);
    checksum.addNode(digest);
    await visit.node?.(node);
    await tick();
  }, { timeoutMs: 0 });
  let vanished = false;
  const after = await executor.readEach(RELATIONSHIPS, {}, async (row) => {
    const start = seen.get(row.start);
    const end = seen.get(row.end);
    if (!start || !end) return void (vanished = true); // a node created after the node scan: the bookmarks differ too
    const relationship: BackupRelationship = { type: row.type, start: start[0], end: end[0], props: toFileProperties(row.props) };
    counts.relationships[row.type] = (counts.relationships[row.type] ?? 0) + 1;
    counts.totalRelationships++;
    checksum.addRelationship(relationshipDigest(relationship.type, start[1], end[1], relationship.props));
    await visit.relationship?.(relationship);
    await tick();
  }, { timeoutMs: 0 });
  await visit.progress?.(total, total);
  const consistent = before === after && !vanished && sameCounts(counts, expected);
  return { counts, checksum: checksum.hex(), consistent };
}

/** Whether two countings agree, label by label and type by type. */
export function sameCounts(a: GraphCounts, b: GraphCounts): boolean {
  return countsDifference(a, b).length === 0;
}

/** "Actor: 3023 in the file, 3022 in the database"-style lines for every count that differs. */
export function countsDifference(a: GraphCounts, b: GraphCounts, names = ["first", "second"]): string[] {
  const lines: string[] = [];
  const compare = (kind: string, x: Record<string, number>, y: Record<string, number>) => {
    for (const key of new Set([...Object.keys(x), ...Object.keys(y)])) {
      if ((x[key] ?? 0) !== (y[key] ?? 0)) lines.push(`${kind} ${key}: ${x[key] ?? 0} in the ${names[0]}, ${y[key] ?? 0} in the ${names[1]}`);
    }
  };
  compare("nodes", { all: a.totalNodes, ...a.nodes }, { all: b.totalNodes, ...b.nodes });
  compare("relationships", { all: a.totalRelationships, ...a.relationships }, { all: b.totalRelationships, ...b.relationships });
  return lines;
}
