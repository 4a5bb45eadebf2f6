import { loadConfig } from "../../src/config";
import { connect, Connection } from "../../src/neo4j/connect";

let connection: Connection;

beforeAll(async () => {
  connection = await connect(loadConfig(), { kind: "script", id: "on-commit test" });
});

afterAll(async () => {
  await connection.close();
});

// Transactions that change nothing: the hook is about commits, not about data.
const NOTHING = "RETURN 1 AS one";

describe("Executor.onCommit", () => {
  it("calls a listener once, after the write's work has committed, with the write's caller", async () => {
    const calls: string[] = [];
    connection.executor.onCommit((caller) => calls.push(`commit by ${caller.kind} ${caller.id}`));
    const result = await connection.executor.write(async (tx) => {
      await tx.run(NOTHING);
      calls.push("work");
      return "done";
    });
    expect(result).toBe("done");
    expect(calls).toEqual(["work", "commit by script on-commit test"]);
  });

  it("does not call it after a write that fails, by the work's error or by Cypher's", async () => {
    const own = connection.executor.forRequest();
    let commits = 0;
    connection.executor.onCommit(() => commits++);
    await expect(own.write(async () => Promise.reject(new Error("checked and refused")))).rejects.toThrow("checked and refused");
    await expect(own.write((tx) => tx.run("RETURN 1 +"))).rejects.toThrow();
    await expect(own.read("RETURN 1 AS one")).resolves.toEqual([{ one: 1 }]);
    expect(commits).toBe(0);
    await own.write((tx) => tx.run(NOTHING));
    expect(commits).toBe(1);
  });

  it("reaches the root's listeners from a request's executor, each listener once however often it was added", async () => {
    let commits = 0;
    const listener = () => commits++;
    connection.executor.onCommit(listener);
    connection.executor.onCommit(listener);
    await connection.executor.forRequest().write((tx) => tx.run(NOTHING));
    expect(commits).toBe(1);
  });
});
