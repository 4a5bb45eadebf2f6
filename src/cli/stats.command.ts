import { Command } from "commander";
import { graphStats, GraphStats } from "./stats";
import { withConnection } from "./run";

/** `maillage stats`: counts of what the graph holds. */
export function registerStats(program: Command): void {
  program
    .command("stats")
    .description("Count nodes by label, relationships by type, and territories by latest maturity level")
    .option("--json", "print the counts as JSON")
    .action(async (options: { json?: boolean }) => {
      const stats = await withConnection((connection) => graphStats(connection.executor));
      console.log(options.json ? JSON.stringify(stats, null, 2) : formatStats(stats));
    });
}

function formatStats(stats: GraphStats): string {
  const table = (title: string, counts: Record<string, number>) => {
    const width = Math.max(...Object.keys(counts).map((k) => k.length));
    return [title, ...Object.entries(counts).map(([name, count]) => `  ${name.padEnd(width)}  ${count.toLocaleString("en-US")}`)].join("\n");
  };
  return [
    table("Nodes by label", stats.nodes),
    table("Relationships by type", stats.relationships),
    table("Territories by maturity level (latest assessment)", stats.territoriesByMaturity),
  ].join("\n\n");
}
