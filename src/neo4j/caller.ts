/**
 * Who a write is made for, so no write is anonymous: every write transaction carries it as
 * Neo4j transaction metadata (`{ caller }`, shown by SHOW TRANSACTIONS and in the query log)
 * and hands it to commit listeners; the change log records it as `who` (src/history/change-log.ts).
 *
 *   api-key    id: the key's name (never the key)         jwt        id: the token's `sub`
 *   import     id: the file(s) imported; sha256 of each   seed       id: what is seeded (territories, sdgs, demo-graph)
 *   migration  id: the migration (001_constraints)        cli        id: the command (`maillage restore`)
 *   restore    id: the backup file; sha256 of the graph it holds (its checksum)
 *   script     id: a script or test acting on the database directly
 */
export interface Caller {
  kind: "api-key" | "jwt" | "import" | "restore" | "seed" | "migration" | "cli" | "script";
  id: string;
  /** Imports: the SHA-256 (hex) of each file, in the order `id` lists them; a restore: the backup's checksum. */
  sha256?: string[];
}
