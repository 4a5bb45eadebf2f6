import { Command } from "commander";
import { migrate } from "../neo4j/migrate";
import { seed } from "../seed/seed";
import { withConnection } from "./run";

/** `maillage migrate` and `maillage seed`: schema migrations and reference data. */
export function registerDatabaseCommands(program: Command): void {
  program
    .command("migrate")
    .description("Apply the schema migrations in cypher/ that are not applied yet")
    .action(async () => {
      const applied = await withConnection((connection) => migrate(connection.executor));
      console.log(applied.length ? `Applied ${applied.join(", ")}` : "Schema up to date; nothing to apply");
    });

  program
    .command("seed")
    .description("Migrate, then load all French territories, the SDGs and the demo graph (idempotent)")
    .option("--no-demo", "skip the demo graph")
    .action(async (options: { demo: boolean }) => {
      await withConnection(async (connection) => {
        await migrate(connection.executor);
        await seed(connection.executor, { demo: options.demo });
      });
      console.log(options.demo ? "Seeded territories, SDGs and the demo graph" : "Seeded territories and SDGs");
    });
}
