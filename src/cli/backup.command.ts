import { Command } from "commander";
import { backup, StageProgress } from "../backup/backup";
import { BackupError } from "../backup/check";
import { restore } from "../backup/restore";
import { createProgress, Progress } from "./progress";
import { positiveInteger } from "./import.command";
import { CliError, withConnection } from "./run";

/** `maillage backup` and `maillage restore`: a consistent, verified logical snapshot over Bolt. */
export function registerBackupCommands(program: Command): void {
  program
    .command("backup")
    .description("Write a consistent, verified snapshot of the whole database (gzip'd JSON Lines) over Bolt")
    .requiredOption("--out <file>", "the backup file to write, e.g. maillage-2026-12-04.jsonl.gz")
    .option("--attempts <n>", "scans tried when writes land during one", positiveInteger("--attempts"), 3)
    .option("--quiet", "no progress output")
    .addHelpText(
      "after",
      "\nThe snapshot is kept only if no transaction committed while it was read (else it is read again, up to --attempts);\n" +
        "the file is then read back and its checksum checked. Works the same on the embedded Neo4j, a server, a cluster or Aura.",
    )
    .action(async (options: { out: string; attempts: number; quiet?: boolean }) => {
      const result = await withStages(options.quiet, (progress) =>
        withConnection(({ executor }) => backup(executor, options.out, { attempts: options.attempts, progress })),
      );
      const { trailer, attempts } = result;
      console.log(`Backed up ${trailer.nodes} nodes and ${trailer.relationships} relationships to ${options.out}${attempts > 1 ? ` (consistent on attempt ${attempts})` : ""}`);
      console.log(`sha256 ${trailer.sha256}`);
    });

  program
    .command("restore")
    .description("Load a backup into an empty database, then check counts and checksum against the file")
    .requiredOption("--from <file>", "the backup file, as written by `maillage backup`")
    .option("--replace", "delete everything in a non-empty database first (irreversible)")
    .option("--batch-size <n>", "nodes or relationships per transaction", positiveInteger("--batch-size"), 5_000)
    .option("--quiet", "no progress output")
    .addHelpText("after", "\nExit code: 0 restored and verified, 1 refused or the database differs from the file (the message says what to do).")
    .action(async (options: { from: string; replace?: boolean; batchSize: number; quiet?: boolean }) => {
      const result = await withStages(options.quiet, (progress) =>
        withConnection(({ executor }) => restore(executor, options.from, { replace: options.replace ?? false, batchSize: options.batchSize, progress })),
      );
      console.log(`Restored ${result.nodes} nodes and ${result.relationships} relationships from ${options.from}; counts and checksum match the file (sha256 ${result.sha256})`);
    });
}

/** One progress bar per stage (check file, restore, verify, …), each stopped when the next starts; BackupErrors become CLI errors. */
async function withStages<T>(quiet: boolean | undefined, work: (progress: StageProgress) => Promise<T>): Promise<T> {
  let current: { stage: string; bar: Progress } | undefined;
  const progress: StageProgress = (stage, done, total) => {
    if (current?.stage !== stage) {
      current?.bar.stop();
      current = { stage, bar: createProgress(stage, { quiet }) };
    }
    current.bar.update(done, total);
  };
  try {
    return await work(progress);
  } catch (error) {
    throw error instanceof BackupError ? new CliError(error.message) : error;
  } finally {
    current?.bar.stop();
  }
}
