import { Executor } from "../neo4j/executor";
import { historyClock, RecordedPoint } from "./view/recorded-point";

/** Where releases and diffs get the graph as recorded at a point: the views part (src/history/view). */
export { openRecordedView, RecordedView } from "./view/recorded-view";
export { resolvePoint, RecordedPoint } from "./view/recorded-point";

/** The current point: the last committed write to a versioned entity (seq 0 and the start of history before any). */
export async function currentPoint(executor: Executor): Promise<RecordedPoint> {
  const clock = await historyClock(executor);
  return { seq: clock.seq, at: clock.at ?? clock.startedAt };
}
