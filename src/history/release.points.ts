import { Executor } from "../neo4j/executor";
import { Label } from "../neo4j/graph-model";
import type { RecordedPoint } from "./view/recorded-point";

/** Where releases and diffs get the graph as recorded at a point: the views part (src/history/view). */
export { openRecordedView, RecordedView } from "./view/recorded-view";
export { resolvePoint, RecordedPoint } from "./view/recorded-point";

// The last committed write to a versioned entity (writers take the clock in turn, so every change up to it is committed);
// before the first logged write there is no clock: seq 0, now.
const CURRENT = `OPTIONAL MATCH (c:${Label.HistoryClock} {id: 'clock'})
RETURN coalesce(c.seq, 0) AS seq, toString(coalesce(c.at, datetime.transaction())) AS at`;

/** The current point: the last committed write (seq 0, now, before any). */
export async function currentPoint(executor: Executor): Promise<RecordedPoint> {
  const [row] = await executor.read(CURRENT);
  return { seq: row.seq, at: row.at };
}
