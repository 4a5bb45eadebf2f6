import { BadUserInputError } from "../../common/errors";
import { quoted } from "../../common/validators";
import { Executor } from "../../neo4j/executor";
import { Label } from "../../neo4j/graph-model";

/** A state of the graph as recorded: the change-log seq it ends at, the instant asked (or the release's), the release named. */
export interface RecordedPoint {
  seq: number;
  /** ISO instant: the asRecordedOn given, or the release's. */
  at: string;
  release?: string;
}

/** What a client may give to read a recorded state (GraphQL arguments, export options). */
export interface PointArgs {
  asRecordedOn?: string | Date | null;
  release?: string | null;
}

/** A release name as the release part makes them. */
export const RELEASE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
export const MAX_RELEASE_NAME = 64;

const CLOCK = `MATCH (c:${Label.HistoryClock} {id: 'clock'}) RETURN c.seq AS seq, toString(c.startedAt) AS startedAt, toString(c.at) AS at`;

// The last seq whose instant is on or before $at (the change_at index; `at` grows with seq).
const SEQ_AT = `MATCH (c:${Label.Change}) WHERE c.at <= datetime($at)
RETURN c.seq AS seq ORDER BY c.at DESC, c.seq DESC LIMIT 1`;

const RELEASE = `MATCH (r:${Label.Release} {name: $name}) RETURN r.seq AS seq, toString(r.at) AS at`;

/** The change-log clock: its last seq, and when history began (no clock yet: nothing logged, history starts now). */
export async function historyClock(executor: Executor): Promise<{ seq: number; startedAt: string; at: string }> {
  const [clock] = await executor.read(CLOCK);
  const now = new Date().toISOString();
  return (clock as { seq: number; startedAt: string; at: string } | undefined) ?? { seq: 0, startedAt: now, at: now };
}

/**
 * The recorded state `args` names, or null when it names none (the current graph).
 * asRecordedOn T: the last seq recorded on or before T; release: the seq it fixed. `field`
 * prefixes the argument names in errors (a GraphQL field, an export option's spelling).
 */
export async function resolvePoint(executor: Executor, args: PointArgs, field?: string): Promise<RecordedPoint | null> {
  const name = (arg: string) => (field ? `${field}.${arg}` : arg);
  const hasInstant = args.asRecordedOn != null;
  const hasRelease = args.release != null;
  if (hasInstant && hasRelease) throw new BadUserInputError(name("release"), "give asRecordedOn or release, not both: a release is itself an instant");
  if (hasRelease) return releasePoint(executor, String(args.release), name("release"));
  if (!hasInstant) return null;
  return instantPoint(executor, args.asRecordedOn!, name("asRecordedOn"));
}

async function releasePoint(executor: Executor, release: string, field: string): Promise<RecordedPoint> {
  if (release.length > MAX_RELEASE_NAME || !RELEASE_NAME.test(release)) {
    throw new BadUserInputError(field, `${quoted(release.slice(0, MAX_RELEASE_NAME + 1))} is not a release name: letters, digits, ".", "_" or "-", at most ${MAX_RELEASE_NAME} characters (2026-Q4)`);
  }
  const [found] = await executor.read(RELEASE, { name: release });
  if (!found) throw new BadUserInputError(field, `no release is named ${quoted(release)}; the \`releases\` query lists them`);
  return { seq: found.seq, at: new Date(found.at).toISOString(), release };
}

async function instantPoint(executor: Executor, value: string | Date, field: string): Promise<RecordedPoint> {
  const instant = value instanceof Date ? value : parseInstant(value, field);
  if (Number.isNaN(instant.getTime())) throw new BadUserInputError(field, `${quoted(String(value))} is not an instant; write an ISO date-time (2026-03-01T00:00:00Z)`);
  const clock = await historyClock(executor);
  const startedAt = new Date(clock.startedAt);
  const now = new Date();
  if (instant < startedAt || instant > now) {
    throw new BadUserInputError(
      field,
      `${quoted(instant.toISOString())} is outside the recorded history: give an instant from ${startedAt.toISOString()} (when history began) to now (${now.toISOString()})`,
    );
  }
  const [last] = await executor.read(SEQ_AT, { at: instant.toISOString() });
  return { seq: last?.seq ?? 0, at: instant.toISOString() };
}

/** An ISO date-time with a time zone, or a date (midnight UTC); anything else is refused. */
function parseInstant(value: string, field: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/.test(value)) {
    throw new BadUserInputError(field, `${quoted(value.slice(0, 40))} is not an instant; write an ISO date-time with its zone (2026-03-01T00:00:00Z) or a date (2026-03-01)`);
  }
  return new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
}
