/**
 * One benchmarked server, run as a child process (so its memory is its own):
 *   maillage      createServer() with public reads, plus a plugin putting the request's Cypher
 *                 round trips in the `x-cypher-round-trips` header
 *   neo4jGraphql  @neo4j/graphql 7 (bench/lib/neo4j-graphql-typedefs.ts) on Apollo + Express 5
 *   floor         POST /floor/<workload> runs that workload's hand-written Cypher, no GraphQL
 * Listens on 127.0.0.1:0 and tells the parent (IPC) its port and start timings; answers
 * {type: "stats"} with RSS (current and peak since the last ask), requests and driver sessions.
 */
import "reflect-metadata";
import http from "node:http";
import neo4j, { Driver } from "neo4j-driver";

const kind = process.argv[2];
const uri = process.argv[3];
const started = process.hrtime.bigint();
const ms = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e6;

let requests = 0;
let roundTrips = 0;
let sessions = 0;
let peakRss = process.memoryUsage().rss;
setInterval(() => { peakRss = Math.max(peakRss, process.memoryUsage().rss); }, 100).unref();

process.on("message", (message: any) => {
  if (message?.type === "stats") {
    const rss = process.memoryUsage().rss;
    process.send!({ type: "stats", rss, peakRss: Math.max(peakRss, rss), heapUsed: process.memoryUsage().heapUsed, requests, roundTrips, sessions });
    peakRss = rss;
  }
  if (message?.type === "stop") process.exit(0);
});
process.on("disconnect", () => process.exit(0));

/** Counts the sessions the driver opens (one per Cypher round trip in all three servers). */
function countSessions(driver: Driver): Driver {
  const open = driver.session.bind(driver);
  (driver as any).session = (...args: any[]) => { sessions++; return (open as any)(...args); };
  return driver;
}

async function maillage() {
  const { loadConfig } = await import("../../src/config");
  const { connect } = await import("../../src/neo4j/connect");
  const { createSchema } = await import("../../src/graphql/schema");
  const { createServer } = await import("../../src/server");
  const { NO_AUTH } = await import("../../src/auth/auth.config");
  const importsMs = ms(started);
  const connection = await connect(loadConfig({ ...process.env, NEO4J_URI: uri, LOG_LEVEL: "silent" }));
  countSessions(connection.driver);
  const t0 = process.hrtime.bigint();
  const schema = await createSchema();
  const schemaMs = ms(t0);
  const t1 = process.hrtime.bigint();
  const server = await createServer(connection.executor, {
    schema,
    auth: NO_AUTH,
    plugins: [{
      async requestDidStart() {
        return {
          async willSendResponse({ contextValue, response }: any) {
            requests++;
            roundTrips += contextValue.executor.roundTrips;
            response.http.headers.set("x-cypher-round-trips", String(contextValue.executor.roundTrips));
          },
        };
      },
    }],
  });
  const port = await server.listen(0);
  return { port, schemaMs, serverStartMs: ms(t1), importsMs };
}

async function neo4jGraphql() {
  const { Neo4jGraphQL } = await import("@neo4j/graphql");
  const { ApolloServer } = await import("@apollo/server");
  const { expressMiddleware } = await import("@as-integrations/express5");
  const express = (await import("express")).default;
  const { TYPE_DEFS } = await import("../lib/neo4j-graphql-typedefs");
  const importsMs = ms(started);
  const driver = countSessions(neo4j.driver(uri, neo4j.auth.basic(process.env.NEO4J_USER ?? "neo4j", process.env.NEO4J_PASSWORD ?? "password")));
  const t0 = process.hrtime.bigint();
  const schema = await new Neo4jGraphQL({ typeDefs: TYPE_DEFS, driver }).getSchema();
  const schemaMs = ms(t0);
  const t1 = process.hrtime.bigint();
  const apollo = new ApolloServer({
    schema,
    plugins: [{ async requestDidStart() { return { async willSendResponse() { requests++; } }; } }],
  });
  await apollo.start();
  const app = express();
  app.use("/graphql", express.json({ limit: 1_000_000 }), expressMiddleware(apollo, { context: async () => ({}) }));
  const httpServer = http.createServer(app);
  const port = await new Promise<number>((resolve) => httpServer.listen(0, "127.0.0.1", () => resolve((httpServer.address() as any).port)));
  return { port, schemaMs, serverStartMs: ms(t1), importsMs };
}

async function floor() {
  const { FLOOR_QUERIES } = await import("./floor-queries");
  const driver = countSessions(neo4j.driver(uri, neo4j.auth.basic(process.env.NEO4J_USER ?? "neo4j", process.env.NEO4J_PASSWORD ?? "password"), { disableLosslessIntegers: true }));
  const t1 = process.hrtime.bigint();
  const server = http.createServer((req, res) => {
    const name = /^\/floor\/([\w-]+)$/.exec(req.url ?? "")?.[1];
    const cypher = name ? FLOOR_QUERIES()[name] : undefined;
    if (req.method !== "POST" || !cypher) { res.writeHead(404).end(); return; }
    const chunks: Buffer[] = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", async () => {
      const session = driver.session({ defaultAccessMode: "READ" });
      try {
        const params = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}");
        // One auto-commit statement in a READ session, as Maillage's executor reads: the floor stays the cheapest way.
        const result = await session.run(cypher, params);
        requests++;
        roundTrips++;
        res.writeHead(200, { "content-type": "application/json", "x-cypher-round-trips": "1" }).end(JSON.stringify(result.records.map((r) => r.toObject())));
      } catch (error) {
        res.writeHead(500, { "content-type": "application/json" }).end(JSON.stringify({ error: String(error) }));
      } finally {
        await session.close();
      }
    });
  });
  const port = await new Promise<number>((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as any).port)));
  return { port, schemaMs: 0, serverStartMs: ms(t1), importsMs: 0 };
}

const start = kind === "maillage" ? maillage : kind === "neo4jGraphql" ? neo4jGraphql : kind === "floor" ? floor : null;
if (!start) { console.error(`unknown server kind ${kind}`); process.exit(2); }
start!().then(
  (info) => process.send!({ type: "ready", ...info }),
  (error) => { console.error(error); process.exit(1); },
);
