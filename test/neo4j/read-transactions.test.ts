import { loadConfig } from "../../src/config";
import { connect, Connection } from "../../src/neo4j/connect";

let connection: Connection;

beforeAll(async () => {
  connection = await connect(loadConfig());
});

afterAll(async () => {
  await connection.close();
});

/**
 * `Executor.read` runs one auto-commit statement in a READ session (no BEGIN/COMMIT): it must
 * still be a read transaction, which Neo4j enforces (and a cluster routes to a reader).
 */
describe("Executor.read", () => {
  it("runs in a read transaction: a write statement is refused by Neo4j and writes nothing", async () => {
    await expect(connection.executor.read("CREATE (:ReadTransactionProbe {id: 'probe'}) RETURN 1 AS one")).rejects.toMatchObject({
      code: "Neo.ClientError.Statement.AccessMode",
    });
    const [row] = await connection.executor.read("MATCH (n:ReadTransactionProbe) RETURN count(n) AS n");
    expect(row.n).toBe(0);
  });

  it("returns a statement's rows as plain objects and counts one round trip", async () => {
    const executor = connection.executor.forRequest();
    expect(await executor.read("UNWIND [1, 2] AS x RETURN x, toString(x) AS s")).toEqual([{ x: 1, s: "1" }, { x: 2, s: "2" }]);
    expect(executor.roundTrips).toBe(1);
  });
});
