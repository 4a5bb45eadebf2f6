/**
 * Parsers for environment variables, shared by config.ts and auth/auth.config.ts: each takes
 * the variable's name so a bad value stops the process with a message naming it.
 */
export class ConfigError extends Error {
  constructor(variable: string, problem: string) {
    super(`Invalid configuration: ${variable} ${problem}`);
    this.name = "ConfigError";
  }
}

/** A whole number from 1 to `max` (100000000 unless the setting has a smaller bound). */
export function parseCount(variable: string, raw: string | undefined, fallback: number, max = 100_000_000): number {
  if (raw === undefined || raw.trim() === "") return fallback;
  const count = Number(raw);
  if (!/^\s*\d+\s*$/.test(raw) || count < 1 || count > max) {
    throw new ConfigError(variable, `must be a whole number between 1 and ${max}; got "${raw}"`);
  }
  return count;
}

export function parseMillis(variable: string, raw: string | undefined, fallback: number, min: number): number {
  if (raw === undefined || raw.trim() === "") return fallback;
  const ms = Number(raw);
  if (!/^\s*\d+\s*$/.test(raw) || ms < min || ms > 3_600_000) {
    throw new ConfigError(variable, `must be a whole number of milliseconds between ${min} and 3600000; got "${raw}"`);
  }
  return ms;
}

export function parsePort(variable: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw.trim() === "") return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(variable, `must be an integer port between 0 and 65535; got "${raw}"`);
  }
  return port;
}

export function parseBoolean(variable: string, raw: string | undefined, fallback: boolean): boolean {
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = raw.trim().toLowerCase();
  if (["1", "true", "yes"].includes(value)) return true;
  if (["0", "false", "no"].includes(value)) return false;
  throw new ConfigError(variable, `must be true or false; got "${raw}"`);
}

/** One of `choices` (case and surrounding spaces ignored), or `fallback` when unset. */
export function parseChoice<T extends string>(variable: string, raw: string | undefined, choices: readonly T[], fallback: T): T {
  const value = raw?.trim().toLowerCase();
  if (!value) return fallback;
  if (!(choices as readonly string[]).includes(value)) throw new ConfigError(variable, `must be one of ${choices.join(", ")}; got "${raw}"`);
  return value as T;
}

const DURATION_UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/** A duration in whole seconds: `3600`, `90s`, `30m`, `12h` or `7d`, at least `min` seconds. */
export function parseDurationSeconds(variable: string, raw: string | undefined, fallback: number, min = 1): number {
  if (raw === undefined || raw.trim() === "") return fallback;
  const match = /^\s*(\d+)\s*([smhd]?)\s*$/.exec(raw);
  const seconds = match ? Number(match[1]) * DURATION_UNITS[match[2] || "s"] : NaN;
  if (!(seconds >= min) || seconds > 10 * 365 * 86400) {
    throw new ConfigError(variable, `must be a duration of at least ${min} s and at most 10 years, in seconds or with a unit (90s, 30m, 12h, 7d); got "${raw}"`);
  }
  return seconds;
}

/** An absolute http(s) address ending with "/", no query nor fragment: names are minted under it (linked-data IRIs, which add their own "#part"). */
export function parseBaseIri(variable: string, raw: string | undefined, fallback: string): string {
  const value = raw?.trim();
  if (!value) return fallback;
  let url: URL | null = null;
  try {
    url = new URL(value);
  } catch {
    url = null;
  }
  // No character an IRI must escape: the base is written into every IRI as it is.
  const ok = url !== null && ["http:", "https:"].includes(url.protocol) && value.endsWith("/") && !/[\u0000-\u0020<>"{}|^`\\?#]/.test(value);
  if (!ok) throw new ConfigError(variable, `must be an http:// or https:// address ending with /, without ? or # (e.g. https://maillage.example/id/); got "${raw}"`);
  return value;
}
