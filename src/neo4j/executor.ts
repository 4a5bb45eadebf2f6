import { Driver, isRetryableError, ManagedTransaction, Neo4jError, RecordShape } from "neo4j-driver";
import { BadUserInputError, ServiceUnavailableError } from "../common/errors";
import { AvailabilityGate, RETRY_AFTER_S } from "./availability";
import type { Caller } from "./caller";
import { retryBudgetOf, transactionTimeoutOf } from "./driver";
import { toPlain } from "./values";
import { neo4jMetrics } from "../observability/metrics";
import { ChangeRecorder } from "../history/change-log";

export type Params = Record<string, unknown>;
export type Row = Record<string, any>;

/** Called after a write transaction commits, with whom it was made for (e.g. to drop caches; the change log is written inside the transaction, not here); must not throw. */
export type CommitListener = (caller: Caller) => void;

/** What an executor shares with every executor made from it by forRequest(). */
interface Shared {
  /** So a request's writes reach the root's listeners. */
  commitListeners: Set<CommitListener>;
  /** So one failure makes every request fail fast until Neo4j answers again. */
  gate: AvailabilityGate;
}

/**
 * The only place that opens sessions. Reads go to read transactions and writes to
 * write transactions (so a cluster routes them right); every call closes its session.
 * Each executor counts its Cypher round trips: the context makes one per request,
 * which lets tests check that loaders batch. Every transaction carries a timeout
 * (NEO4J_TX_TIMEOUT_MS unless the call gives its own), so Neo4j cuts a runaway query.
 * Every write has a caller (the viewer's credential, an import, a seed, a migration…): it
 * travels as transaction metadata and reaches commit listeners; a write without one throws.
 * While Neo4j is away or recovering, the availability gate refuses calls at once (503).
 *
 * Usage:
 *   const rows = await executor.read(CYPHER, { id });
 *   await executor.forRequest(caller).write(async (tx) => { await tx.run(A, p); await tx.run(B, p); });
 *   executor.onCommit((caller) => cache.clear());   // whoever caches reads listens; the executor knows no one
 */
/** Records converted per turn of the event loop: a 50k-row read (network analytics) would hold it for 200+ ms at once. */
const ROWS_PER_TURN = 5_000;

async function inTurns(records: { toObject(): unknown }[]): Promise<Row[]> {
  const rows: Row[] = [];
  for (let start = 0; start < records.length; start += ROWS_PER_TURN) {
    if (start > 0) await new Promise((resolve) => setImmediate(resolve));
    for (const record of records.slice(start, start + ROWS_PER_TURN)) rows.push(toPlain(record.toObject()));
  }
  return rows;
}

export class Executor {
  roundTrips = 0;

  constructor(
    readonly driver: Driver,
    readonly database: string | undefined,
    /** Milliseconds Neo4j lets each transaction run; 0: no limit. */
    readonly txTimeoutMs: number = transactionTimeoutOf(driver),
    /** Whom this executor's writes are made for; none: write() refuses to run. */
    readonly caller: Caller | undefined = undefined,
    protected readonly shared: Shared = { commitListeners: new Set(), gate: new AvailabilityGate(() => probe(driver, database)) },
    /** Whether writes log their changes to the history (src/history/change-log.ts); off only for derived copies (history views). */
    readonly recordsHistory: boolean = true,
  ) {}

  /**
   * A new executor on the same driver, listeners and availability gate, with its own round-trip
   * count (one per request, import, seed…) and `caller` (by default this one's; null: none, it cannot write).
   */
  forRequest(caller: Caller | null | undefined = this.caller): Executor {
    return new Executor(this.driver, this.database, this.txTimeoutMs, caller ?? undefined, this.shared, this.recordsHistory);
  }

  /** This executor, except that its writes log no history: for copies derived from the log itself (history views), never for facts. */
  withoutHistory(): Executor {
    return new Executor(this.driver, this.database, this.txTimeoutMs, this.caller, this.shared, false);
  }

  /** The change-log seq whose recorded state this executor reads (src/history/view); null: the live graph. */
  get recordedSeq(): number | null {
    return null;
  }

  /** Calls `listener` after each write transaction that commits (not after one that fails); adding it again is a no-op. */
  onCommit(listener: CommitListener): void {
    this.shared.commitListeners.add(listener);
  }

  /** Whether Neo4j is taken as available, and since when not (for /healthz). */
  get availability(): AvailabilityGate {
    return this.shared.gate;
  }

  /**
   * Runs one read query and returns its records as plain objects. One statement needs no
   * explicit transaction: it runs as an auto-commit transaction in a READ session (routed to
   * a reader on a cluster), which saves the BEGIN and COMMIT messages of a managed one —
   * measured: 40% less driver CPU per read and one network round trip fewer (bench/README.md,
   * "Levers tried for issue 12", 15). Retryable failures are retried as a managed transaction would be,
   * within the driver's retry budget.
   */
  async read(cypher: string, params: Params = {}, options: TxOptions = {}): Promise<Row[]> {
    this.roundTrips++;
    const started = Date.now();
    for (let attempt = 0; ; attempt++) {
      this.shared.gate.check();
      try {
        return await this.readOnce(cypher, params, options);
      } catch (error) {
        const wait = RETRY_FIRST_WAIT_MS * 2 ** attempt;
        if (isAway(error)) this.shared.gate.close();
        if (!isRetryableError(error as Error) || Date.now() - started + wait > retryBudgetOf(this.driver)) throw mapDriverError(error);
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }
  }

  private async readOnce(cypher: string, params: Params, options: TxOptions): Promise<Row[]> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: "READ" });
    neo4jMetrics.sessionOpened("read");
    try {
      const { records } = await withoutCallSiteStack(() => session.run(cypher, params, this.txConfig(options)));
      return records.length <= ROWS_PER_TURN ? records.map((record) => toPlain(record.toObject())) : await inTurns(records);
    } finally {
      await session.close();
      neo4jMetrics.sessionClosed();
    }
  }

  /**
   * Streams one read's rows to `onRow`, awaiting each (back-pressure: a full-graph scan in constant
   * memory), and returns the session's bookmark: it names the database's last committed transaction
   * when the read ended, so two equal bookmarks prove no write committed in between (backup relies on it).
   */
  async readEach(cypher: string, params: Params, onRow: (row: Row) => void | Promise<void>, options: TxOptions = {}): Promise<string> {
    this.roundTrips++;
    const session = this.driver.session({ database: this.database, defaultAccessMode: "READ" });
    neo4jMetrics.sessionOpened("read");
    try {
      for await (const record of session.run(cypher, params, this.txConfig(options))) await onRow(toPlain(record.toObject()));
      return session.lastBookmarks().join(",");
    } catch (error) {
      throw mapDriverError(error);
    } finally {
      await session.close();
      neo4jMetrics.sessionClosed();
    }
  }

  /**
   * Runs `work` in one write transaction: everything it writes commits together or
   * not at all. Throwing inside `work` (e.g. a BadUserInputError after a failed check)
   * rolls the whole transaction back. The driver may retry `work` on transient
   * errors, so it must be idempotent (our writes MERGE on ids).
   */
  async write<T>(work: (tx: WriteTx) => Promise<T>, options: TxOptions = {}): Promise<T> {
    const caller = this.caller;
    if (!caller) throw new Error("Executor.write needs a caller: make the executor with forRequest(caller) (a viewer's, an import's, a seed's…); no write is anonymous");
    this.shared.gate.check();
    const session = this.driver.session({ database: this.database, defaultAccessMode: "WRITE" });
    neo4jMetrics.sessionOpened("write");
    let result: T;
    try {
      const config = { ...this.txConfig(options), metadata: { caller: definedOnly(caller) } };
      result = await session.executeWrite((tx) => work(new WriteTx(tx, this)), config);
    } catch (error) {
      if (isAway(error)) this.shared.gate.close();
      throw mapDriverError(error);
    } finally {
      await session.close();
      neo4jMetrics.sessionClosed();
    }
    for (const listener of this.shared.commitListeners) listener(caller);
    return result;
  }

  private txConfig(options: TxOptions): { timeout?: number } {
    const timeout = options.timeoutMs ?? this.txTimeoutMs;
    return timeout > 0 ? { timeout } : {};
  }
}

// The availability gate's probe: one cheap auto-commit read, straight on the driver (not through the gate).
async function probe(driver: Driver, database: string | undefined): Promise<void> {
  const session = driver.session({ database, defaultAccessMode: "READ" });
  try {
    await session.run("RETURN 1");
  } finally {
    await session.close();
  }
}

// Neo4j metadata maps hold no undefined values.
function definedOnly(caller: Caller): Record<string, unknown> {
  return Object.fromEntries(Object.entries(caller).filter(([, value]) => value !== undefined));
}

/**
 * Runs `start` (a synchronous `tx.run`) with V8 stack capture off. The driver builds an Error
 * for every query only to keep the caller's stack for a later failure; formatting it was
 * about 5% of the server's CPU on the bench's path query. Our errors are mapped to coded
 * GraphQL errors (mapDriverError) whose messages say what failed; the stack of the call
 * site is what we give up. Restored before returning, so nothing else is affected.
 */
function withoutCallSiteStack<T>(start: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return start();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** A retried read first waits this long, then twice as long each time (the driver's own managed retries start near 1 s). */
const RETRY_FIRST_WAIT_MS = 200;

/** Per-call settings: `timeoutMs` replaces the executor's transaction timeout (0: no limit). */
export interface TxOptions {
  timeoutMs?: number;
}

/** A write transaction that counts its round trips, returns plain rows and logs its changes to the history. */
export class WriteTx {
  /** Logs what this transaction changes (null: an executor withoutHistory()); writes to versioned entities go through it. */
  readonly history: ChangeRecorder | null;

  constructor(
    private readonly tx: ManagedTransaction,
    private readonly executor: Executor,
  ) {
    this.history = executor.recordsHistory ? new ChangeRecorder(this.run.bind(this), executor.caller!) : null;
  }

  async run(cypher: string, params: Params = {}): Promise<Row[]> {
    this.executor.roundTrips++;
    const result = await this.tx.run<RecordShape>(cypher, params);
    return result.records.map((record) => toPlain(record.toObject()));
  }
}

const UNAVAILABLE_CODES = new Set(["ServiceUnavailable", "SessionExpired", "Neo.TransientError.General.DatabaseUnavailable"]);

/** A failure meaning the database is away (down, restarting, recovering): the availability gate closes on it. */
function isAway(error: unknown): boolean {
  return error instanceof Neo4jError && UNAVAILABLE_CODES.has(error.code);
}

// The transaction ran past its timeout (ours, or the server's db.transaction.timeout) and Neo4j cut it.
const TIMED_OUT_CODES = new Set([
  "Neo.ClientError.Transaction.TransactionTimedOut",
  "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration",
]);

/** Driver errors → domain errors, in one place. Unknown errors pass through (and get masked). */
export function mapDriverError(error: unknown): unknown {
  if (!(error instanceof Neo4jError)) return error;
  if (UNAVAILABLE_CODES.has(error.code)) return new ServiceUnavailableError(undefined, RETRY_AFTER_S);
  // Every pooled connection stayed busy for NEO4J_ACQUISITION_TIMEOUT_MS: overloaded, not broken.
  if (error.message.startsWith("Connection acquisition timed out")) return new ServiceUnavailableError("the graph database is overloaded; retry shortly");
  if (TIMED_OUT_CODES.has(error.code)) return new ServiceUnavailableError("the query took too long and was stopped; narrow it or retry");
  if (error.code === "Neo.ClientError.Schema.ConstraintValidationFailed") {
    // e.g. "Node(12) already exists with label `Actor` and property `siren` = '...'"
    const property = /property `(\w+)`/.exec(error.message)?.[1] ?? "input";
    return new BadUserInputError(`input.${property}`, "this value is already used by another record");
  }
  return error;
}
