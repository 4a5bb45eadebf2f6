import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { Executor, WriteTx } from "../neo4j/executor";
import type { ChangeHow } from "../history/change-log";
import { RunQuery } from "../neo4j/references";
import { ENTITIES, Entity, entityOfFile } from "./entities";
import { UPSERT_BY_ENTITY } from "./import.cypher";
import { cypherRow } from "./import.params";
import { ReferenceChecker, ResolvedRow } from "./import.references";
import { checkUniqueIdentifiers } from "./import.unique";
import { validateRows, ValidateOptions } from "./import.validate";
import { Transcoding } from "./decode";
import { CsvDialect } from "./csv-dialect";
import { decodeCsv, Normalisation, readCsvRows } from "./read-csv";
import { decodeJson, readJsonRows } from "./read-json";
import { ImportFileError, ImportRow, Rejection } from "./rows";

export interface ImportOptions {
  /** Rows per write transaction (default 5000). */
  batchSize?: number;
  /** Source cited by rows that give no sourceIds (`--source`). */
  defaultSourceId?: string;
  /** Told the number of rows to write, then each batch written. */
  onProgress?: (written: number, total: number) => void;
  /** Called before each batch's transaction; throwing stops the import there (tests simulate a crash with it). */
  beforeBatch?: (entity: Entity, batchIndex: number) => void | Promise<void>;
}

export interface WriteCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface ImportResult {
  rowsRead: number;
  imported: Record<Entity, WriteCounts>;
  rejected: Rejection[];
  /** Rows rejected (a row with three bad fields counts once). */
  rowsRejected: number;
  /** CSV files that were not UTF-8 and were read as Windows-1252 (rows given directly: none). */
  transcoded: Transcoding[];
  /** How each CSV file was written (separator, encoding, BOM, line ends); rows given directly: none. */
  csv: CsvDialect[];
  /** Cells read into the API's forms (decimal commas, grouped SIRENs, dd/mm/yyyy dates…), per file and column. */
  normalised: Normalisation[];
  ms: number;
  /** Where the time went: validation, identifier and reference checks, and the writes of each entity. */
  phaseMs: PhaseMs;
}

export interface PhaseMs {
  validation: number;
  uniqueIdentifiers: number;
  references: number;
  writes: Record<Entity, number>;
}

export const DEFAULT_BATCH_SIZE = 5000;

/**
 * Reads an input file: JSON (an import document) or CSV (one entity, named by the file —
 * `actors.csv` … `maturity.csv` — or by `entity`), decoded strictly (read-json, read-csv):
 * its rows, and how a CSV that was not UTF-8 was read.
 */
export function readInputFile(path: string, entity?: Entity, delimiter?: string): InputFile {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new ImportFileError(path, `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  if (/\.json$/i.test(path)) return { rows: readJsonRows(path, decodeJson(path, bytes)), sha256 };
  const csvEntity = entity ?? entityOfFile(path);
  if (!/\.csv$/i.test(path) || !csvEntity) {
    throw new ImportFileError(path, `is neither a .json document nor a CSV named ${ENTITIES.map((e) => e === "maturityAssessments" ? "maturity.csv" : `${e}.csv`).join(", ")} (or give --entity)`);
  }
  const { text, bom, transcoding } = decodeCsv(path, bytes);
  const { rows, dialect, normalised } = readCsvRows(path, text, csvEntity, { delimiter, bom, encoding: transcoding ? "Windows-1252" : "UTF-8" });
  return { rows, transcoding, sha256, dialect, normalised };
}

/** A file read: its rows, and for a CSV how it was written and which cells were read into the API's forms. */
export interface InputFile {
  rows: ImportRow[];
  transcoding?: Transcoding;
  sha256: string;
  dialect?: CsvDialect;
  normalised?: Normalisation[];
}

/** Reads every file (one that cannot be read stops it all before any write), then validates and imports them together (a membership CSV may refer to the alliances CSV). */
export async function importFiles(executor: Executor, paths: string[], options: ImportOptions & { entity?: Entity; delimiter?: string } = {}): Promise<ImportResult> {
  const files = paths.map((path) => readInputFile(path, options.entity, options.delimiter));
  // Its writes are recorded as this import: the files, and the SHA-256 of each as read.
  const caller = { kind: "import" as const, id: paths.join(", "), sha256: files.map((file) => file.sha256) };
  const result = await importRows(executor.forRequest(caller), files.flatMap((file) => file.rows), options);
  return {
    ...result,
    transcoded: files.flatMap((file) => (file.transcoding ? [file.transcoding] : [])),
    csv: files.flatMap((file) => (file.dialect ? [file.dialect] : [])),
    normalised: files.flatMap((file) => file.normalised ?? []),
  };
}

/**
 * Validates rows, checks their references against themselves and the database, then
 * upserts the accepted ones entity by entity, in transactions of `batchSize` rows
 * (`UNWIND $rows`), checking the next entity while one is written. A batch is written
 * whole or not at all; a stopped import re-run writes the same rows again, which changes
 * nothing for those already written.
 */
export async function importRows(executor: Executor, rows: ImportRow[], options: ImportOptions = {}): Promise<ImportResult> {
  const started = Date.now();
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error(`batch size must be a positive integer; got ${batchSize}`);
  const checks = new RowChecks(executor.read.bind(executor), rows, options);
  const how: ChangeHow = executor.caller?.kind === "seed" ? "SEED" : "IMPORT";
  const writes = Object.fromEntries(ENTITIES.map((e) => [e, 0])) as Record<Entity, number>;
  const imported = Object.fromEntries(ENTITIES.map((e) => [e, { created: 0, updated: 0, unchanged: 0 }])) as Record<Entity, WriteCounts>;
  let total = rows.length;
  let written = 0;
  options.onProgress?.(0, total);
  let next: Promise<ResolvedRow[]> | undefined = checks.check(ENTITIES[0]);
  for (let i = 0; i < ENTITIES.length; i++) {
    const entity = ENTITIES[i];
    const entityRows = await next!;
    // The next entity is checked while this one is written (its rows refer only to accepted rows of earlier entities).
    next = i + 1 < ENTITIES.length ? checks.check(ENTITIES[i + 1]) : undefined;
    next?.catch(() => undefined); // awaited on the next turn; a failed write below must not leave it unhandled
    total = rows.length - checks.rowsRejected;
    const entityStarted = Date.now();
    for (let start = 0, batchIndex = 0; start < entityRows.length; start += batchSize, batchIndex++) {
      await options.beforeBatch?.(entity, batchIndex);
      const batch = entityRows.slice(start, start + batchSize);
      const counts = await executor.write((tx) => writeBatch(tx, entity, batch, how));
      for (const key of ["created", "updated", "unchanged"] as const) imported[entity][key] += counts[key];
      written += batch.length;
      options.onProgress?.(written, total);
    }
    writes[entity] = Date.now() - entityStarted;
  }
  const rejected = checks.rejected();
  const rowsRejected = new Set(rejected.map(rowOf)).size;
  return { rowsRead: rows.length, imported, rejected, rowsRejected, transcoded: [], csv: [], normalised: [], ms: Date.now() - started, phaseMs: { ...checks.ms, writes } };
}

/** The row a rejection is about (its file and line, or its pointer "/actors/3"): a row with three bad fields counts once. */
const rowOf = (r: Rejection) => `${r.file}\u0000${r.line ?? r.pointer?.split("/").slice(0, 3).join("/")}`;

/**
 * Validates rows (their input class's rules), then checks identifiers and references
 * with `run` (reads, or the caller's write transaction): the rows to write and why the others are not.
 */
export async function checkRows(
  run: RunQuery,
  rows: ImportRow[],
  options: ValidateOptions = {},
): Promise<{ accepted: ResolvedRow[]; rejected: Rejection[]; ms: Omit<PhaseMs, "writes"> }> {
  const checks = new RowChecks(run, rows, options);
  const accepted: ResolvedRow[] = [];
  for (const entity of ENTITIES) accepted.push(...(await checks.check(entity)));
  return { accepted, rejected: checks.rejected(), ms: checks.ms };
}

/**
 * The checks of one import's rows, one entity at a time in write order: validation, unique
 * identifiers, references. Rejections are listed as if each check ran over every row in turn.
 */
class RowChecks {
  readonly ms = { validation: 0, uniqueIdentifiers: 0, references: 0 };
  private readonly references: ReferenceChecker;
  private readonly rejections = { validation: [] as Rejection[], uniqueIdentifiers: [] as Rejection[], references: [] as Rejection[] };
  private readonly rejectedRows = new Set<string>();

  constructor(
    private readonly run: RunQuery,
    private readonly rows: ImportRow[],
    private readonly options: ValidateOptions,
  ) {
    this.references = new ReferenceChecker(run);
  }

  /** Checks the rows of `entity` (every earlier entity checked already): those to write. */
  async check(entity: Entity): Promise<ResolvedRow[]> {
    const t0 = Date.now();
    const validated = await validateRows(this.rows.filter((row) => row.entity === entity), this.options);
    const t1 = Date.now();
    const unique = await checkUniqueIdentifiers(this.run, validated.valid);
    const t2 = Date.now();
    this.references.noteRejected([...validated.rejected, ...unique.rejected]);
    const checked = await this.references.check(entity, unique.valid);
    this.ms.validation += t1 - t0;
    this.ms.uniqueIdentifiers += t2 - t1;
    this.ms.references += Date.now() - t2;
    this.rejections.validation.push(...validated.rejected);
    this.rejections.uniqueIdentifiers.push(...unique.rejected);
    this.rejections.references.push(...checked.rejected);
    for (const r of [...validated.rejected, ...unique.rejected, ...checked.rejected]) this.rejectedRows.add(rowOf(r));
    return checked.accepted;
  }

  /** How many rows were rejected so far. */
  get rowsRejected(): number {
    return this.rejectedRows.size;
  }

  rejected(): Rejection[] {
    return [...this.rejections.validation, ...this.rejections.uniqueIdentifiers, ...this.rejections.references];
  }
}

/** What writeBatch needs of a write transaction: to run Cypher, and its history (null: a history view's copy). */
export type BatchTx = Pick<WriteTx, "run" | "history">;

/**
 * Writes checked rows of one entity in the caller's write transaction: finds which rows are
 * stored and which of those differ, creates the new ones and rewrites the changed ones (at most
 * four statements), so rows already stored as given cost two reads.
 */
export async function writeBatch(tx: BatchTx, entity: Entity, batch: ResolvedRow[], how: ChangeHow): Promise<WriteCounts> {
  const run = tx.run.bind(tx);
  const history = tx.history;
  await history?.takeClock(); // before reading what is stored, so the rows logged as "before" are what this write replaces
  const upsert = UPSERT_BY_ENTITY[entity];
  const rows = batch.map(cypherRow);
  const [{ stored: storedIds }] = await run(upsert.existing, { ids: rows.map((row) => row.id) });
  const stored = new Set(storedIds as string[]);
  const newRows = rows.filter((row) => !stored.has(row.id as string));
  const [{ changed }] = stored.size > 0 ? await run(upsert.changes, { rows: rows.filter((row) => stored.has(row.id as string)) }) : [{ changed: [] }];
  const changedIds = new Set(changed as string[]);
  const changedRows = rows.filter((row) => changedIds.has(row.id as string));
  const before = history ? await history.rows(entity, [...changedIds]) : undefined;
  if (newRows.length > 0) await run(upsert.create, { rows: newRows });
  if (changedRows.length > 0) await run(upsert.update, { rows: changedRows });
  if (history && newRows.length + changedRows.length > 0) {
    const written = [...newRows, ...changedRows].map((row) => row.id as string);
    await history.record([{ entity, before: before!, after: await history.rows(entity, written) }], how);
  }
  return { created: newRows.length, updated: changedRows.length, unchanged: stored.size - changedRows.length };
}
