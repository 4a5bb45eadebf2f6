import { loadConfig } from "../config";
import { configureLogger } from "../logger";
import type { Caller } from "../neo4j/caller";
import { connect, Connection } from "../neo4j/connect";

/** Exit codes of every command: 0 done, 1 fatal (nothing or not everything done), 2 done with rejected rows. */
export const EXIT = { OK: 0, FATAL: 1, PARTIAL: 2 } as const;

/** An error the CLI prints as is (it already says what to do), then exits 1. */
export class CliError extends Error {
  override name = "CliError";
}

/** Whom a command's writes are recorded for, unless it says more (imports, seeds and migrations do). */
export const CLI_CALLER: Caller = { kind: "cli", id: "maillage" };

/** Runs `work` with a connection built from the environment (NEO4J_URI, …), always closed afterwards. */
export async function withConnection<T>(work: (connection: Connection) => Promise<T>, caller: Caller = CLI_CALLER): Promise<T> {
  const config = loadConfig();
  configureLogger(config);
  const connection = await connect(config, caller);
  try {
    return await work(connection);
  } finally {
    await connection.close();
  }
}

/** The message a user sees for a fatal error: ours and configuration errors as they are, others with their name. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (error.name === "Neo4jError") return `Neo4j refused the operation: ${error.message}`;
  const field = (error as { extensions?: { field?: unknown } }).extensions?.field;
  // A bad option (BAD_USER_INPUT naming `allianceKinds`) is told as the option the user typed: `--alliance-kinds: …`.
  if (typeof field === "string" && error.message.startsWith(`${field}: `)) {
    return `--${field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ${error.message.slice(field.length + 2)}`;
  }
  return error.message;
}
