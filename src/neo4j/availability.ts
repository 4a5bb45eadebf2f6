import { withDeadline } from "../common/deadline";
import { ServiceUnavailableError } from "../common/errors";

/** How often a closed gate asks Neo4j whether it is back, and how long one probe may take. */
export const PROBE_INTERVAL_MS = 500;
export const PROBE_TIMEOUT_MS = 3_000;
/** What a refused request is told to wait (Retry-After), in seconds. */
export const RETRY_AFTER_S = 1;

export interface AvailabilityState {
  available: boolean;
  /** Since when Neo4j is unavailable (ISO), while it is. */
  since?: string;
  /** Requests refused at once since the gate last closed (none of them reached Neo4j). */
  refused: number;
  /** Probes sent since the gate last closed. */
  probes: number;
}

/**
 * Fails fast while Neo4j is away or recovering. After a failure that means "database away"
 * (connection refused or lost, database unavailable) the gate closes: every read and write
 * is refused at once with SERVICE_UNAVAILABLE (503, Retry-After), instead of each one opening
 * a connection that hangs until Neo4j finishes its recovery after a crash (measured: a
 * request waited as long as the recovery, 5 s here and up to 15 s reported). Meanwhile one
 * probe (`probe`, a cheap query) runs every PROBE_INTERVAL_MS; the first that answers
 * reopens the gate. One gate per driver, shared by the executors made from its root.
 */
export class AvailabilityGate {
  private closedAt: number | undefined;
  private refused = 0;
  private probes = 0;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private inFlight: Promise<boolean> | undefined;

  constructor(
    private readonly probe: () => Promise<unknown>,
    private readonly intervalMs = PROBE_INTERVAL_MS,
    private readonly probeTimeoutMs = PROBE_TIMEOUT_MS,
  ) {}

  get available(): boolean {
    return this.closedAt === undefined;
  }

  state(): AvailabilityState {
    const since = this.closedAt === undefined ? {} : { since: new Date(this.closedAt).toISOString() };
    return { available: this.available, ...since, refused: this.refused, probes: this.probes };
  }

  /** Throws SERVICE_UNAVAILABLE while the gate is closed; called before anything reaches Neo4j. */
  check(): void {
    if (this.available) return;
    this.refused++;
    throw new ServiceUnavailableError("the graph database is unavailable (restarting or unreachable); retry shortly", RETRY_AFTER_S);
  }

  /** Closes the gate (a no-op when closed) and starts probing. */
  close(): void {
    if (!this.available || this.stopped) return;
    this.closedAt = Date.now();
    this.refused = 0;
    this.probes = 0;
    this.schedule();
  }

  /** Stops probing for good (the driver is closing). */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  /**
   * Asks Neo4j now (one probe at a time: a caller arriving meanwhile shares it) and reopens the
   * gate when it answers. Resolves to whether it did; never throws. /readyz uses it, so a
   * readiness check sees Neo4j back at once rather than at the next scheduled probe.
   */
  probeNow(): Promise<boolean> {
    this.inFlight ??= (async () => {
      this.probes++;
      try {
        await withDeadline(this.probe(), this.probeTimeoutMs);
        this.closedAt = undefined;
        return true;
      } catch {
        return false;
      } finally {
        this.inFlight = undefined;
      }
    })();
    return this.inFlight;
  }

  private schedule(): void {
    // unref: a probe waiting for a database that never returns must not keep the process alive.
    this.timer = setTimeout(() => void this.probeAndReschedule(), this.intervalMs).unref();
  }

  private async probeAndReschedule(): Promise<void> {
    if (this.stopped || this.available) return;
    await this.probeNow();
    if (!this.stopped && !this.available) this.schedule();
  }
}
