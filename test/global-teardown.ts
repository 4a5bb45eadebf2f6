import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { PROJECT_ROOT } from "../src/common/paths";

/** Stops the test Neo4j if global-setup.ts started it; leaves a database it found running. */
export default async function globalTeardown(): Promise<void> {
  const started = process.env.MAILLAGE_TEST_STARTED_DB;
  if (!started) return;
  const { port, dataDir } = JSON.parse(started) as { port: number; dataDir: string };
  spawnSync("bash", [join(PROJECT_ROOT, "scripts", "db-stop.sh")], {
    stdio: "inherit",
    env: { ...process.env, NEO4J_BOLT_PORT: String(port), NEO4J_DATA_DIR: dataDir },
  });
}
