import { Connection } from "../../src/neo4j/connect";
import { createServer, MaillageServer } from "../../src/server";
import { openTestDatabase } from "../support/database";

/** /metrics shows requests and latency by operation, errors by code, and Neo4j session use. */
let connection: Connection;
let server: MaillageServer;
let base: string;

beforeAll(async () => {
  connection = await openTestDatabase();
  server = await createServer(connection.executor);
  base = `http://127.0.0.1:${await server.listen(0)}`;
});

afterAll(async () => {
  await server.stop();
  await connection.close();
});

const post = (body: object) =>
  fetch(`${base}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

/** The value of one sample line of the metrics text, 0 when absent. */
function sample(text: string, line: string): number {
  const found = text.split("\n").find((l) => l.startsWith(line + " "));
  return found ? Number(found.slice(line.length + 1)) : 0;
}

describe("GET /metrics", () => {
  it("counts requests by operation, errors by code and Neo4j round trips", async () => {
    const before = await (await fetch(`${base}/metrics`)).text();
    await post({ query: "query MetricsGoals { sdgs { number } }", operationName: "MetricsGoals" });
    await post({ query: "query MetricsGoals { sdgs { number } }", operationName: "MetricsGoals" });
    await post({ query: "query MetricsMissing { actor(id: \"metrics-nobody\") { id } alliances(first: 500) { totalCount } }" });
    const response = await fetch(`${base}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
    const after = await response.text();
    const delta = (line: string) => sample(after, line) - sample(before, line);
    expect(delta('maillage_graphql_requests_total{operation="MetricsGoals"}')).toBe(2);
    expect(delta('maillage_graphql_request_duration_seconds_count{operation="MetricsGoals"}')).toBe(2);
    expect(delta('maillage_graphql_errors_total{code="BAD_USER_INPUT"}')).toBe(1);
    expect(delta('maillage_neo4j_round_trips_total{mode="read"}')).toBeGreaterThanOrEqual(2);
    // A request that failed early may answer before a sibling field's session closes; it closes soon after.
    let inUse = -1;
    for (let attempt = 0; attempt < 50 && inUse !== 0; attempt++) {
      if (attempt) await new Promise((resolve) => setTimeout(resolve, 100));
      inUse = sample(await (await fetch(`${base}/metrics`)).text(), "maillage_neo4j_sessions_in_use");
    }
    expect(inUse).toBe(0);
    expect(after).toContain("maillage_process_resident_memory_bytes");
  });
});
