import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { PROJECT_ROOT } from "../src/common/paths";

/** Stops the embedded Neo4j if global-setup.ts started it; leaves a database it found running. */
export default async function globalTeardown(): Promise<void> {
  const port = process.env.MAILLAGE_TEST_STARTED_DB;
  if (!port) return;
  spawnSync("bash", [join(PROJECT_ROOT, "scripts", "db-stop.sh")], { stdio: "inherit", env: { ...process.env, NEO4J_BOLT_PORT: port } });
}
