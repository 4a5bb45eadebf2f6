import { basename } from "node:path";
import neo4j from "neo4j-driver";
import { Executor } from "../neo4j/executor";
import { Label, Rel } from "../neo4j/graph-model";
import { migrate, MIGRATION_LABEL, readMigrations } from "../neo4j/migrate";
import { StageProgress } from "./backup";
import { BackupError, checkBackupFile } from "./check";
import { readBackupLines } from "./format";
import { BackupNode, BackupRelationship, countsDifference, scanGraph } from "./scan";
import { SET_DECODED_PROPERTIES, splitProperties } from "./values";

export interface RestoreOptions {
  /** Empty a non-empty database first (otherwise it is refused). */
  replace: boolean;
  /** Nodes or relationships per write transaction. */
  batchSize: number;
  progress?: StageProgress;
}

export interface RestoreResult {
  nodes: number;
  relationships: number;
  sha256: string;
}

const LABELS = new Set<string>(Object.values(Label));
const TYPES = new Set<string>(Object.values(Rel));

const NOT_EMPTY = `MATCH (n) WHERE NOT n:${MIGRATION_LABEL} RETURN count(n) AS count`;

// One batch of the emptying: nodes and their relationships, a batch per transaction so the heap holds one batch only.
const DELETE_BATCH = `MATCH (n) WHERE NOT n:${MIGRATION_LABEL} WITH n LIMIT $batch DETACH DELETE n RETURN count(*) AS deleted`;

// A batch of nodes with these labels (from the Label enum); returns each node's new element id by its ordinal.
const CREATE_NODES = (labels: string[]) => `UNWIND $rows AS row
CREATE (n${labels.map((label) => `:${label}`).join("")})
${SET_DECODED_PROPERTIES("n", "row")}
RETURN row.n AS n, elementId(n) AS id`;

// A batch of relationships of one type (from the Rel enum), between nodes found by their new element ids.
const CREATE_RELATIONSHIPS = (type: string) => `UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = row.start
MATCH (b) WHERE elementId(b) = row.end
CREATE (a)-[r:${type}]->(b)
${SET_DECODED_PROPERTIES("r", "row")}`;

/**
 * Loads a backup file into the database: checks the file (checksum, counts, labels and types
 * of the model only), refuses a non-empty database unless `replace` (then empties it in batches),
 * applies the migrations, loads nodes then relationships in batches, and finally recomputes
 * counts and checksum from the database and compares them with the file's.
 */
export async function restore(database: Executor, path: string, options: RestoreOptions): Promise<RestoreResult> {
  const file = await checkBackupFile(path, (done, total) => options.progress?.("check file", done, total));
  refuseUnknown(file.labels, file.types, file.header.migrations.map((m) => m.id));
  // Its writes are recorded as this restore: the file, and the checksum of the graph it holds.
  const executor = database.forRequest({ kind: "restore", id: basename(path), sha256: [file.trailer.sha256] });

  const [{ count }] = await executor.read(NOT_EMPTY);
  if (count > 0 && !options.replace) {
    throw new BackupError(
      `the database is not empty (${count} nodes); restore loads into an empty one. ` +
        "Pass --replace to delete everything in it first (irreversible: back it up before), or point NEO4J_URI / NEO4J_DATABASE at an empty database.",
    );
  }
  if (count > 0) await empty(executor, count, options);
  await migrate(executor);

  const total = file.trailer.nodes + file.trailer.relationships;
  const ids: string[] = new Array(file.trailer.nodes); // node ordinal in the file → element id in this database
  let done = 0;
  const flushNodes = async (batch: BackupNode[]) => {
    for (const [labels, group] of groupBy(batch, (node) => [...node.labels].sort().join(":"))) {
      const params = { rows: group.map((node) => ({ n: node.n, ...splitProperties(node.props) })) };
      const created = await executor.write((tx) => tx.run(CREATE_NODES(labels ? labels.split(":") : []), params), { timeoutMs: 0 });
      for (const row of created) ids[row.n] = row.id;
    }
    await options.progress?.("restore", (done += batch.length), total);
  };
  const flushRelationships = async (batch: BackupRelationship[]) => {
    for (const [type, group] of groupBy(batch, (relationship) => relationship.type)) {
      const rows = group.map((r) => ({ start: ids[r.start], end: ids[r.end], ...splitProperties(r.props) }));
      await executor.write((tx) => tx.run(CREATE_RELATIONSHIPS(type), { rows }), { timeoutMs: 0 });
    }
    await options.progress?.("restore", (done += batch.length), total);
  };
  let nodes: BackupNode[] = [];
  let relationships: BackupRelationship[] = [];
  for await (const [, line] of readBackupLines(path)) {
    if ("node" in line) nodes.push(line.node);
    // Every node is in before the first relationship (the file lists nodes first).
    if (nodes.length >= options.batchSize || ("relationship" in line && nodes.length > 0)) {
      await flushNodes(nodes);
      nodes = [];
    }
    if ("relationship" in line) relationships.push(line.relationship);
    if (relationships.length >= options.batchSize) {
      await flushRelationships(relationships);
      relationships = [];
    }
  }
  if (nodes.length > 0) await flushNodes(nodes);
  if (relationships.length > 0) await flushRelationships(relationships);

  const restored = await scanGraph(executor, { progress: (d, t) => options.progress?.("verify", d, t) });
  const differences = countsDifference(file.header.counts, restored.counts, ["file", "database"]);
  if (differences.length || restored.checksum !== file.trailer.sha256) {
    throw new BackupError(
      `the restored database differs from ${path}: ${differences.length ? differences.join("; ") : `checksum ${restored.checksum} instead of ${file.trailer.sha256}`}. ` +
        "Something else wrote to it meanwhile, or the load failed part-way: stop the writers and run `maillage restore --replace` again.",
    );
  }
  return { nodes: restored.counts.totalNodes, relationships: restored.counts.totalRelationships, sha256: restored.checksum };
}

/** Refuses labels and types outside the graph model (Cypher only ever names the enums' values), and newer migrations. */
function refuseUnknown(labels: Set<string>, types: Set<string>, migrations: string[]): void {
  const unknownLabels = [...labels].filter((label) => !LABELS.has(label));
  const unknownTypes = [...types].filter((type) => !TYPES.has(type));
  if (unknownLabels.length || unknownTypes.length) {
    const what = [
      unknownLabels.length ? `labels ${unknownLabels.map((l) => `"${l}"`).join(", ")}` : "",
      unknownTypes.length ? `relationship types ${unknownTypes.map((t) => `"${t}"`).join(", ")}` : "",
    ].filter(Boolean);
    throw new BackupError(
      `the file holds ${what.join(" and ")}, which this Maillage's graph model (src/neo4j/graph-model.ts) does not know; nothing was loaded. ` +
        `Restore it with the Maillage version that made it, or remove those elements from the database and back it up again.`,
    );
  }
  const known = new Set(readMigrations().map((migration) => migration.id));
  const newer = migrations.filter((id) => !known.has(id));
  if (newer.length) throw new BackupError(`the file was made after migrations ${newer.join(", ")}, which this Maillage does not have; restore it with a Maillage at least as recent.`);
}

/** Deletes every node (and relationship) but the migration records, a batch per transaction. */
async function empty(executor: Executor, count: number, options: RestoreOptions): Promise<void> {
  let deleted = 0;
  for (;;) {
    const [row] = await executor.write((tx) => tx.run(DELETE_BATCH, { batch: neo4j.int(options.batchSize) }), { timeoutMs: 0 });
    if (row.deleted === 0) return;
    await options.progress?.("empty database", (deleted += row.deleted), count);
  }
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
