#!/usr/bin/env node
import "reflect-metadata";
import { CommanderError } from "commander";
import { ConfigError } from "../common/config-parse";
import { ImportFileError } from "../import/rows";
import { createProgram } from "./program";
import { CliError, describeError, EXIT } from "./run";

/** `maillage <command>` (`npx maillage <command>`, through bin/maillage.js); `maillage --help` lists the commands. */
async function main(argv: string[]): Promise<void> {
  const program = await createProgram(argv);
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version exit 0; usage errors were already printed by commander
      process.exitCode = error.exitCode === 0 ? EXIT.OK : EXIT.FATAL;
      return;
    }
    const known = error instanceof CliError || error instanceof ConfigError || error instanceof ImportFileError;
    console.error(`maillage: ${describeError(error)}`);
    if (error instanceof ImportFileError) console.error("Nothing was imported. Fix the file (see schema/import.schema.json and `maillage import --help`) and run again.");
    else if (!known && error instanceof Error && process.env.DEBUG) console.error(error.stack);
    process.exitCode = EXIT.FATAL;
  }
}

void main(process.argv);
