import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { PROJECT_ROOT } from "../common/paths";
import { Executor } from "./executor";

/** The label of the nodes recording applied migrations: bookkeeping, outside the graph model (backups leave them out). */
export const MIGRATION_LABEL = "Migration";

/** Where the numbered schema migrations live (`001_constraints.cypher`, …). */
export const MIGRATIONS_DIR = join(PROJECT_ROOT, "cypher");

export interface Migration {
  id: string;
  checksum: string;
  statements: string[];
}

/** Reads `cypher/NNN_name.cypher` files in order; statements end with `;`, `//` lines are comments. */
export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((file) => /^\d{3}_.+\.cypher$/.test(file))
    .sort()
    .map((file) => {
      const text = readFileSync(join(dir, file), "utf8");
      const body = text
        .split("\n")
        .filter((line) => !line.trim().startsWith("//"))
        .join("\n");
      return {
        id: file.replace(/\.cypher$/, ""),
        checksum: createHash("sha256").update(text).digest("hex").slice(0, 16),
        statements: body.split(/;\s*(?:\n|$)/).map((s) => s.trim()).filter(Boolean),
      };
    });
}

/**
 * Applies every migration not yet recorded (or whose file changed), then waits for
 * indexes to come online. Statements use IF NOT EXISTS, so re-running is harmless;
 * each one runs in its own transaction because Neo4j does not mix schema and data writes.
 * Returns the ids it applied.
 */
export async function migrate(executor: Executor, migrations = readMigrations()): Promise<string[]> {
  const rows = await executor.read(`MATCH (m:${MIGRATION_LABEL}) RETURN m.id AS id, m.checksum AS checksum`);
  const applied = new Map(rows.map((row) => [row.id as string, row.checksum as string]));
  const done: string[] = [];
  for (const migration of migrations) {
    if (applied.get(migration.id) === migration.checksum) continue;
    const migrating = executor.forRequest({ kind: "migration", id: migration.id });
    for (const statement of migration.statements) {
      await migrating.write((tx) => tx.run(statement));
    }
    await migrating.write((tx) =>
      tx.run(`MERGE (m:${MIGRATION_LABEL} {id: $id}) SET m.checksum = $checksum, m.appliedAt = datetime()`, {
        id: migration.id,
        checksum: migration.checksum,
      }),
    );
    done.push(migration.id);
  }
  await executor.read("CALL db.awaitIndexes(300)", {}, { timeoutMs: 0 }); // index builds may outlast the query timeout
  return done;
}
