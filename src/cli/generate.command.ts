import { writeFileSync } from "node:fs";
import { Command } from "commander";
import { generateDocument } from "../generate/generate";
import { isIsoDate } from "../import/import.validate";
import { positiveInteger } from "./import.command";
import { createProgress } from "./progress";
import { CliError } from "./run";

/** `maillage generate`: a deterministic synthetic import document. */
export function registerGenerate(program: Command): void {
  program
    .command("generate")
    .description("Write a synthetic, reproducible import document (actors over real communes, alliances, outcomes, maturity)")
    .requiredOption("--actors <n>", "number of actors", positiveInteger("--actors"))
    .option("--seed <seed>", "seed of the pseudo-random generator: the same seed gives the same file", "1")
    .option("--out <file>", "output file (default: standard output)")
    .option("--start <date>", "earliest alliance start date", "2010-01-01")
    .option("--end <date>", "latest date in the data", "2025-12-31")
    .option("--prefix <prefix>", "prefix of every generated id", "gen-")
    .option("--departements <codes>", "only communes of these départements, comma-separated (e.g. 75,94,69)")
    .option("--quiet", "no progress output")
    .addHelpText("after", "\nExample: maillage generate --actors 10000 --seed 42 --out gen.json && maillage import gen.json")
    .action((options: { actors: number; seed: string; out?: string; start: string; end: string; prefix: string; departements?: string; quiet?: boolean }) => {
      for (const [name, value] of [["--start", options.start], ["--end", options.end]]) {
        if (!isIsoDate(value)) throw new CliError(`${name} must be a date written YYYY-MM-DD; got "${value}"`);
      }
      const progress = createProgress("generate", { quiet: options.quiet || !options.out });
      const doc = generateDocument({
        actors: options.actors, seed: options.seed, start: options.start, end: options.end, prefix: options.prefix,
        departements: options.departements?.split(",").map((code) => code.trim()),
        onProgress: (done, total) => progress.update(done, total),
      });
      progress.stop();
      const text = JSON.stringify(doc, null, 2) + "\n";
      if (options.out) {
        writeFileSync(options.out, text);
        const counts = Object.entries(doc).map(([section, rows]) => `${rows.length} ${section}`).join(", ");
        console.error(`Wrote ${options.out}: ${counts}`);
      } else {
        process.stdout.write(text);
      }
    });
}
