import { Command } from "commander";

type Register = (program: Command) => void;

/**
 * Each command's module, loaded only when that command runs (or for the full help), in the order
 * `--help` lists them: `maillage stats` loads neither the importer's classes nor the GraphQL types.
 */
const COMMANDS: readonly (readonly [names: readonly string[], load: () => Promise<Register>])[] = [
  [["import"], async () => (await import("./import.command")).registerImport],
  [["export"], async () => (await import("./export.command")).registerExport],
  [["generate"], async () => (await import("./generate.command")).registerGenerate],
  [["stats"], async () => (await import("./stats.command")).registerStats],
  [["migrate", "seed"], async () => (await import("./database.commands")).registerDatabaseCommands],
  [["backup", "restore"], async () => (await import("./backup.command")).registerBackupCommands],
  [["release"], async () => (await import("./release.command")).registerRelease],
  [["diff"], async () => (await import("./diff.command")).registerDiff],
];

/**
 * The `maillage` command line: import, export, generate, stats, migrate, seed, backup, restore, release, diff.
 * Connection settings come from the environment (NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD,
 * NEO4J_DATABASE), as for the server. Given `argv`, registers only the command it names (every
 * command when it names none, e.g. `--help`, or one that does not exist).
 */
export async function createProgram(argv?: readonly string[]): Promise<Command> {
  const program = new Command("maillage")
    .description("Maillage: ingest, inspect and export the graph of alliances of general interest")
    .exitOverride() // errors reach main.ts (and tests) instead of exiting; inherited by the commands below
    .showHelpAfterError("(add --help for usage)")
    .addHelpText("after", "\nNeo4j: NEO4J_URI (default bolt://127.0.0.1:7687), NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE.\nStart the embedded database with `npm run db:start`.");
  const named = argv?.slice(2).find((arg) => !arg.startsWith("-"));
  const known = COMMANDS.some(([names]) => named !== undefined && names.includes(named));
  for (const [names, load] of COMMANDS) {
    if (!known || names.includes(named!)) (await load())(program);
  }
  return program;
}
