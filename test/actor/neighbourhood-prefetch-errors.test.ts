import { Executor } from "../../src/neo4j/executor";
import { logger } from "../../src/logger";
import { useKnownGraph } from "../support/known-graph-suite";

/**
 * The prefetch of `actor { coConstructors { … sharedAlliances { outcomes } } }`
 * (src/actor/neighbourhood.prefetch.ts) never hides an error: a failure of its statement
 * fails the request, logged with the request id; only arguments a resolver refuses
 * (decided before the statement runs) leave the fields to load one by one.
 */
const P = "nbe-";
const suite = useKnownGraph(P);

const W1 = `query ($id: ID!, $after: String) {
  actor(id: $id) { id coConstructors(after: $after) { edges { node { actor { id } sharedAlliances { id outcomes(first: 5) { edges { node { id } } } } } } } }
}`;

/** The NEIGHBOURHOOD statement is the only one returning `outcomePages`. */
const isNeighbourhood = (cypher: string) => cypher.includes("outcomePages");

describe("errors around the co-construction prefetch", () => {
  afterEach(() => jest.restoreAllMocks());

  it("fails the request with a coded error, and logs the original, when its statement fails", async () => {
    const read = Executor.prototype.read;
    const failure = new Error("injected: connection reset by peer");
    const statements: string[] = [];
    jest.spyOn(Executor.prototype, "read").mockImplementation(function (this: Executor, cypher, ...rest) {
      statements.push(cypher);
      return isNeighbourhood(cypher) ? Promise.reject(failure) : read.call(this, cypher, ...rest);
    });
    const log = { info: jest.fn(), error: jest.fn() };
    jest.spyOn(logger, "child").mockReturnValue(log as unknown as ReturnType<typeof logger.child>);

    const result = await suite.client.run(W1, { id: `${P}alpha` });

    expect(result.data).toEqual({ actor: null });
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]).toMatchObject({ path: ["actor"], extensions: { code: "INTERNAL_SERVER_ERROR" } });
    expect(JSON.stringify(result.errors)).not.toContain("injected");
    expect(log.error).toHaveBeenCalledWith(expect.objectContaining({ err: failure, path: ["actor"] }), "unexpected error in GraphQL request");
    // No silent retry on the field-by-field path: the failed statement was the only one.
    expect(statements.filter(isNeighbourhood)).toHaveLength(1);
    expect(statements).toHaveLength(1);
  });

  it("leaves a cursor its resolver refuses to that resolver, without running the statement", async () => {
    const spy = jest.spyOn(Executor.prototype, "read");
    const result = await suite.client.run(W1, { id: `${P}alpha`, after: "not-a-cursor" });
    expect(spy.mock.calls.map(([cypher]) => cypher).filter(isNeighbourhood)).toHaveLength(0);
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]).toMatchObject({ path: ["actor", "coConstructors"], extensions: { code: "BAD_USER_INPUT", field: "after" } });
    expect(result.data).toEqual({ actor: null }); // coConstructors is non-null: its error nulls the actor, as field by field
  });

  it("still answers in one round trip when nothing fails", async () => {
    const result = await suite.client.run(W1, { id: `${P}alpha` });
    expect(result.errors).toBeUndefined();
    expect(result.data.actor.coConstructors.edges.map((e: any) => e.node.actor.id)).toEqual([`${P}beta`, `${P}gamma`]);
    expect(result.roundTrips).toBe(1);
  });
});
