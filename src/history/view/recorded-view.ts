import { Executor } from "../../neo4j/executor";
import { historyClock, RecordedPoint } from "./recorded-point";
import { ViewCache } from "./view-cache";
import { DEFAULT_HISTORY_VIEWS, MAX_SLOT } from "./view-settings";
import { ViewExecutor } from "./view-executor";

/** A recorded state to read: `executor` reads it (repositories, loaders, openExport unchanged); `release()` lets its slot go. */
export interface RecordedView {
  executor: Executor;
  point: RecordedPoint;
  release(): void;
}

/** The view caches of this process, per driver and database (forRequest executors share them). */
const caches = new Map<object, Map<string, ViewCache>>();

export { DEFAULT_HISTORY_VIEWS };

/**
 * Makes this process a server keeping `views` slots (1..views). Unless this is called, a process
 * (the CLI: `maillage export --release`, `maillage release`) uses slot 0 alone, so a one-shot
 * command never rebuilds a slot a running server reads.
 */
export function configureViews(root: Executor, views: number): ViewCache {
  if (!Number.isInteger(views) || views < 1 || views > MAX_SLOT) throw new Error(`views must be 1..${MAX_SLOT}; got ${views}`);
  const cache = new ViewCache(root.forRequest(null), Array.from({ length: views }, (_, i) => i + 1));
  byDriver(root).set(root.database ?? "", cache);
  return cache;
}

/** The view cache of `executor`'s database in this process (slot 0 alone unless configureViews said otherwise). */
export function viewCacheOf(executor: Executor): ViewCache {
  const map = byDriver(executor);
  let cache = map.get(executor.database ?? "");
  if (!cache) map.set(executor.database ?? "", (cache = new ViewCache(executor.forRequest(null), [0])));
  return cache;
}

function byDriver(executor: Executor): Map<string, ViewCache> {
  let map = caches.get(executor.driver);
  if (!map) caches.set(executor.driver, (map = new Map()));
  return map;
}

/**
 * The graph as recorded at `point`. When nothing was recorded after point.seq the live graph is
 * that state, read as it is (no slot), unless `live: false` (a release's canonical export, which
 * must not see a write committing while it runs). Always call release() (finally).
 */
export async function openRecordedView(executor: Executor, point: RecordedPoint, options: { live?: boolean } = {}): Promise<RecordedView> {
  if (options.live !== false && (await historyClock(executor)).seq === point.seq) return { executor, point, release: () => undefined };
  const lease = await viewCacheOf(executor).lease(point.seq);
  return { executor: new ViewExecutor(executor, point, async () => lease.rewriter), point, release: lease.release };
}

/**
 * A view whose slot is leased on its first read (GraphQL: an operation refused before it runs
 * builds nothing), or the live executor when point.seq is the clock's. `release()` returns the
 * slot if one was leased.
 */
export function lazyRecordedView(executor: Executor, point: RecordedPoint, currentSeq: number): RecordedView {
  if (currentSeq === point.seq) return { executor, point, release: () => undefined };
  let lease: ReturnType<ViewCache["lease"]> | undefined;
  const slot = async () => (await (lease ??= viewCacheOf(executor).lease(point.seq))).rewriter;
  return {
    executor: new ViewExecutor(executor, point, slot),
    point,
    release: () => void lease?.then((l) => l.release(), () => undefined),
  };
}
