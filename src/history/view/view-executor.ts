import { Executor, Params, Row, TxOptions } from "../../neo4j/executor";
import type { Caller } from "../../neo4j/caller";
import { SlotRewriter } from "./view-rewrite";
import type { RecordedPoint } from "./recorded-point";

/**
 * Reads the graph as recorded at `point.seq`: every query's labels and relationship types are
 * rewritten for the slot holding that state (view-rewrite.ts), so the repositories, loaders and
 * openExport run on it unchanged. The slot is asked for on the first read (`slot()`, memoised by
 * the caller): an operation refused before it runs materialises nothing. Read-only.
 */
export class ViewExecutor extends Executor {
  constructor(
    base: Executor,
    readonly point: RecordedPoint,
    private readonly slot: () => Promise<SlotRewriter>,
  ) {
    super(base.driver, base.database, base.txTimeoutMs, undefined, (base as ViewExecutor).shared);
  }

  override get recordedSeq(): number {
    return this.point.seq;
  }

  override forRequest(caller: Caller | null | undefined = undefined): Executor {
    return new ViewExecutor(super.forRequest(caller), this.point, this.slot);
  }

  override async read(cypher: string, params: Params = {}, options: TxOptions = {}): Promise<Row[]> {
    const slot = await this.slot();
    return super.read(slot.rewrite(cypher), params, options);
  }

  override async readEach(cypher: string, params: Params, onRow: (row: Row) => void | Promise<void>, options: TxOptions = {}): Promise<string> {
    const slot = await this.slot();
    return super.readEach(slot.rewrite(cypher), params, onRow, options);
  }

  override async write<T>(): Promise<T> {
    throw new Error("a recorded view is read-only: writes go to the live graph");
  }
}
