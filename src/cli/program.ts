import { Command } from "commander";
import { registerBackupCommands } from "./backup.command";
import { registerExport } from "./export.command";
import { registerDatabaseCommands } from "./database.commands";
import { registerGenerate } from "./generate.command";
import { registerImport } from "./import.command";
import { registerStats } from "./stats.command";

/**
 * The `maillage` command line: import, export, generate, stats, migrate, seed, backup, restore.
 * Connection settings come from the environment (NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD,
 * NEO4J_DATABASE), as for the server.
 */
export function createProgram(): Command {
  const program = new Command("maillage")
    .description("Maillage: ingest, inspect and export the graph of alliances of general interest")
    .exitOverride() // errors reach main.ts (and tests) instead of exiting; inherited by the commands below
    .showHelpAfterError("(add --help for usage)")
    .addHelpText("after", "\nNeo4j: NEO4J_URI (default bolt://127.0.0.1:7687), NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE.\nStart the embedded database with `npm run db:start`.");
  registerImport(program);
  registerExport(program);
  registerGenerate(program);
  registerStats(program);
  registerDatabaseCommands(program);
  registerBackupCommands(program);
  return program;
}
