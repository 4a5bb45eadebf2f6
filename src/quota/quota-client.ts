import { Viewer } from "../auth/viewer";

/** Whom a request's quotas count against: its credential's subject, else its IP. */
export interface QuotaClient {
  /** `api-key:ingest-bot`, `jwt:<sub>` or `ip:203.0.113.7`. */
  key: string;
  /** No credential: the anonymous allowance applies. */
  anonymous: boolean;
}

/** Requests run in the process itself (tests, warm-up): no HTTP client to count against. */
export const IN_PROCESS: QuotaClient = Object.freeze({ key: "in-process", anonymous: false });

/**
 * The client of a request: the credential that writes as it (an API key's name, a token's
 * `sub`, kinds apart so a token cannot spend a key's quota) when it has one, else the IP (`req.ip`).
 */
export function quotaClient(viewer: Viewer, ip: string | undefined): QuotaClient {
  return viewer.caller ? { key: `${viewer.caller.kind}:${viewer.caller.id}`, anonymous: false } : { key: `ip:${ip ?? "unknown"}`, anonymous: true };
}
