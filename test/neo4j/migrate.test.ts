import { Connection } from "../../src/neo4j/connect";
import { migrate, readMigrations } from "../../src/neo4j/migrate";
import { openTestDatabase } from "../support/database";

let connection: Connection;

beforeAll(async () => {
  connection = await openTestDatabase();
});

afterAll(async () => {
  await connection.close();
});

async function schemaObjects(): Promise<string[]> {
  const constraints = await connection.executor.read("SHOW CONSTRAINTS YIELD name RETURN name");
  const indexes = await connection.executor.read("SHOW INDEXES YIELD name, state WHERE state = 'ONLINE' RETURN name");
  return [...constraints, ...indexes].map((row) => row.name).sort();
}

describe("migrations", () => {
  it("reads the numbered cypher files in order, one statement per `;`", () => {
    const migrations = readMigrations();
    expect(migrations.map((m) => m.id)).toEqual(["001_constraints", "002_indexes", "003_fulltext", "004_name_keys", "005_maturity", "006_scope_indexes", "007_actor_aliases", "008_identifier_indexes", "009_history"]);
    expect(migrations[0].statements).toHaveLength(10);
    expect(migrations[0].statements.every((s) => s.startsWith("CREATE CONSTRAINT"))).toBe(true);
  });

  it("apply nothing the second time, and leave the schema as it was", async () => {
    const before = await schemaObjects();
    expect(await migrate(connection.executor)).toEqual([]);
    expect(await schemaObjects()).toEqual(before);
  });

  it("can run every statement again without error or change (IF NOT EXISTS)", async () => {
    const before = await schemaObjects();
    const forced = readMigrations().map((m) => ({ ...m, checksum: "forced" }));
    expect(await migrate(connection.executor, forced)).toEqual(forced.map((m) => m.id));
    expect(await schemaObjects()).toEqual(before);
    await migrate(connection.executor); // restore the real checksums
  });

  it("creates the uniqueness constraints and the accent-folding full-text index", async () => {
    const names = await schemaObjects();
    for (const name of ["actor_id", "actor_siren", "actor_rna", "alliance_id", "territory_id", "sdg_number", "source_id"]) {
      expect(names).toContain(name);
    }
    const [fulltext] = await connection.executor.read(
      "SHOW FULLTEXT INDEXES YIELD name, labelsOrTypes, properties, options WHERE name = 'actor_alliance_text' RETURN labelsOrTypes, properties, options.indexConfig['fulltext.analyzer'] AS analyzer",
    );
    expect(fulltext).toEqual({ labelsOrTypes: ["Actor", "Alliance"], properties: ["name", "description"], analyzer: "standard-folding" });
  });

  it("folds accents in full-text search: 'collectivite' finds 'Collectivité'", async () => {
    const id = "mig-fold-test";
    await connection.executor.write((tx) => tx.run("MERGE (a:Actor {id: $id}) SET a.name = 'Collectivité de Créteil', a.kind = 'LOCAL_AUTHORITY'", { id }));
    try {
      const rows = await connection.executor.read(
        "CALL db.index.fulltext.queryNodes('actor_alliance_text', $q) YIELD node WHERE node.id = $id RETURN node.name AS name",
        { q: "collectivite creteil", id },
      );
      expect(rows).toEqual([{ name: "Collectivité de Créteil" }]);
    } finally {
      await connection.executor.write((tx) => tx.run("MATCH (a:Actor {id: $id}) DELETE a", { id }));
    }
  });
});
