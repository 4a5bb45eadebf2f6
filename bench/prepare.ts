// Dev helper: `ts-node bench/prepare.ts 10k 17700` loads a graph into a running bench Neo4j.
import { openConnection, prepareGraph } from "./lib/database";
(async () => {
  const [size = "10k", port = "17700"] = process.argv.slice(2);
  const c = await openConnection(`bolt://127.0.0.1:${port}`);
  try { console.log(await prepareGraph(c, size, console.log)); } finally { await c.close(); }
})().catch((e) => { console.error(e); process.exit(1); });
