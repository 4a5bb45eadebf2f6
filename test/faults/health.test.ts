import express from "express";
import http from "node:http";
import { GraphQLInt, GraphQLObjectType, GraphQLSchema } from "graphql";
import { loadConfig } from "../../src/config";
import { Context } from "../../src/graphql/context";
import { healthRoutes } from "../../src/health/health.routes";
import { gracefulShutdown } from "../../src/health/shutdown";
import { connect, Connection } from "../../src/neo4j/connect";
import { createDriver } from "../../src/neo4j/driver";
import { Executor } from "../../src/neo4j/executor";
import { migrate, readMigrations } from "../../src/neo4j/migrate";
import { createServer, MaillageServer } from "../../src/server";
import { sleep } from "./own-neo4j";

/** Liveness, readiness, failing fast, query timeouts and graceful shutdown, on the shared test Neo4j. */
let connection: Connection;

beforeAll(async () => {
  connection = await connect(loadConfig());
  await migrate(connection.executor);
});

afterAll(async () => {
  await connection.close();
});

/** Serves `app` on a free port for the duration of `use`. */
async function serving(app: express.Express, use: (base: string) => Promise<void>): Promise<void> {
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, resolve));
  try {
    await use(`http://127.0.0.1:${(server.address() as { port: number }).port}`);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

function healthApp(executor: Executor, options?: Parameters<typeof healthRoutes>[1]): express.Express {
  return express().use(healthRoutes(executor, options));
}

/** An executor on a port where nothing listens: Neo4j down. */
function downExecutor(): Executor {
  return new Executor(createDriver(loadConfig({ NEO4J_URI: "bolt://127.0.0.1:9" })), undefined);
}

describe("/healthz and /readyz", () => {
  it("answers ok when the process is up and the database is migrated", async () => {
    await serving(healthApp(connection.executor), async (base) => {
      const health = await fetch(`${base}/healthz`);
      expect([health.status, await health.json()]).toEqual([200, { status: "ok", neo4j: { available: true, refused: 0, probes: 0 } }]);
      const ready = await fetch(`${base}/readyz`);
      expect([ready.status, await ready.json()]).toEqual([200, { status: "ok" }]);
    });
  });

  it("is not ready while a migration is missing or changed", async () => {
    const migrations = readMigrations();
    const changed = { ...migrations[0], checksum: "0000000000000000" };
    const future = { id: "999_future", checksum: "abc", statements: [] };
    await serving(healthApp(connection.executor, { migrations: [changed, ...migrations.slice(1), future] }), async (base) => {
      const ready = await fetch(`${base}/readyz`);
      expect([ready.status, await ready.json()]).toEqual([
        503,
        { status: "unavailable", reason: `migrations not applied: ${migrations[0].id}, 999_future` },
      ]);
    });
  });

  it("is not ready, within its timeout, while Neo4j is unreachable — but stays alive", async () => {
    const executor = downExecutor();
    try {
      await serving(healthApp(executor), async (base) => {
        const started = Date.now();
        const ready = await fetch(`${base}/readyz`);
        expect([ready.status, await ready.json()]).toEqual([503, { status: "unavailable", reason: "neo4j unreachable" }]);
        expect(Date.now() - started).toBeLessThan(3_000);
        const health = await fetch(`${base}/healthz`);
        expect([health.status, await health.json()]).toMatchObject([200, { status: "ok", neo4j: { available: false, since: expect.any(String) } }]);
      });
    } finally {
      executor.availability.stop();
      await executor.driver.close();
    }
  });
});

describe("failing fast", () => {
  it("answers a GraphQL request with HTTP 503 SERVICE_UNAVAILABLE within seconds while Neo4j is down", async () => {
    const executor = downExecutor();
    const server = await createServer(executor);
    try {
      const port = await server.listen(0);
      const started = Date.now();
      const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: '{ actor(id: "le-rameau") { name } }' }),
      });
      const body = (await response.json()) as any;
      expect(Date.now() - started).toBeLessThan(3_000);
      expect(response.status).toBe(503);
      expect(body.errors[0].extensions).toMatchObject({ code: "SERVICE_UNAVAILABLE", retryAfterSeconds: 1 });
      expect(body.errors[0].extensions).not.toHaveProperty("http");
      expect(response.headers.get("retry-after")).toBe("1");
      // The first failure closed the availability gate: the next request is refused before reaching Neo4j.
      const again = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: '{ actor(id: "le-rameau") { name } }' }),
      });
      expect([again.status, again.headers.get("retry-after")]).toEqual([503, "1"]);
      expect(executor.availability.state()).toMatchObject({ available: false, refused: 1 });
    } finally {
      await server.stop();
      executor.availability.stop();
      await executor.driver.close();
    }
  });

  it("stops a runaway query at the transaction timeout", async () => {
    const driver = createDriver(loadConfig({ ...process.env, NEO4J_TX_TIMEOUT_MS: "500" }));
    const executor = new Executor(driver, undefined);
    try {
      const started = Date.now();
      const runaway = executor.read("UNWIND range(1, 2000000000) AS x WITH x WHERE x < 0 RETURN count(x) AS n");
      await expect(runaway).rejects.toMatchObject({
        message: expect.stringContaining("took too long"),
        extensions: { code: "SERVICE_UNAVAILABLE" },
      });
      expect(Date.now() - started).toBeLessThan(3_000);
      // A call may give its own limit (0: none) — migrations waiting for indexes do.
      expect(await executor.read("RETURN 1 AS one", {}, { timeoutMs: 0 })).toEqual([{ one: 1 }]);
    } finally {
      await driver.close();
    }
  });
});

describe("graceful shutdown", () => {
  const events: string[] = [];
  // One field that takes a second, then reads from Neo4j: a request still in flight at shutdown.
  const slowSchema = new GraphQLSchema({
    query: new GraphQLObjectType<unknown, Context>({
      name: "Query",
      fields: {
        slow: {
          type: GraphQLInt,
          resolve: async (_source, _args, context) => {
            await sleep(1_000);
            const [row] = await context.executor.read("RETURN 1 AS one");
            events.push("in-flight request read");
            return row.one;
          },
        },
      },
    }),
  });

  it("finishes in-flight requests, refuses new ones, then closes the driver", async () => {
    const own = await connect(loadConfig());
    const closeDriver = own.close;
    own.close = async () => {
      events.push("driver closed");
      await closeDriver();
    };
    const server: MaillageServer = await createServer(own.executor, { schema: slowSchema });
    const base = `http://127.0.0.1:${await server.listen(0)}`;

    const inFlight = fetch(`${base}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", connection: "close" },
      body: JSON.stringify({ query: "{ slow }" }),
    }).then(async (response) => ({ status: response.status, body: await response.json() }));
    await sleep(200);

    const shutdown = gracefulShutdown(server, own);
    const stopped = shutdown("SIGTERM");
    await sleep(100);
    await expect(fetch(`${base}/healthz`, { headers: { connection: "close" } })).rejects.toThrow();

    expect(await inFlight).toEqual({ status: 200, body: { data: { slow: 1 } } });
    await stopped;
    expect(shutdown("SIGINT")).toBe(stopped);
    expect(events).toEqual(["in-flight request read", "driver closed"]);
    await expect(own.executor.read("RETURN 1")).rejects.toThrow();
  });
});
