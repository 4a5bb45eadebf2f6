import { Connection } from "../../src/neo4j/connect";
import { loadDocument } from "../../src/seed/document";
import { deleteByPrefix, GraphQLClient, openTestDatabase } from "../support/database";
import { knownGraph } from "../support/known-graph";

const P = "mut-";
let connection: Connection;
let client: GraphQLClient;

beforeEach(async () => {
  await deleteByPrefix(connection, P);
  await loadDocument(connection.executor, knownGraph(P));
});

beforeAll(async () => {
  connection = await openTestDatabase();
  client = await GraphQLClient.create(connection);
});

afterAll(async () => {
  await deleteByPrefix(connection, P);
  await client.stop();
  await connection.close();
});

/** Everything this file owns in the database, as a comparable snapshot: nodes and relationships. */
async function snapshot() {
  const [row] = await connection.executor.read(
    `MATCH (n) WHERE n.id STARTS WITH $prefix
     OPTIONAL MATCH (n)-[r]->(m)
     WITH n, collect(type(r) + '>' + coalesce(m.id, toString(m.number))) AS links
     ORDER BY n.id
     RETURN collect([n.id, properties(n), links]) AS nodes`,
    { prefix: P },
  );
  return JSON.stringify(row.nodes, (key, value) => (key === "updatedAt" || key === "createdAt" ? undefined : value));
}

const CREATE_ACTOR = `mutation ($input: ActorInput!) { createActor(input: $input) { id name kind siren rna basedIn { id } sources { id } } }`;
const CREATE_ALLIANCE = `mutation ($input: AllianceInput!) { createAlliance(input: $input) { id name startDate endDate territories { id } sdgs { number } } }`;

describe("validation: bad input names the field and writes nothing", () => {
  const cases: [string, string, Record<string, unknown>, string][] = [
    ["a SIREN failing its Luhn check", CREATE_ACTOR, { input: { id: `${P}new`, name: "X", kind: "COMPANY", siren: "123456789" } }, "input.siren"],
    ["an RNA without its W", CREATE_ACTOR, { input: { id: `${P}new`, name: "X", kind: "ASSOCIATION", rna: "941000001" } }, "input.rna"],
    ["a website that is no URL", CREATE_ACTOR, { input: { id: `${P}new`, name: "X", kind: "MEDIA", website: "pas une url" } }, "input.website"],
    ["an empty name", CREATE_ACTOR, { input: { id: `${P}new`, name: "", kind: "MEDIA" } }, "input.name"],
    ["an id with a space", CREATE_ACTOR, { input: { id: "mut- bad", name: "X", kind: "MEDIA" } }, "input.id"],
    ["a malformed INSEE code", CREATE_ACTOR, { input: { id: `${P}new`, name: "X", kind: "MEDIA", basedIn: "Créteil" } }, "input.basedIn"],
    ["an unknown INSEE code", CREATE_ACTOR, { input: { id: `${P}new`, name: "X", kind: "MEDIA", basedIn: "99999" } }, "input.basedIn"],
    ["an unknown source", CREATE_ACTOR, { input: { id: `${P}new`, name: "X", kind: "MEDIA", sourceIds: [`${P}src`, `${P}nosuch`] } }, "input.sourceIds[1]"],
    [
      "an end date before the start date",
      CREATE_ALLIANCE,
      { input: { id: `${P}new`, name: "X", kind: "PHILANTHROPY", objectives: ["SOCIETAL_INNOVATION"], startDate: "2022-01-01", endDate: "2021-01-01", sourceIds: [`${P}src`] } },
      "input.endDate",
    ],
    [
      "no objective",
      CREATE_ALLIANCE,
      { input: { id: `${P}new`, name: "X", kind: "PHILANTHROPY", objectives: [], sourceIds: [`${P}src`] } },
      "input.objectives",
    ],
    [
      "no source",
      CREATE_ALLIANCE,
      { input: { id: `${P}new`, name: "X", kind: "PHILANTHROPY", objectives: ["SOCIETAL_INNOVATION"], sourceIds: [] } },
      "input.sourceIds",
    ],
    [
      "an SDG that does not exist",
      CREATE_ALLIANCE,
      { input: { id: `${P}new`, name: "X", kind: "PHILANTHROPY", objectives: ["SOCIETAL_INNOVATION"], sdgs: [18], sourceIds: [`${P}src`] } },
      "input.sdgs",
    ],
    [
      "an unknown territory among good ones",
      CREATE_ALLIANCE,
      { input: { id: `${P}new`, name: "X", kind: "PHILANTHROPY", objectives: ["SOCIETAL_INNOVATION"], territories: ["94028", "99999"], sourceIds: [`${P}src`] } },
      "input.territories[1]",
    ],
    [
      "a territory code shared by two levels",
      CREATE_ALLIANCE,
      { input: { id: `${P}new`, name: "X", kind: "PHILANTHROPY", objectives: ["SOCIETAL_INNOVATION"], territories: ["75"], sourceIds: [`${P}src`] } },
      "input.territories[0]",
    ],
    [
      "a membership of an unknown actor",
      `mutation ($input: MembershipInput!) { addMembership(input: $input) { id } }`,
      { input: { actorId: `${P}nobody`, allianceId: `${P}xylo`, role: "PARTNER", sourceIds: [`${P}src`] } },
      "input.actorId",
    ],
    [
      "an outcome of an unknown alliance",
      `mutation ($input: OutcomeInput!) { createOutcome(input: $input) { id } }`,
      { input: { id: `${P}o9`, allianceId: `${P}nothing`, kind: "RESULT", title: "T", sourceIds: [`${P}src`] } },
      "input.allianceId",
    ],
    [
      "an indicator without a unit",
      `mutation ($input: OutcomeInput!) { createOutcome(input: $input) { id } }`,
      { input: { id: `${P}o9`, allianceId: `${P}xylo`, kind: "RESULT", title: "T", indicator: { value: 3, unit: "" }, sourceIds: [`${P}src`] } },
      "input.indicator.unit",
    ],
  ];

  it.each(cases)("rejects %s", async (_what, mutation, variables, field) => {
    const before = await snapshot();
    const { data, errors } = await client.run(mutation, variables);
    expect(data).toBeNull();
    expect(errors).toHaveLength(1);
    expect(errors![0].extensions.code).toBe("BAD_USER_INPUT");
    expect(errors![0].extensions.field).toBe(field);
    expect(errors![0].message).toContain(field);
    expect(await snapshot()).toBe(before);
  });

  it("names every bad field at once", async () => {
    const { errors } = await client.run(CREATE_ACTOR, { input: { name: "", kind: "COMPANY", siren: "12", website: "x" } });
    expect(errors![0].extensions.fields.map((f: any) => f.field).sort()).toEqual(["input.name", "input.siren", "input.website"]);
  });

  it("refuses a SIREN another actor has, and writes nothing", async () => {
    const before = await snapshot();
    const { errors } = await client.run(CREATE_ACTOR, { input: { id: `${P}copy`, name: "Copie", kind: "COMPANY", siren: "732829320" } });
    expect(errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.siren" });
    expect(await snapshot()).toBe(before);
  });

  it("rolls back an update that would put the end date before the stored start date", async () => {
    const before = await snapshot();
    const { errors } = await client.run(`mutation { updateAlliance(id: "${P}yak", input: { endDate: "2018-01-01" }) { id } }`);
    expect(errors![0].extensions.field).toBe("input.endDate");
    expect(await snapshot()).toBe(before);
  });
});

describe("upserts: replaying a creation does not duplicate", () => {
  it("updates an actor created again with the same id", async () => {
    const input = { id: `${P}alpha`, name: "Alpha Association (renommée)", kind: "ASSOCIATION", basedIn: "94080", rna: "W941000001" };
    const first = await client.data(CREATE_ACTOR, { input });
    const second = await client.data(CREATE_ACTOR, { input });
    expect(second).toEqual(first);
    expect(first.createActor).toEqual({
      id: `${P}alpha`, name: "Alpha Association (renommée)", kind: "ASSOCIATION", siren: null, rna: "W941000001",
      basedIn: { id: "COMMUNE:94080" }, sources: [],
    });
    const [{ n }] = await connection.executor.read(`MATCH (a:Actor {id: $id}) RETURN count(a) AS n`, { id: `${P}alpha` });
    expect(n).toBe(1);
    // Its memberships survive the replay.
    const { actor } = await client.data(`{ actor(id: "${P}alpha") { alliances { edges { node { alliance { id } } } } } }`);
    expect(actor.alliances.edges.map((e: any) => e.node.alliance.id)).toEqual([`${P}xylo`, `${P}yak`]);
  });

  it("keeps one membership per actor and alliance, updating its role", async () => {
    const add = `mutation ($input: MembershipInput!) { addMembership(input: $input) { id role actor { id } alliance { id } } }`;
    const input = { actorId: `${P}delta`, allianceId: `${P}xylo`, role: "EVALUATOR", sourceIds: [`${P}src`] };
    await client.data(add, { input });
    const again = await client.data(add, { input: { ...input, role: "FUNDER" } });
    expect(again.addMembership).toEqual({ id: `${P}xylo/${P}delta`, role: "FUNDER", actor: { id: `${P}delta` }, alliance: { id: `${P}xylo` } });
    const { alliance } = await client.data(`{ alliance(id: "${P}xylo") { members { edges { node { actor { id } role } } } } }`);
    expect(alliance.members.edges.map((e: any) => e.node).filter((m: any) => m.actor.id === `${P}delta`)).toEqual([{ actor: { id: `${P}delta` }, role: "FUNDER" }]);
  });

  it("generates an id when none is given", async () => {
    const { createSource } = await client.data(`mutation { createSource(input: { title: "Sans id", kind: OTHER }) { id title } }`);
    expect(createSource.id).toMatch(/^[0-9a-f-]{36}$/);
    await connection.executor.write((tx) => tx.run(`MATCH (s:Source {id: $id}) DELETE s`, { id: createSource.id }));
  });
});

describe("updates and deletes", () => {
  it("patches only the given fields; null clears an optional one", async () => {
    const { updateActor } = await client.data(
      `mutation { updateActor(id: "${P}beta", input: { description: "Nouvelle description", siren: null }) { name description siren basedIn { id } } }`,
    );
    expect(updateActor).toEqual({ name: "Beta Entreprise", description: "Nouvelle description", siren: null, basedIn: { id: "COMMUNE:94080" } });
  });

  it("replaces an alliance's territories and SDGs when given", async () => {
    const { updateAlliance } = await client.data(
      `mutation { updateAlliance(id: "${P}yak", input: { territories: ["REGION:11", "69123"], sdgs: [17] }) { territories { id } sdgs { number } endDate } }`,
    );
    expect(updateAlliance).toEqual({ territories: [{ id: "REGION:11" }, { id: "COMMUNE:69123" }], sdgs: [{ number: 17 }], endDate: "2021-12-31" });
  });

  it("deletes an alliance with its memberships and outcomes", async () => {
    expect((await client.data(`mutation { deleteAlliance(id: "${P}xylo") }`)).deleteAlliance).toBe(true);
    const [row] = await connection.executor.read(
      `RETURN EXISTS { MATCH (:Membership {id: $m}) } AS membership, EXISTS { MATCH (:Outcome {id: $o}) } AS outcome`,
      { m: `${P}xylo/${P}alpha`, o: `${P}ox1` },
    );
    expect(row).toEqual({ membership: false, outcome: false });
    const { actor } = await client.data(`{ actor(id: "${P}gamma") { coConstructors { edges { node { actor { id } } } } } }`);
    expect(actor.coConstructors.edges).toEqual([{ node: { actor: { id: `${P}delta` } } }]);
  });

  it("refuses to delete a source that facts cite", async () => {
    const { errors } = await client.run(`mutation { deleteSource(id: "${P}src") }`);
    expect(errors![0].extensions.code).toBe("BAD_USER_INPUT");
    expect(errors![0].message).toMatch(/cited by \d+ facts/);
  });

  it("says NOT_FOUND for what does not exist", async () => {
    for (const mutation of [
      `mutation { deleteActor(id: "${P}ghost") }`,
      `mutation { updateActor(id: "${P}ghost", input: { name: "X" }) { id } }`,
      `mutation { removeMembership(id: "${P}ghost") }`,
      `mutation { updateSource(id: "${P}ghost", input: { title: "X", kind: OTHER }) { id } }`,
    ]) {
      const { errors } = await client.run(mutation);
      expect(errors![0].extensions.code).toBe("NOT_FOUND");
    }
    const [{ n }] = await connection.executor.read(`MATCH (n {id: $id}) RETURN count(n) AS n`, { id: `${P}ghost` });
    expect(n).toBe(0);
  });
});
