import { BadUserInputError } from "../common/errors";
import { Executor } from "../neo4j/executor";
import { Label } from "../neo4j/graph-model";

/**
 * Where releases and diffs get the graph as recorded at a point: the views part's
 * openRecordedView and resolvePoint (src/history/view, CONTRACTS of issue 16). Until they land,
 * this stand-in serves only the current point (the clock's seq): enough to make and check a
 * release of the graph as it is now. Replaced by a re-export when the views branch is merged.
 */

/** A point of recorded time: the last write it includes (seq), its instant, and the release naming it. */
export interface RecordedPoint {
  seq: number;
  at: string;
  release?: string;
}

/** The graph as recorded at `point`: `executor` reads it; `release()` lets it go. */
export interface RecordedView {
  executor: Executor;
  point: RecordedPoint;
  release(): void;
}

// The clock: the last committed write (seq, at; the start of history before any). Writers take it in turn, so every change up to seq is committed.
const CLOCK = `MATCH (c:${Label.HistoryClock} {id: 'clock'}) RETURN c.seq AS seq, toString(coalesce(c.at, c.startedAt)) AS at`;

/** The current point: the last committed write to a versioned entity (seq 0 and the start of history before any). */
export async function currentPoint(executor: Executor): Promise<RecordedPoint> {
  const [clock] = await executor.read(CLOCK);
  if (!clock) throw new Error("no HistoryClock: run the migrations (cypher/009_history.cypher) first");
  return { seq: clock.seq, at: clock.at };
}

export async function openRecordedView(executor: Executor, point: RecordedPoint): Promise<RecordedView> {
  const now = await currentPoint(executor);
  if (now.seq !== point.seq) throw new Error(`the graph as recorded at seq ${point.seq} needs src/history/view (the clock is at seq ${now.seq})`);
  return { executor, point, release: () => {} };
}

export async function resolvePoint(executor: Executor, given: { asRecordedOn?: string | null; release?: string | null }, field = "point"): Promise<RecordedPoint | null> {
  if (given.release && given.asRecordedOn) throw new BadUserInputError(field, "give release or asRecordedOn, not both");
  if (given.release) {
    const [row] = await executor.read(`MATCH (r:${Label.Release} {name: $name}) RETURN r.seq AS seq, toString(r.at) AS at`, { name: given.release });
    if (!row) throw new BadUserInputError(`${field}.release`, `no release is named "${given.release}"`);
    return { seq: row.seq, at: row.at, release: given.release };
  }
  if (given.asRecordedOn) {
    const [row] = await executor.read(
      `MATCH (c:${Label.HistoryClock} {id: 'clock'})
       OPTIONAL MATCH (x:${Label.Change}) WHERE x.at <= datetime($at)
       RETURN coalesce(max(x.seq), 0) AS seq, toString(c.startedAt) AS startedAt, datetime($at) < c.startedAt AS early`,
      { at: given.asRecordedOn },
    );
    if (row.early) throw new BadUserInputError(`${field}.asRecordedOn`, `history starts ${row.startedAt}, got "${given.asRecordedOn}"`);
    return { seq: row.seq, at: given.asRecordedOn };
  }
  return null;
}
