import { Connection } from "../../src/neo4j/connect";
import { Label } from "../../src/neo4j/graph-model";
import { loadDocument } from "../../src/seed/document";
import { deleteByPrefix, GraphQLClient, openTestDatabase } from "../support/database";

const P = "mat-";
const id = (name: string) => `${P}${name}`;
let connection: Connection;
let client: GraphQLClient;

/** Three actors based in Lyon's 1st, 2nd and 3rd arrondissements; a3 is never assessed. */
const graph = () => ({
  sources: [
    { id: id("s1"), title: "Baromètre maturité", date: "2021-01-01", kind: "STUDY" },
    { id: id("s2"), title: "Recherche-action maturité", date: "2022-01-01", kind: "ACTION_RESEARCH" },
  ],
  actors: [
    { id: id("a1"), name: "Mat Un", kind: "ASSOCIATION", basedIn: "69381" },
    { id: id("a2"), name: "Mat Deux", kind: "COMPANY", basedIn: "69382" },
    { id: id("a3"), name: "Mat Trois", kind: "FOUNDATION", basedIn: "69383" },
  ],
  alliances: [],
  memberships: [],
  outcomes: [],
});

/** [id, subjectType, subjectId, level, assessedOn, sources]: a1's two 2021 assessments tie on the date, "…-2021b" wins by id. */
const ASSESSMENTS: [string, string, string, string, string, string[]][] = [
  ["a1-2019", "ACTOR", id("a1"), "DISCOVERING", "2019-03-01", ["s1"]],
  ["a1-2021", "ACTOR", id("a1"), "STRUCTURING", "2021-06-01", ["s1", "s2"]],
  ["a1-2021b", "ACTOR", id("a1"), "PIONEERING", "2021-06-01", ["s2"]],
  ["a2-2020", "ACTOR", id("a2"), "EXPERIMENTING", "2020-01-01", ["s1"]],
  ["lyon1-2020", "TERRITORY", "69381", "STRUCTURING", "2020-01-01", ["s1"]],
  ["lyon1-2022", "TERRITORY", "ARRONDISSEMENT_MUNICIPAL:69381", "PIONEERING", "2022-01-01", ["s2"]],
  ["lyon2-2021", "TERRITORY", "69382", "STRUCTURING", "2021-01-01", ["s1"]],
  ["lyon3-2019", "TERRITORY", "69383", "DISCOVERING", "2019-01-01", ["s1"]],
  ["lyon-2021", "TERRITORY", "COMMUNE:69123", "EXPERIMENTING", "2021-01-01", ["s2"]],
];

const ASSESS = `mutation ($input: MaturityAssessmentInput!) {
  assessMaturity(input: $input) { id level assessedOn note subjectType subject { __typename ... on Actor { id } ... on Territory { id } } sources { id } }
}`;
const input = (over: object = {}) => ({
  id: id("new"), subjectType: "ACTOR", subjectId: id("a3"), level: "EXPERIMENTING", assessedOn: "2023-01-01", sourceIds: [id("s1")], ...over,
});
const DELETE_ASSESSMENTS = `MATCH (m:${Label.MaturityAssessment}) WHERE m.id STARTS WITH $prefix DETACH DELETE m`;
const OUR_ASSESSMENTS = `MATCH (m:${Label.MaturityAssessment}) WHERE m.id STARTS WITH $prefix
  RETURN m.id AS id, m.level AS level, [(m)-[r]->(x) | type(r) + ">" + x.id] AS links ORDER BY id`;

async function cleanUp() {
  await connection.executor.write((tx) => tx.run(DELETE_ASSESSMENTS, { prefix: P }));
  await deleteByPrefix(connection, P);
}

/** Our assessments, their levels and links, as a string to compare before and after a failed mutation. */
const snapshot = async () => JSON.stringify(await connection.executor.read(OUR_ASSESSMENTS, { prefix: P }));

beforeAll(async () => {
  connection = await openTestDatabase();
  await cleanUp();
  await loadDocument(connection.executor, graph());
  client = await GraphQLClient.create(connection);
  for (const [mid, subjectType, subjectId, level, assessedOn, sources] of ASSESSMENTS) {
    await client.data(ASSESS, { input: { id: id(mid), subjectType, subjectId, level, assessedOn, sourceIds: sources.map(id) } });
  }
});

afterAll(async () => {
  await cleanUp();
  await client.stop();
  await connection.close();
});

describe("Actor.maturity", () => {
  it("is the latest assessment, ties on the date going to the greatest id", async () => {
    const { actor } = await client.data(`{ actor(id: "${id("a1")}") { maturity { id level assessedOn subject { ... on Actor { name } } sources { id } } } }`);
    expect(actor.maturity).toEqual({ id: id("a1-2021b"), level: "PIONEERING", assessedOn: "2021-06-01", subject: { name: "Mat Un" }, sources: [{ id: id("s2") }] });
  });

  it("is the latest on or before `at`, null before the first", async () => {
    const { actor } = await client.data(`{ actor(id: "${id("a1")}") {
      then: maturity(at: "2021-05-31") { level } on: maturity(at: "2019-03-01") { level } before: maturity(at: "2019-02-28") { level } } }`);
    expect(actor).toEqual({ then: { level: "DISCOVERING" }, on: { level: "DISCOVERING" }, before: null });
  });

  it("is null for an actor never assessed", async () => {
    const { actor } = await client.data(`{ actor(id: "${id("a3")}") { maturity { id } maturityHistory { id } } }`);
    expect(actor).toEqual({ maturity: null, maturityHistory: [] });
  });

  it("lists the history oldest first", async () => {
    const { actor } = await client.data(`{ actor(id: "${id("a1")}") { maturityHistory { id level sources { id } } } }`);
    expect(actor.maturityHistory).toEqual([
      { id: id("a1-2019"), level: "DISCOVERING", sources: [{ id: id("s1") }] },
      { id: id("a1-2021"), level: "STRUCTURING", sources: [{ id: id("s1") }, { id: id("s2") }] },
      { id: id("a1-2021b"), level: "PIONEERING", sources: [{ id: id("s2") }] },
    ]);
  });
});

describe("Territory.maturity", () => {
  it("resolves bare codes and ids to the same territory", async () => {
    const { territory } = await client.data(`{ territory(code: "69381") {
      maturity { id level subject { ... on Territory { id } } } earlier: maturity(at: "2021-12-31") { level } maturityHistory { id } } }`);
    expect(territory).toEqual({
      maturity: { id: id("lyon1-2022"), level: "PIONEERING", subject: { id: "ARRONDISSEMENT_MUNICIPAL:69381" } },
      earlier: { level: "STRUCTURING" },
      maturityHistory: [{ id: id("lyon1-2020") }, { id: id("lyon1-2022") }],
    });
  });

  it("costs one query per field for a whole list of territories", async () => {
    const result = await client.run(`{ territory(code: "69123") { children(first: 20) { edges { node { id maturity { level } maturityHistory { id } } } } } }`);
    expect(result.errors).toBeUndefined();
    const levels = result.data.territory.children.edges.map((edge: any) => edge.node.maturity?.level ?? null);
    expect(levels.slice(0, 3)).toEqual(["PIONEERING", "STRUCTURING", "DISCOVERING"]);
    expect(result.roundTrips).toBe(4); // territory, children, maturity, maturityHistory
  });
});

describe("assessMaturity", () => {
  it("records an assessment and replaces it when replayed with the same id", async () => {
    const first = await client.data(ASSESS, { input: input({ note: "premier regard" }) });
    expect(first.assessMaturity).toEqual({
      id: id("new"), level: "EXPERIMENTING", assessedOn: "2023-01-01", note: "premier regard", subjectType: "ACTOR",
      subject: { __typename: "Actor", id: id("a3") }, sources: [{ id: id("s1") }],
    });
    const again = await client.data(ASSESS, { input: input({ level: "STRUCTURING", sourceIds: [id("s2")] }) });
    expect(again.assessMaturity).toMatchObject({ level: "STRUCTURING", note: null, sources: [{ id: id("s2") }] });
    const { actor } = await client.data(`{ actor(id: "${id("a3")}") { maturityHistory { id level } } }`);
    expect(actor.maturityHistory).toEqual([{ id: id("new"), level: "STRUCTURING" }]);
    expect(await client.data(`mutation { deleteMaturityAssessment(id: "${id("new")}") }`)).toEqual({ deleteMaturityAssessment: true });
    const gone = await client.run(`mutation { deleteMaturityAssessment(id: "${id("new")}") }`);
    expect(gone.errors?.[0].extensions.code).toBe("NOT_FOUND");
  });

  // Bad enum values and dates fail GraphQL's own variable coercion: Apollo names the field in the message only.
  const COERCED = new Set(["an unknown level", "an impossible date"]);
  const cases: [string, object, string][] = [
    ["an unknown level", { level: "GREAT" }, "input.level"],
    ["an impossible date", { assessedOn: "2021-02-30" }, "input.assessedOn"],
    ["a date in the future", { assessedOn: "2999-01-01" }, "input.assessedOn"],
    ["an unknown actor", { subjectId: id("ghost") }, "input.subjectId"],
    ["an unknown territory", { subjectType: "TERRITORY", subjectId: "99999" }, "input.subjectId"],
    ["an ambiguous territory code", { subjectType: "TERRITORY", subjectId: "75" }, "input.subjectId"],
    ["no source", { sourceIds: [] }, "input.sourceIds"],
    ["an unknown source", { sourceIds: [id("s1"), id("ghost")] }, "input.sourceIds[1]"],
    ["a malformed id", { id: "bad id!" }, "input.id"],
  ];

  it.each(cases)("refuses %s, naming the field, and writes nothing", async (what, over, field) => {
    const before = await snapshot();
    const { data, errors } = await client.run(ASSESS, { input: input(over) });
    expect(data ?? null).toBeNull();
    expect(errors).toHaveLength(1);
    expect(errors![0].extensions.code).toBe("BAD_USER_INPUT");
    expect(errors![0].message).toContain(field);
    if (!COERCED.has(what)) expect(errors![0].extensions.field).toBe(field);
    expect(await snapshot()).toBe(before);
  });
});

describe("maturityDistribution", () => {
  const distribution = async (args: string) => {
    const data = await client.data(`{ maturityDistribution(${args}) { key label count } }`);
    return data.maturityDistribution.map(({ key, count }: any) => `${key}:${count}`);
  };

  it("counts territories inside Lyon by their latest level, every level listed, most first", async () => {
    expect(await distribution(`subjectType: TERRITORY, within: "COMMUNE:69123"`)).toEqual([
      "DISCOVERING:1", "EXPERIMENTING:1", "STRUCTURING:1", "PIONEERING:1",
    ]);
    expect(await distribution(`subjectType: TERRITORY, within: "COMMUNE:69123", level: ARRONDISSEMENT_MUNICIPAL`)).toEqual([
      "DISCOVERING:1", "STRUCTURING:1", "PIONEERING:1", "EXPERIMENTING:0",
    ]);
  });

  it("counts as assessed on a date", async () => {
    expect(await distribution(`subjectType: TERRITORY, within: "COMMUNE:69123", level: ARRONDISSEMENT_MUNICIPAL, at: "2021-03-01"`)).toEqual([
      "STRUCTURING:2", "DISCOVERING:1", "EXPERIMENTING:0", "PIONEERING:0",
    ]);
  });

  it("counts actors based inside a territory, leaving out those never assessed", async () => {
    expect(await distribution(`subjectType: ACTOR, within: "COMMUNE:69123"`)).toEqual([
      "EXPERIMENTING:1", "PIONEERING:1", "DISCOVERING:0", "STRUCTURING:0",
    ]);
    expect(await distribution(`subjectType: ACTOR, within: "COMMUNE:69123", at: "2019-12-31"`)).toEqual([
      "DISCOVERING:1", "EXPERIMENTING:0", "STRUCTURING:0", "PIONEERING:0",
    ]);
  });

  it("labels levels in French", async () => {
    const data = await client.data(`{ maturityDistribution(subjectType: TERRITORY, within: "69381") { key label count } }`);
    expect(data.maturityDistribution[0]).toEqual({ key: "PIONEERING", label: "pionnier", count: 1 });
  });

  it("refuses a territory level for actors and an unknown territory, naming the argument", async () => {
    const level = await client.run(`{ maturityDistribution(subjectType: ACTOR, level: COMMUNE) { key } }`);
    expect(level.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "level" });
    const within = await client.run(`{ maturityDistribution(subjectType: TERRITORY, within: "99999") { key } }`);
    expect(within.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "within" });
  });
});
