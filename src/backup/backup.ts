import { readFileSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { PROJECT_ROOT } from "../common/paths";
import { Executor } from "../neo4j/executor";
import { MIGRATION_LABEL } from "../neo4j/migrate";
import { BackupError, checkBackupFile } from "./check";
import { BACKUP_FORMAT, BackupHeader, BackupTrailer, BackupWriter } from "./format";
import { scanGraph } from "./scan";

/** Stage name, then `done` of `total` elements (nodes + relationships). */
export type StageProgress = (stage: string, done: number, total: number) => void | Promise<void>;

export interface BackupOptions {
  /** Scans tried before giving up when writes keep landing during the scan. */
  attempts: number;
  progress?: StageProgress;
}

export interface BackupResult {
  header: BackupHeader;
  trailer: BackupTrailer;
  attempts: number;
}

const MIGRATIONS = `MATCH (m:${MIGRATION_LABEL}) RETURN m.id AS id, m.checksum AS checksum ORDER BY m.id`;
const NEO4J_VERSION = "CALL dbms.components() YIELD name, versions, edition RETURN versions[0] + ' ' + edition AS version";

/**
 * Writes a consistent, verified snapshot of the whole database to `path` (gzip'd JSON Lines, see
 * format.ts), over Bolt only, so the same for the embedded Neo4j, a server or a cluster.
 * Consistent: the scan is kept only if no transaction committed while it ran (scan.ts); otherwise
 * it is retried, up to `attempts` times. Verified: the file is read back and its checksum recomputed
 * before it replaces `path` (written as `path.partial` until then).
 */
export async function backup(executor: Executor, path: string, options: BackupOptions): Promise<BackupResult> {
  const partial = `${path}.partial`;
  const migrations = (await executor.read(MIGRATIONS)) as BackupHeader["migrations"];
  const [{ version }] = await executor.read(NEO4J_VERSION);
  for (let attempt = 1; attempt <= options.attempts; attempt++) {
    const writer = new BackupWriter(partial);
    let header: BackupHeader | undefined;
    const scanned = await scanGraph(executor, {
      start: async (counts) => {
        header = { format: BACKUP_FORMAT, maillageVersion: maillageVersion(), neo4jVersion: version, createdAt: new Date().toISOString(), counts, migrations };
        await writer.write({ header });
      },
      node: (node) => writer.write({ node }),
      relationship: (relationship) => writer.write({ relationship }),
      progress: (done, total) => options.progress?.(attempt === 1 ? "backup" : `backup (attempt ${attempt})`, done, total),
    }).catch(async (error) => {
      await writer.close().catch(() => undefined);
      rmSync(partial, { force: true });
      throw error;
    });
    const trailer: BackupTrailer = { nodes: scanned.counts.totalNodes, relationships: scanned.counts.totalRelationships, sha256: scanned.checksum };
    await writer.write({ trailer });
    await writer.close();
    if (!scanned.consistent) {
      rmSync(partial, { force: true });
      continue;
    }
    const checked = await checkBackupFile(partial, (done, total) => options.progress?.("verify", done, total));
    if (checked.trailer.sha256 !== scanned.checksum) throw new BackupError(`${partial} does not read back as written; check the disk and run the backup again.`);
    renameSync(partial, path);
    return { header: header!, trailer, attempts: attempt };
  }
  throw new BackupError(
    `the database changed during each of ${options.attempts} scans (transactions committed while reading), so no consistent snapshot was written. ` +
      "Run the backup when nothing writes: at a quiet moment, or with the API switched to read-only mode meanwhile; or raise --attempts.",
  );
}

function maillageVersion(): string {
  return JSON.parse(readFileSync(join(PROJECT_ROOT, "package.json"), "utf8")).version;
}
