import { spawnSync } from "node:child_process";
import net from "node:net";
import { join } from "node:path";
import { PROJECT_ROOT } from "../common/paths";

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);

/** Host and port of a Bolt URI, or null when it is not a single loopback server. */
export function loopbackBoltAddress(uri: string): { host: string; port: number } | null {
  const match = /^(?:bolt|neo4j)(?:\+s|\+ssc)?:\/\/([^/:]+|\[[^\]]+\])(?::(\d+))?/.exec(uri);
  if (!match || !LOOPBACK_HOSTS.has(match[1])) return null;
  return { host: match[1].replace(/^\[|\]$/g, ""), port: Number(match[2] ?? 7687) };
}

/** Whether something accepts TCP connections at host:port (within a second). */
export function isListening(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (answer: boolean) => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

/**
 * For `npm start` with no configuration: when NEO4J_URI points at this machine and nothing
 * answers there, start the project's embedded Neo4j (scripts/db-start.sh) on that port
 * (its store in `dataDir`, default .neo4j-data/).
 */
export async function ensureEmbeddedDatabase(uri: string, log: (message: string) => void, dataDir?: string): Promise<void> {
  const address = loopbackBoltAddress(uri);
  if (!address || (await isListening(address.host, address.port))) return;
  log(`Nothing answers at ${uri}; starting the embedded Neo4j (npm run db:start)…`);
  const result = spawnSync("bash", [join(PROJECT_ROOT, "scripts", "db-start.sh")], {
    stdio: "inherit",
    env: { ...process.env, NEO4J_BOLT_PORT: String(address.port), ...(dataDir ? { NEO4J_DATA_DIR: dataDir } : {}) },
  });
  if (result.status !== 0) {
    const log = join(dataDir ?? join(PROJECT_ROOT, ".neo4j-data"), "launcher.log");
    throw new Error(`The embedded Neo4j did not start; see ${log}, or set NEO4J_URI to a running Neo4j.`);
  }
}
