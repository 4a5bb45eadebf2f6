import { createHash } from "node:crypto";
import { Executor } from "../neo4j/executor";
import { ExportFormat } from "../export/export.formats";
import { ExportRun } from "../export/export.repository";
import { openExport } from "../export/export.service";
import { WHOLE_GRAPH } from "../export/export.scope";

/**
 * SHA-256 (hex) of the canonical export of what `executor` reads: the whole graph as the JSON
 * document, hashed as it streams (a page at a time, never whole in memory). Its bytes depend on
 * neither the clock nor the read order (sorted sections and lists), so the same recorded state
 * always gives the same checksum.
 */
export async function canonicalChecksum(executor: Executor, run: ExportRun = {}): Promise<string> {
  const file = await openExport(executor, ExportFormat.JSON, WHOLE_GRAPH, "bipartite", run);
  const hash = createHash("sha256");
  for await (const chunk of file.chunks) hash.update(chunk);
  return hash.digest("hex");
}
