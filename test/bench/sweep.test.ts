import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildSchema, GraphQLSchema, parse, validate } from "graphql";
import { Connection } from "../../src/neo4j/connect";
import { createSchema } from "../../src/graphql/schema";
import { generateDocument } from "../../src/generate/generate";
import { importFiles } from "../../src/import/importer";
import { parentFieldOf, sweptFields } from "../../bench/lib/sweep-fields";
import { pickSamples, Samples } from "../../bench/lib/sweep-values";
import { isRefusal, planCalls, SweepRunner } from "../../bench/lib/sweep-run";
import { DbHitCounter, profilingExecutor } from "../../bench/lib/sweep-profile";
import { deleteByPrefix, openTestDatabase, TEST_DEPARTEMENTS } from "../support/database";

/**
 * The sweep's own logic (`npm run bench:sweep` times it on the 100k graph; no timing here): it
 * finds every paged field and filter argument in the schema, builds valid operations for them,
 * and its profiled executor adds up the db hits of the statements a request runs.
 */
const P = "sweep-";
let connection: Connection;
let schema: GraphQLSchema;
let dir: string;

beforeAll(async () => {
  connection = await openTestDatabase();
  schema = await createSchema();
  dir = mkdtempSync(join(tmpdir(), "sweep-"));
  await deleteByPrefix(connection, P);
  const doc = generateDocument({ actors: 300, seed: "sweep-test", prefix: P, departements: TEST_DEPARTEMENTS });
  for (const actor of doc.actors as any[]) { actor.siren = null; actor.rna = null; } // unique across the shared test DB
  writeFileSync(join(dir, "graph.json"), JSON.stringify(doc));
  expect((await importFiles(connection.executor, [join(dir, "graph.json")])).rowsRejected).toBe(0);
});

afterAll(async () => {
  await deleteByPrefix(connection, P);
  await connection.close();
  rmSync(dir, { recursive: true, force: true });
});

const PAGED = [
  "Actor.alliances", "Actor.coConstructors", "Actor.history", "Actor.impact", "Alliance.history", "Alliance.members", "Alliance.outcomes", "CoConstruction.outcomes",
  "MaturityAssessment.history", "Membership.history", "NetworkAnalytics.actors", "Outcome.history", "Query.actors", "Query.alliances", "Query.changes", "Query.duplicateCandidates", "Query.factsWithoutSource", "Query.outcomes", "Query.releases", "Query.search",
  "Query.sources", "Query.territories", "SDG.alliances", "Source.history", "Source.supports", "Territory.actors", "Territory.alliances", "Territory.children",
];
const ALLIANCE_FILTER = ["endedFrom", "endedTo", "kinds", "memberIds", "memberKinds", "objectives", "sdgs", "startedFrom", "startedTo", "statuses", "territory"].map((f) => `filter.${f}`);

describe("enumeration", () => {
  it("sweeps every root field and every paged field of the schema", () => {
    const fields = sweptFields(schema);
    expect(fields.filter((f) => f.paged).map((f) => `${f.owner}.${f.name}`).sort()).toEqual(PAGED);
    const roots = Object.keys(schema.getQueryType()!.getFields()).sort();
    expect(fields.filter((f) => f.owner === "Query").map((f) => f.name).sort()).toEqual(roots);
  });

  it("takes each field of a filter input, `at` and the other optional arguments as filters, not paging, ordering or modes", () => {
    const byName = new Map(sweptFields(schema).map((f) => [`${f.owner}.${f.name}`, f.filters.map((x) => x.path.join(".")).sort()]));
    expect(byName.get("Actor.coConstructors")).toEqual(["at", ...ALLIANCE_FILTER, "kinds", "territory"].sort());
    expect(byName.get("Query.actors")).toEqual(["at", "filter.identifier", "filter.kinds", "filter.nameStartsWith", "filter.sdgs", "filter.territory"]);
    expect(byName.get("Alliance.members")).toEqual(["at", "kinds", "roles"]);
    expect(byName.get("Query.network")).toEqual(["at", ...ALLIANCE_FILTER].sort()); // depth, maxNodes, mode have defaults: modes
    expect(byName.get("Query.sdgs")).toEqual([]);
  });

  it("reaches a paged field's parent through the root field answering one of it", () => {
    const parents = ["Actor", "Alliance", "CoConstruction", "NetworkAnalytics", "SDG", "Source", "Territory"].map((type) => parentFieldOf(schema, type).name);
    expect(parents).toEqual(["actor", "alliance", "coConstruction", "networkAnalytics", "sdg", "source", "territory"]);
  });

  it("finds a paged field added to the schema without being told", () => {
    const extended = buildSchema(`type Query { thing(id: ID!): Thing }
      input ThingFilter { colour: String }
      type Thing { id: ID! parts(first: Int, after: String, filter: ThingFilter, at: String): PartConnection! }
      type PartConnection { totalCount: Int! }`);
    const fields = sweptFields(extended);
    expect(fields.map((f) => `${f.owner}.${f.name}:${f.paged}:${f.filters.map((x) => x.path.join(".")).join(",")}`)).toEqual([
      "Query.thing:false:",
      "Thing.parts:true:filter.colour,at",
    ]);
  });
});

describe("planned calls", () => {
  let samples: Samples;
  beforeAll(async () => {
    samples = await pickSamples(connection.executor);
  });

  it("picks a territory of each level from the data, and ids that exist", async () => {
    expect(samples.territories.map((t) => t.level)).toEqual(["REGION", "DEPARTEMENT", "EPCI", "COMMUNE"]);
    const [row] = await connection.executor.read("MATCH (a:Actor {id: $hub}), (b:Actor {id: $partner}), (al:Alliance {id: $alliance}) RETURN count(*) AS n", { ...samples });
    expect(row.n).toBe(1);
  });

  it("builds a valid operation for each call, one per territory level for a territory argument, and each answers without error", async () => {
    const calls = planCalls(schema, samples);
    for (const call of calls) expect([call.name, validate(schema, parse(call.query))]).toEqual([call.name, []]);
    const territoryCalls = calls.filter((c) => c.name.startsWith("Query.alliances(filter.territory=")).map((c) => c.name);
    expect(territoryCalls).toEqual(samples.territories.map((t) => `Query.alliances(filter.territory=${t.id})`));
    expect(calls.filter((c) => !c.baseline).length).toBe(sweptFields(schema).length);
    const runner = await SweepRunner.start(schema, connection.executor);
    try {
      const errors: string[] = [];
      const refused: string[] = [];
      for (const call of calls) {
        const { error } = await runner.once(call);
        if (isRefusal(call, error)) refused.push(call.name);
        else if (error) errors.push(`${call.name}: ${error}`);
      }
      expect(errors).toEqual([]);
      // The profile's territory is its `territory` argument: the API refuses filter.territory there, naming it.
      // diff's scope.depth measures an actor's neighbourhood: without scope.actor the API refuses it, naming it.
      expect(refused).toEqual([...samples.territories.map((t) => `Query.territoryProfile(filter.territory=${t.id})`), "Query.diff(scope.depth)"]);
    } finally {
      await runner.stop();
    }
  }, 600_000); // ~250 calls, analytics among them
});

describe("db hits", () => {
  const A = "MATCH (t:Territory) WHERE t.id STARTS WITH 'DEPARTEMENT:' RETURN t.id AS id ORDER BY id";
  const B = "MATCH (t:Territory {id: $id})<-[:PART_OF]-(c:Territory) RETURN count(c) AS n";

  /** Db hits of a statement profiled directly, summed over the plan tree with a stack. */
  async function directHits(cypher: string, params = {}): Promise<number> {
    const session = connection.driver.session();
    try {
      const { summary } = await session.run(`PROFILE ${cypher}`, params);
      let hits = 0;
      const stack = [summary.profile as any];
      while (stack.length) { const plan = stack.pop(); hits += plan.dbHits; stack.push(...plan.children); }
      return hits;
    } finally {
      await session.close();
    }
  }

  it("adds up the db hits of every statement the executor reads, and returns the same rows", async () => {
    const counter = new DbHitCounter();
    const profiled = profilingExecutor(connection.executor, counter);
    const rowsA = await profiled.read(A);
    const rowsB = await profiled.read(B, { id: "DEPARTEMENT:94" });
    expect(rowsA).toEqual(await connection.executor.read(A));
    expect(rowsB).toEqual([{ n: 48 }]); // Val-de-Marne's communes and the EPCI reaching into it
    expect(counter.statements).toBe(2);
    const expected = (await directHits(A)) + (await directHits(B, { id: "DEPARTEMENT:94" }));
    expect(expected).toBeGreaterThan(100);
    expect(counter.dbHits).toBe(expected);
  });
});
