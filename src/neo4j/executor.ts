import { Driver, ManagedTransaction, Neo4jError, RecordShape } from "neo4j-driver";
import { BadUserInputError, ServiceUnavailableError } from "../common/errors";
import { toPlain } from "./values";

export type Params = Record<string, unknown>;
export type Row = Record<string, any>;

/**
 * The only place that opens sessions. Reads go to read transactions and writes to
 * write transactions (so a cluster routes them right); every call closes its session.
 * Each executor counts its Cypher round trips: the context makes one per request,
 * which lets tests check that loaders batch.
 *
 * Usage:
 *   const rows = await executor.read(CYPHER, { id });
 *   await executor.write(async (tx) => { await tx.run(A, p); await tx.run(B, p); });
 */
export class Executor {
  roundTrips = 0;

  constructor(
    readonly driver: Driver,
    readonly database: string | undefined,
  ) {}

  /** A new executor on the same driver with its own round-trip count (one per request). */
  forRequest(): Executor {
    return new Executor(this.driver, this.database);
  }

  /** Runs one read query and returns its records as plain objects. */
  async read(cypher: string, params: Params = {}): Promise<Row[]> {
    this.roundTrips++;
    const session = this.driver.session({ database: this.database, defaultAccessMode: "READ" });
    try {
      const records = await session.executeRead((tx) => tx.run(cypher, params).then((r) => r.records));
      return records.map((record) => toPlain(record.toObject()));
    } catch (error) {
      throw mapDriverError(error);
    } finally {
      await session.close();
    }
  }

  /**
   * Runs `work` in one write transaction: everything it writes commits together or
   * not at all. Throwing inside `work` (e.g. a BadUserInputError after a failed check)
   * rolls the whole transaction back. The driver may retry `work` on transient
   * errors, so it must be idempotent (our writes MERGE on ids).
   */
  async write<T>(work: (tx: WriteTx) => Promise<T>): Promise<T> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: "WRITE" });
    try {
      return await session.executeWrite((tx) => work(new WriteTx(tx, this)));
    } catch (error) {
      throw mapDriverError(error);
    } finally {
      await session.close();
    }
  }
}

/** A write transaction that counts its round trips and returns plain rows. */
export class WriteTx {
  constructor(
    private readonly tx: ManagedTransaction,
    private readonly executor: Executor,
  ) {}

  async run(cypher: string, params: Params = {}): Promise<Row[]> {
    this.executor.roundTrips++;
    const result = await this.tx.run<RecordShape>(cypher, params);
    return result.records.map((record) => toPlain(record.toObject()));
  }
}

const UNAVAILABLE_CODES = new Set(["ServiceUnavailable", "SessionExpired", "Neo.TransientError.General.DatabaseUnavailable"]);

/** Driver errors → domain errors, in one place. Unknown errors pass through (and get masked). */
export function mapDriverError(error: unknown): unknown {
  if (!(error instanceof Neo4jError)) return error;
  if (UNAVAILABLE_CODES.has(error.code)) return new ServiceUnavailableError();
  if (error.code === "Neo.ClientError.Schema.ConstraintValidationFailed") {
    // e.g. "Node(12) already exists with label `Actor` and property `siren` = '...'"
    const property = /property `(\w+)`/.exec(error.message)?.[1] ?? "input";
    return new BadUserInputError(`input.${property}`, "this value is already used by another record");
  }
  return error;
}
