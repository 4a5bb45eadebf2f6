import { Viewer } from "../auth/viewer";

/** Whom a request's quotas count against: its credential's subject, else its IP. */
export interface QuotaClient {
  /** `subject:api-key:ingest-bot`, `subject:<jwt sub>` or `ip:203.0.113.7`. */
  key: string;
  /** No credential: the anonymous allowance applies. */
  anonymous: boolean;
}

/** Requests run in the process itself (tests, warm-up): no HTTP client to count against. */
export const IN_PROCESS: QuotaClient = Object.freeze({ key: "in-process", anonymous: false });

/** The client of a request: the viewer's subject when it has one, else the IP (`req.ip`). */
export function quotaClient(viewer: Viewer, ip: string | undefined): QuotaClient {
  return viewer.subject !== null ? { key: `subject:${viewer.subject}`, anonymous: false } : { key: `ip:${ip ?? "unknown"}`, anonymous: true };
}
