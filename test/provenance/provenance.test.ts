import { Connection } from "../../src/neo4j/connect";
import { Label, Rel } from "../../src/neo4j/graph-model";
import { loadDocument } from "../../src/seed/document";
import { deleteByPrefix, GraphQLClient, openTestDatabase } from "../support/database";

const P = "prov-";
const id = (name: string) => `${P}${name}`;
let connection: Connection;
let client: GraphQLClient;

/**
 *   s1 ← actors a1, a2; alliance al1; membership al1/a1; outcome o1; assessment m1 (of a1)
 *   s2 ← actor a2; alliance al2; membership al1/a2
 *   s3 ← nothing
 *   no source: actor a3; alliance al3 (its CITES removed); assessment m2 (its CITES removed)
 */
const graph = () => ({
  sources: [
    { id: id("s1"), title: "Étude provenance 1", date: "2021-01-01", kind: "STUDY" },
    { id: id("s2"), title: "Étude provenance 2", date: "2022-01-01", kind: "ARTICLE" },
    { id: id("s3"), title: "Étude provenance 3", kind: "OTHER" },
  ],
  actors: [
    { id: id("a1"), name: "Prov Un", kind: "ASSOCIATION", sourceIds: [id("s1")] },
    { id: id("a2"), name: "Prov Deux", kind: "COMPANY", sourceIds: [id("s1"), id("s2")] },
    { id: id("a3"), name: "Prov Trois", kind: "FOUNDATION" },
  ],
  alliances: [
    { id: id("al1"), name: "Prov alliance 1", kind: "PHILANTHROPY", objectives: ["SOCIETAL_INNOVATION"], sourceIds: [id("s1")] },
    { id: id("al2"), name: "Prov alliance 2", kind: "PHILANTHROPY", objectives: ["SOCIETAL_INNOVATION"], sourceIds: [id("s2")] },
    { id: id("al3"), name: "Prov alliance 3", kind: "PHILANTHROPY", objectives: ["SOCIETAL_INNOVATION"], sourceIds: [id("s2")] },
  ],
  memberships: [
    { actorId: id("a1"), allianceId: id("al1"), role: "LEADER", sourceIds: [id("s1")] },
    { actorId: id("a2"), allianceId: id("al1"), role: "PARTNER", sourceIds: [id("s2")] },
  ],
  outcomes: [{ id: id("o1"), allianceId: id("al1"), kind: "PRACTICE", title: "Prov guide", sourceIds: [id("s1")] }],
});

const ASSESS = `mutation ($input: MaturityAssessmentInput!) { assessMaturity(input: $input) { id } }`;
const REMOVE_CITES = `MATCH (n {id: $id})-[c:${Rel.CITES}]->() WHERE n:${Label.Alliance} OR n:${Label.MaturityAssessment} DELETE c`;
const DELETE_ASSESSMENTS = `MATCH (m:${Label.MaturityAssessment}) WHERE m.id STARTS WITH $prefix DETACH DELETE m`;

async function cleanUp() {
  await connection.executor.write((tx) => tx.run(DELETE_ASSESSMENTS, { prefix: P }));
  await deleteByPrefix(connection, P);
}

beforeAll(async () => {
  connection = await openTestDatabase();
  await cleanUp();
  await loadDocument(connection.executor, graph());
  client = await GraphQLClient.create(connection);
  const assess = (mid: string, sourceId: string) => ({
    input: { id: id(mid), subjectType: "ACTOR", subjectId: id("a1"), level: "EXPERIMENTING", assessedOn: "2022-05-01", sourceIds: [sourceId] },
  });
  await client.data(ASSESS, assess("m1", id("s1")));
  await client.data(ASSESS, assess("m2", id("s2")));
  for (const unsourced of ["al3", "m2"]) await connection.executor.write((tx) => tx.run(REMOVE_CITES, { id: id(unsourced) }));
});

afterAll(async () => {
  await cleanUp();
  await client.stop();
  await connection.close();
});

const SUPPORTS = `query ($id: ID!, $kinds: [FactKind!], $first: Int, $after: String) {
  source(id: $id) {
    supportCount
    supports(kinds: $kinds, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { kind id } }
    }
  }
}`;

const facts = (connection: any) => connection.edges.map((edge: any) => `${edge.node.kind} ${edge.node.id}`);

describe("Source.supports", () => {
  it("lists exactly the facts citing the source, by kind then id", async () => {
    const { source } = await client.data(SUPPORTS, { id: id("s1") });
    expect(facts(source.supports)).toEqual([
      `ACTOR ${id("a1")}`,
      `ACTOR ${id("a2")}`,
      `ALLIANCE ${id("al1")}`,
      `MATURITY_ASSESSMENT ${id("m1")}`,
      `MEMBERSHIP ${id("al1")}/${id("a1")}`,
      `OUTCOME ${id("o1")}`,
    ]);
    expect(source.supportCount).toBe(6);
    expect(source.supports.totalCount).toBe(6);
  });

  it("holds each fact's record in the field named after its kind", async () => {
    const { source } = await client.data(`{ source(id: "${id("s1")}") { supports(kinds: [ACTOR, OUTCOME, MEMBERSHIP, MATURITY_ASSESSMENT], first: 10) { edges { node {
      kind actor { name } alliance { id } outcome { title alliance { id } } membership { role actor { id } }
      maturityAssessment { level assessedOn subject { ... on Actor { id } } sources { id } }
    } } } } }`);
    const [a1, , m1, membership, outcome] = source.supports.edges.map((edge: any) => edge.node);
    expect(a1).toEqual({ kind: "ACTOR", actor: { name: "Prov Un" }, alliance: null, outcome: null, membership: null, maturityAssessment: null });
    expect(m1.maturityAssessment).toEqual({ level: "EXPERIMENTING", assessedOn: "2022-05-01", subject: { id: id("a1") }, sources: [{ id: id("s1") }] });
    expect(membership.membership).toEqual({ role: "LEADER", actor: { id: id("a1") } });
    expect(outcome.outcome).toEqual({ title: "Prov guide", alliance: { id: id("al1") } });
  });

  it("pages forward with keyset cursors", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const { source }: any = await client.data(SUPPORTS, { id: id("s1"), first: 4, after });
      seen.push(...facts(source.supports));
      pages++;
      if (!source.supports.pageInfo.hasNextPage) break;
      after = source.supports.pageInfo.endCursor;
    }
    expect(pages).toBe(2);
    expect(seen).toHaveLength(6);
    expect(seen[4]).toBe(`MEMBERSHIP ${id("al1")}/${id("a1")}`);
  });

  it("filters by kind, and counts what the filter keeps", async () => {
    const { source } = await client.data(SUPPORTS, { id: id("s1"), kinds: ["OUTCOME", "MEMBERSHIP"] });
    expect(facts(source.supports)).toEqual([`MEMBERSHIP ${id("al1")}/${id("a1")}`, `OUTCOME ${id("o1")}`]);
    expect(source.supports.totalCount).toBe(2);
    expect(source.supportCount).toBe(6);
  });

  it("is empty for a source nothing cites", async () => {
    const { source } = await client.data(SUPPORTS, { id: id("s3") });
    expect(source).toEqual({ supportCount: 0, supports: { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] } });
  });

  it("costs one query per field for a list of sources", async () => {
    const ids = ["s1", "s2", "s3"].map(id);
    const result = await client.run(
      `{ a: source(id: "${ids[0]}") { ...f } b: source(id: "${ids[1]}") { ...f } c: source(id: "${ids[2]}") { ...f } }
       fragment f on Source { supportCount supports(first: 2) { totalCount edges { node { id } } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect([result.data.a.supportCount, result.data.b.supportCount, result.data.c.supportCount]).toEqual([6, 3, 0]);
    // one per field, whatever the number of sources: source, supports, supportCount, supports.totalCount
    expect(result.roundTrips).toBe(4);
  });

  it("refuses a cursor from another list", async () => {
    const other = await client.data(`{ sources(first: 1) { pageInfo { endCursor } } }`);
    const { errors } = await client.run(SUPPORTS, { id: id("s1"), after: other.sources.pageInfo.endCursor });
    expect(errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "after" });
  });
});

/** Every fact without a source whose id is ours, paging through the whole list. */
async function ourFactsWithoutSource(kinds: string[] | null = null): Promise<string[]> {
  const ours: string[] = [];
  let after: string | null = null;
  for (let page = 0; page < 200; page++) {
    const data: any = await client.data(
      `query ($kinds: [FactKind!], $after: String) { factsWithoutSource(kinds: $kinds, first: 100, after: $after) {
        pageInfo { hasNextPage endCursor } edges { node { kind id } } } }`,
      { kinds, after },
    );
    ours.push(...facts(data.factsWithoutSource).filter((fact: string) => fact.split(" ")[1].startsWith(P)));
    if (!data.factsWithoutSource.pageInfo.hasNextPage) return ours;
    after = data.factsWithoutSource.pageInfo.endCursor;
  }
  throw new Error("factsWithoutSource did not end");
}

describe("factsWithoutSource", () => {
  it("finds the actor, alliance and assessment that cite no source, and nothing else of ours", async () => {
    expect(await ourFactsWithoutSource()).toEqual([`ACTOR ${id("a3")}`, `ALLIANCE ${id("al3")}`, `MATURITY_ASSESSMENT ${id("m2")}`]);
  });

  it("keeps only the kinds asked for", async () => {
    expect(await ourFactsWithoutSource(["ALLIANCE", "OUTCOME"])).toEqual([`ALLIANCE ${id("al3")}`]);
  });
});
