import { Command } from "commander";
import { ReleaseRepository } from "../history/release.repository";
import { stderrProgress } from "./export.command";
import { CliError, EXIT, withConnection } from "./run";

/** `maillage release`: registered by the CLI's main file. */
export function registerRelease(program: Command): void {
  const release = program
    .command("release")
    .description("Fix a named release of the graph as recorded now, with the SHA-256 of its canonical export (the JSON export of the whole graph)")
    .option("--name <name>", "the release's name: letters, digits, '.', '_' or '-' (e.g. 2026-Q4)")
    .option("--quiet", "no progress on stderr")
    .addHelpText(
      "after",
      "\nExamples:\n" +
        "  maillage release --name 2026-Q4                          # then: maillage export --release 2026-Q4 --out maillage-2026-Q4.json\n" +
        "  maillage release verify 2026-Q4                          # export it again and compare the checksum",
    )
    .action(async (options: { name?: string; quiet?: boolean }) => {
      if (!options.name) throw new CliError("give the release's name: maillage release --name 2026-Q4");
      const made = await withConnection(
        ({ executor }) => new ReleaseRepository(executor).create(options.name!, { progress: options.quiet ? undefined : stderrProgress() }),
        { kind: "cli", id: "maillage release" },
      );
      console.log(`Release ${made.name}: seq ${made.seq}, recorded ${made.at}, sha256 ${made.checksum}`);
    });
  release
    .command("verify <name>")
    .description("Export a release again as recorded and compare the checksum with the stored one (exit 1 when they differ)")
    .option("--quiet", "no progress on stderr")
    .action(async (name: string, options: { quiet?: boolean }) => {
      const check = await withConnection(({ executor }) => new ReleaseRepository(executor).verify(name, { progress: options.quiet ? undefined : stderrProgress() }));
      const { release } = check;
      console.log(`Release ${release.name} (seq ${release.seq}, recorded ${release.at}): ${check.matches ? "checksum matches" : "checksum DIFFERS"}`);
      console.log(`  stored  ${release.checksum}\n  now     ${check.checksum}`);
      if (!check.matches) process.exitCode = EXIT.FATAL;
    });
}
