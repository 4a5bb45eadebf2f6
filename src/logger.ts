import pino from "pino";

/** MAILLAGE_LOG_FORMAT: JSON lines, readable lines (pino-pretty), or readable only when stdout is a terminal. */
export const LOG_FORMATS = ["auto", "pretty", "json"] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

/** Where log lines go: stdout, until `configureLogger` picks pino-pretty for a person at a terminal. */
const output: { target: { write(line: string): unknown } } = { target: process.stdout };

/**
 * Structured logs. Silent until an entry point applies the validated Config (`configureLogger(config)`),
 * so library code, tests and benches log nothing by default.
 */
export const logger = pino({ level: "silent", base: { service: "maillage" } }, { write: (line: string) => output.target.write(line) });

/** Applies the level, and the format: readable lines for `pretty`, or for `auto` when stdout is a terminal; JSON lines otherwise. */
export function configureLogger(settings: { logLevel: string; logFormat: LogFormat }, stdout: NodeJS.WriteStream = process.stdout): void {
  logger.level = settings.logLevel;
  const pretty = settings.logFormat === "pretty" || (settings.logFormat === "auto" && stdout.isTTY === true);
  output.target = pretty ? prettyStream(stdout) : stdout;
}

// Loaded only when used: commands that log as JSON (pipes, CI, containers) never pay for it.
function prettyStream(stdout: NodeJS.WriteStream): { write(line: string): unknown } {
  const { PinoPretty } = require("pino-pretty") as typeof import("pino-pretty");
  // Synchronous, so the last lines before an exit are not lost; colours only on a terminal.
  return PinoPretty({ destination: stdout, sync: true, colorize: stdout.isTTY === true, translateTime: "SYS:HH:MM:ss.l", ignore: "pid,hostname,service" });
}
