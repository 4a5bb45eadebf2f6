import pino from "pino";

/**
 * Structured JSON logs. Silent until an entry point applies the validated Config.logLevel
 * (`logger.level = config.logLevel`), so library code, tests and benches log nothing by default.
 */
export const logger = pino({ level: "silent", base: { service: "maillage" } });
