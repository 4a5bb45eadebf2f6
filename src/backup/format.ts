import { createReadStream, createWriteStream } from "node:fs";
import { once } from "node:events";
import { pipeline } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import { createGunzip, createGzip } from "node:zlib";
import { finished } from "node:stream/promises";
import { BackupNode, BackupRelationship, GraphCounts } from "./scan";

/**
 * A backup file: gzip'd JSON Lines.
 *   line 1      {"header": BackupHeader}
 *   then        {"node": BackupNode} …            (n: ordinal, labels, props as [key, type, value])
 *   then        {"relationship": BackupRelationship} …   (start/end: node ordinals)
 *   last line   {"trailer": BackupTrailer}
 */
export const BACKUP_FORMAT = "maillage-backup/1";

export interface BackupHeader {
  format: string;
  maillageVersion: string;
  neo4jVersion: string;
  createdAt: string;
  counts: GraphCounts;
  migrations: { id: string; checksum: string }[];
}

export interface BackupTrailer {
  nodes: number;
  relationships: number;
  /** GraphChecksum of the content: the same for the same graph whatever the order it was read in. */
  sha256: string;
}

export type BackupLine = { header: BackupHeader } | { node: BackupNode } | { relationship: BackupRelationship } | { trailer: BackupTrailer };

/** Writes lines to a gzip'd file, honouring back-pressure; `close()` resolves once the file is complete on disk. */
export class BackupWriter {
  private readonly gzip = createGzip();
  private readonly done: Promise<void>;
  private failure: Error | undefined;

  constructor(readonly path: string) {
    const file = createWriteStream(path);
    this.gzip.pipe(file);
    // A file that cannot be written (no such folder, disk full) fails the next write, not the whole process.
    this.done = finished(file).catch((error: Error) => {
      this.failure = new Error(`cannot write ${path}: ${error.message}; check the --out path and the free space`);
      this.gzip.destroy();
    });
  }

  async write(line: BackupLine): Promise<void> {
    if (this.failure) throw this.failure;
    if (!this.gzip.write(`${JSON.stringify(line)}\n`)) await Promise.race([once(this.gzip, "drain"), this.done]);
  }

  async close(): Promise<void> {
    this.gzip.end();
    await this.done;
    if (this.failure) throw this.failure;
  }
}

/**
 * The lines of a backup file, parsed, with their line numbers. A missing file, a damaged gzip
 * stream or a line that is not JSON throws (the latter naming the line).
 */
export async function* readBackupLines(path: string): AsyncGenerator<[line: number, content: BackupLine]> {
  // pipeline() hands a failure of either stream to the iteration below (pipe() would leave it unhandled).
  const input = pipeline(createReadStream(path), createGunzip(), () => undefined);
  const decoder = new StringDecoder("utf8");
  let rest = "";
  let number = 0;
  for await (const chunk of input) {
    const lines = (rest + decoder.write(chunk)).split("\n");
    rest = lines.pop()!;
    for (const text of lines) yield [++number, parse(text, number)];
  }
  rest += decoder.end();
  if (rest) yield [++number, parse(rest, number)];
}

function parse(text: string, line: number): BackupLine {
  try {
    return JSON.parse(text) as BackupLine;
  } catch {
    throw new Error(`line ${line} is not JSON (${text.slice(0, 60)}…)`);
  }
}
