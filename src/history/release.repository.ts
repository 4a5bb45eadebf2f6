import { BadUserInputError, NotFoundError } from "../common/errors";
import { Executor } from "../neo4j/executor";
import { whoOf } from "./change-log";
import { ExportRun } from "../export/export.repository";
import { canonicalChecksum } from "./release.checksum";
import { currentPoint, openRecordedView, RecordedPoint } from "./release.points";
import { RELEASE_NAME } from "./view/recorded-point";
import * as Q from "./release.cypher";

/** A release as stored: `at` and `createdAt` ISO instants. */
export interface ReleaseRow {
  name: string;
  seq: number;
  at: string;
  checksum: string;
  createdBy: string;
  createdAt: string;
}

/** What `verify` found: the stored checksum and the one the export gives today. */
export interface ReleaseCheck {
  release: ReleaseRow;
  checksum: string;
  matches: boolean;
}

/** BAD_USER_INPUT on `name` unless it has the form of RELEASE_NAME (the Release CONTRACT: a citation copies it as is). */
export function checkReleaseName(name: string, field = "name"): void {
  if (!RELEASE_NAME.test(name)) {
    throw new BadUserInputError(field, `must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit (e.g. 2026-Q4), got "${name.slice(0, 80)}"`);
  }
}

const duplicate = (existing: ReleaseRow) =>
  new BadUserInputError("name", `a release named "${existing.name}" already exists (made ${existing.createdAt} by the graph at seq ${existing.seq}); choose another name`);

/** The only code that runs Cypher for releases. */
export class ReleaseRepository {
  constructor(private readonly executor: Executor) {}

  async byName(name: string): Promise<ReleaseRow | null> {
    const [row] = await this.executor.read(Q.RELEASE_BY_NAME, { name });
    return (row?.release as ReleaseRow) ?? null;
  }

  /**
   * Fixes release `name` at the last committed write (the clock's seq and instant) and stores the
   * checksum of its canonical export. The node is written only once the checksum is known, by a
   * write that re-checks the name: a failed or interrupted export leaves nothing half-made.
   * Writes committed meanwhile come after the release's seq, so they are not in it.
   */
  async create(name: string, run: ExportRun = {}): Promise<ReleaseRow> {
    checkReleaseName(name);
    const caller = this.executor.caller;
    if (!caller) throw new Error("ReleaseRepository.create needs an executor with a caller (who makes the release)");
    const existing = await this.byName(name);
    if (existing) throw duplicate(existing);
    const point = await currentPoint(this.executor);
    const checksum = await this.checksumAt(point, run);
    try {
      const [row] = await this.executor.write((tx) =>
        tx.run(Q.CREATE_RELEASE, { name, seq: point.seq, at: point.at, checksum, createdBy: whoOf(caller) }),
      );
      if (!row.created) throw duplicate(row.release);
      return row.release;
    } catch (error) {
      // Two makers of one name at once: the constraint refuses the second.
      const raced = error instanceof BadUserInputError && error.extensions.field === "input.name" ? await this.byName(name) : null;
      throw raced ? duplicate(raced) : error;
    }
  }

  /** Re-exports release `name` as recorded and compares its checksum with the stored one. */
  async verify(name: string, run: ExportRun = {}): Promise<ReleaseCheck> {
    checkReleaseName(name);
    const release = await this.byName(name);
    if (!release) throw new NotFoundError("Release", name);
    const checksum = await this.checksumAt({ seq: release.seq, at: release.at, release: release.name }, run);
    return { release, checksum, matches: checksum === release.checksum };
  }

  private async checksumAt(point: RecordedPoint, run: ExportRun): Promise<string> {
    // Never the live graph, even at the clock's seq: a write committing meanwhile must not reach the export.
    const view = await openRecordedView(this.executor, point, { live: false });
    try {
      return await canonicalChecksum(view.executor, run);
    } finally {
      view.release();
    }
  }
}
