import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PROJECT_ROOT } from "../../src/common/paths";
import { isListening } from "../../src/neo4j/embedded";

/**
 * A Neo4j of the test's own (never the shared one on 7687): the embedded launcher on
 * `port`, with its store in a fresh temp dir. The tests may kill it at will.
 */
export class OwnNeo4j {
  readonly dataDir = mkdtempSync(join(tmpdir(), "maillage-faults-"));
  readonly uri: string;

  constructor(readonly port: number) {
    this.uri = `bolt://127.0.0.1:${port}`;
  }

  private get env(): NodeJS.ProcessEnv {
    return { ...process.env, NEO4J_BOLT_PORT: String(this.port), NEO4J_DATA_DIR: this.dataDir, NEO4J_HEAP: "1g", NEO4J_START_TIMEOUT: "120" };
  }

  /** Starts it and resolves once Bolt answers; does not block the event loop (requests keep flowing meanwhile). */
  async start(): Promise<void> {
    if (await isListening("127.0.0.1", this.port)) throw new Error(`port ${this.port} is taken: refusing to test against someone else's server`);
    const child = spawn("bash", [join(PROJECT_ROOT, "scripts", "db-start.sh")], { env: this.env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    if (code !== 0) throw new Error(`db-start.sh failed (${code}):\n${output}`);
  }

  /** The launcher's pid, from the pid file db-start.sh wrote. */
  pid(): number {
    return Number(readFileSync(join(this.dataDir, "neo4j.pid"), "utf8").trim());
  }

  /** SIGKILL: no shutdown hook, no clean store close — a crash. Resolves once the process is gone. */
  async kill(): Promise<void> {
    const pid = this.pid();
    process.kill(pid, "SIGKILL");
    while (isAlive(pid)) await sleep(50);
  }

  /** Stops it cleanly (if running) and deletes its store. */
  destroy(): void {
    spawnSync("bash", [join(PROJECT_ROOT, "scripts", "db-stop.sh")], { env: this.env, stdio: "ignore" });
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
