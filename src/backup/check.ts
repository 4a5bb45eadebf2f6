import { GraphChecksum, nodeDigest, relationshipDigest } from "./checksum";
import { BACKUP_FORMAT, BackupHeader, BackupTrailer, readBackupLines } from "./format";
import { countsDifference, GraphCounts } from "./scan";
import { isKnownPropertyType, Property } from "./values";

/** A backup file that cannot be trusted or loaded; the message says why and what to do. */
export class BackupError extends Error {
  override name = "BackupError";
}

export interface CheckedBackup {
  header: BackupHeader;
  trailer: BackupTrailer;
  /** Labels and relationship types the file holds. */
  labels: Set<string>;
  types: Set<string>;
}

const DAMAGED = "Use an intact copy of the backup, or take a new one with `maillage backup`.";

/**
 * Reads a whole backup file and proves it intact: header first with a known format, nodes then
 * relationships whose ends exist, a trailer last, counts equal to the header's, and the checksum
 * recomputed from the content equal to the trailer's. Memory: 32 bytes per node.
 */
export async function checkBackupFile(path: string, progress?: (done: number, total: number) => void): Promise<CheckedBackup> {
  let header: BackupHeader | undefined;
  let trailer: BackupTrailer | undefined;
  const digests: Buffer[] = [];
  const checksum = new GraphChecksum();
  const counts: GraphCounts = { nodes: {}, relationships: {}, totalNodes: 0, totalRelationships: 0 };
  const fail = (line: number, what: string): never => {
    throw new BackupError(`${path}, line ${line}: ${what}. ${DAMAGED}`);
  };
  try {
    for await (const [line, content] of readBackupLines(path)) {
      if (trailer) fail(line, "content after the trailer");
      if ("header" in content) {
        if (line !== 1) fail(line, "a second header");
        header = content.header;
        if (header.format !== BACKUP_FORMAT) fail(line, `format "${header.format}" is not the one this Maillage reads ("${BACKUP_FORMAT}")`);
        continue;
      }
      if (!header) fail(line, "no header on line 1 (is this a `maillage backup` file?)");
      const total = header!.counts.totalNodes + header!.counts.totalRelationships;
      if ("node" in content) {
        const { n, labels, props } = content.node;
        if (counts.totalRelationships > 0) fail(line, "a node after the relationships");
        if (n !== digests.length) fail(line, `node number ${n} where ${digests.length} was expected`);
        checkProperties(props, (what) => fail(line, what));
        const digest = nodeDigest(labels, props);
        digests.push(digest);
        checksum.addNode(digest);
        counts.totalNodes++;
        for (const label of labels) counts.nodes[label] = (counts.nodes[label] ?? 0) + 1;
      } else if ("relationship" in content) {
        const { type, start, end, props } = content.relationship;
        if (!digests[start] || !digests[end]) fail(line, `a relationship between nodes ${start} and ${end}, which the file does not hold`);
        checkProperties(props, (what) => fail(line, what));
        checksum.addRelationship(relationshipDigest(type, digests[start], digests[end], props));
        counts.totalRelationships++;
        counts.relationships[type] = (counts.relationships[type] ?? 0) + 1;
      } else if ("trailer" in content) {
        trailer = content.trailer;
        continue;
      } else {
        fail(line, `an unknown line (${Object.keys(content).join(", ")})`);
      }
      const done = counts.totalNodes + counts.totalRelationships;
      if (done % 10_000 === 0) progress?.(done, total);
    }
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`${path} cannot be read: ${(error as Error).message}. ${DAMAGED}`);
  }
  if (!header) throw new BackupError(`${path} is empty. ${DAMAGED}`);
  if (!trailer) throw new BackupError(`${path} ends without its trailer: it was cut short (disk full, copy interrupted?). ${DAMAGED}`);
  const differences = countsDifference(counts, header.counts, ["file's content", "header"]);
  if (differences.length) throw new BackupError(`${path} does not hold what its header announces: ${differences.join("; ")}. ${DAMAGED}`);
  if (checksum.hex() !== trailer.sha256) {
    throw new BackupError(`${path} is damaged: its content's checksum is ${checksum.hex()}, its trailer says ${trailer.sha256}. ${DAMAGED}`);
  }
  progress?.(counts.totalNodes + counts.totalRelationships, counts.totalNodes + counts.totalRelationships);
  return { header, trailer, labels: new Set(Object.keys(counts.nodes)), types: new Set(Object.keys(counts.relationships)) };
}

function checkProperties(props: Property[], fail: (what: string) => never): void {
  if (!Array.isArray(props)) fail("properties that are not a list of [key, type, value]");
  for (const [key, type] of props) if (!isKnownPropertyType(type)) fail(`property "${key}" of type "${type}", which Neo4j does not store`);
}
