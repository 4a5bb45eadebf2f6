import { Command } from "commander";

/** `maillage export`: registered by the CLI's main file. */
export function registerExport(_program: Command): void {}
