/**
 * The server bench/export-memory.ts measures, run as a child process (its memory its own),
 * transpiled next to the compiled src/ of the version under test (bench/lib/compile.ts), so
 * `../src/...` is that version's code. Serves /export with one admin key, samples its own
 * RSS and heap every 100 ms, and answers IPC:
 *   {type: "samples"}  the samples since the last ask
 *   {type: "gc"}       collects garbage (node --expose-gc), then answers its memory
 * argv: boltUri adminKey
 */
import "reflect-metadata";

const [uri, adminKey] = process.argv.slice(2);
const started = Date.now();
let samples: [number, number, number][] = [];
const sample = () => {
  const { rss, heapUsed } = process.memoryUsage();
  samples.push([Date.now() - started, rss, heapUsed]);
};
setInterval(sample, 100).unref();

async function main() {
  const { loadConfig } = await import("../src/config");
  const { connect } = await import("../src/neo4j/connect");
  const { createServer } = await import("../src/server");
  const { loadAuthConfig } = await import("../src/auth/auth.config");
  const connection = await connect(loadConfig({ ...process.env, NEO4J_URI: uri, LOG_LEVEL: "silent", NEO4J_TX_TIMEOUT_MS: "600000" }));
  const server = await createServer(connection.executor, { auth: loadAuthConfig({ MAILLAGE_API_KEYS: `admin:${adminKey}` }) });
  const port = await server.listen(0);
  process.on("message", (message: any) => {
    if (message?.type === "samples") {
      sample();
      process.send!({ type: "samples", samples });
      samples = [];
    }
    if (message?.type === "gc") {
      (globalThis as any).gc?.();
      const { rss, heapUsed } = process.memoryUsage();
      process.send!({ type: "gc", rss, heapUsed });
    }
  });
  process.on("disconnect", () => process.exit(0));
  process.send!({ type: "ready", port, startMs: Date.now() - started });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
