import { Connection } from "../../src/neo4j/connect";
import { Executor } from "../../src/neo4j/executor";
import { loadDocument } from "../../src/seed/document";
import { scopeShape } from "../../src/alliance/alliance-filter";
import { figuresQuery } from "../../src/statistics/statistics.cypher";
import { deleteByPrefix, GraphQLClient, openTestDatabase } from "../support/database";
import { statisticsGraph } from "./statistics-graph";

/**
 * The figures asked of one scope in a request share one Cypher query (ScopeFigures), and
 * answer exactly what they answer when asked one per request. Data: statistics-graph.ts.
 */
const P = "statb-";
const ACTORS = ["la1", "la2", "co1", "as1", "fo1", "ac1"].map((name) => `${P}${name}`);
let connection: Connection;
let client: GraphQLClient;
let cyphers: string[];

beforeAll(async () => {
  connection = await openTestDatabase();
  await deleteByPrefix(connection, P);
  await loadDocument(connection.executor, statisticsGraph(P));
  client = await GraphQLClient.create(connection);
});

beforeEach(() => {
  cyphers = [];
  const read = Executor.prototype.read;
  jest.spyOn(Executor.prototype, "read").mockImplementation(function (this: Executor, cypher, ...rest) {
    cyphers.push(cypher);
    return read.call(this, cypher, ...rest);
  });
});

afterEach(() => jest.restoreAllMocks());

afterAll(async () => {
  await deleteByPrefix(connection, P);
  await client.stop();
  await connection.close();
});

/** The figure queries a request ran, each as its last line (`RETURN <figures>`). */
const figureReturns = () => cyphers.filter((cypher) => cypher.includes("AS scoped")).map((cypher) => cypher.split("\n").pop());
const pairs = (counts: { key: string; count: number }[]) => counts.map(({ key, count }) => `${key}:${count}`);

const STATISTICS = `query ($filter: AllianceFilter, $at: LocalDate) { statistics(filter: $filter, at: $at) { SELECTION } }`;
const PROFILE = `query ($t: String!, $filter: AllianceFilter, $at: LocalDate) { territoryProfile(territory: $t, filter: $filter, at: $at) { SELECTION } }`;

const STATISTICS_FIELDS = [
  "allianceCount",
  "byKind { key label count }",
  "byObjective { key label count }",
  "byStatus { key label count }",
  "bySdg { key label count }",
  "byTerritoryLevel { key label count }",
  "byStartYear { key label count }",
  "byStartYearAndKind { year kind label count }",
  "partnershipMix { a b allianceCount }",
];
const PROFILE_FIELDS = [
  "territory { id }",
  "allianceCount",
  "actorsByKind { key label count }",
  "coConstructionShare",
  "mostConnectedActors { actor { id name } coConstructorCount allianceCount }",
  "top2: mostConnectedActors(first: 2) { actor { id } }",
  `statistics { ${STATISTICS_FIELDS.join(" ")} }`,
];

/** Runs `template` with all `fields` in one request, then with each field alone; returns both. */
async function togetherAndApart(template: string, fields: string[], variables: Record<string, unknown>) {
  const together = await client.run(template.replace("SELECTION", fields.join(" ")), variables);
  expect(together.errors).toBeUndefined();
  const apart: Record<string, unknown> = {};
  for (const field of fields) {
    const alone = await client.data(template.replace("SELECTION", field), variables);
    Object.assign(apart, Object.values(alone)[0] as object);
  }
  return { together: Object.values(together.data)[0] as any, apart, roundTrips: together.roundTrips };
}

describe("figures of one scope", () => {
  it("cost one query for the W3 profile: its figures and its statistics' together", async () => {
    const { data, roundTrips } = await client.run(
      `query W3($t: String!, $filter: AllianceFilter) { territoryProfile(territory: $t, filter: $filter) {
        allianceCount actorsByKind { key count } statistics { allianceCount byKind { key count } byStatus { key count } } } }`,
      { t: "DEPARTEMENT:94", filter: { memberIds: ACTORS } },
    );
    const profile = data.territoryProfile;
    expect(profile.allianceCount).toBe(4);
    expect(pairs(profile.actorsByKind)).toEqual([
      "LOCAL_AUTHORITY:2",
      "COMPANY:1",
      "ASSOCIATION:1",
      "FOUNDATION:1",
      "PUBLIC_INSTITUTION:0",
      "ACADEMIC:0",
      "MEDIA:0",
      "INTERMEDIARY:0",
    ]);
    expect(profile.statistics.allianceCount).toBe(4);
    expect(pairs(profile.statistics.byKind)).toEqual([
      "TERRITORIAL_CO_CONSTRUCTION:2",
      "PHILANTHROPY:1",
      "RESPONSIBLE_PRACTICES:1",
      "ECONOMIC_COOPERATION:0",
      "SOCIETAL_INNOVATION:0",
      "RESEARCH_PARTNERSHIP:0",
    ]);
    expect(pairs(profile.statistics.byStatus)).toEqual(["ACTIVE:3", "ENDED:1", "PROPOSED:0"]);
    // the territory lookup, then one figure query holding each figure once
    expect(roundTrips).toBe(2);
    expect(figureReturns()).toEqual(["RETURN actorsByKind, allianceCount, byKind, byStatus"]);
  });

  it("compute only the figures asked for", async () => {
    const { data, roundTrips } = await client.run(`query ($f: AllianceFilter) { statistics(filter: $f) { byStatus { key count } } }`, {
      f: { memberIds: ACTORS },
    });
    expect(pairs(data.statistics.byStatus)).toEqual(["ACTIVE:3", "PROPOSED:1", "ENDED:1"]);
    expect(roundTrips).toBe(1);
    expect(figureReturns()).toEqual(["RETURN byStatus"]);
  });

  it("start from the most selective index: the members given, else the territory walked down, else every alliance", async () => {
    const asked = `query ($f: AllianceFilter) { statistics(filter: $f) { allianceCount } }`;
    expect((await client.data(asked, { f: { memberIds: ACTORS, territory: "DEPARTEMENT:94" } })).statistics.allianceCount).toBe(4);
    expect((await client.data(asked, { f: { memberIds: ACTORS } })).statistics.allianceCount).toBe(5);
    await client.data(asked, { f: { territory: "DEPARTEMENT:94" } });
    await client.data(asked, { f: { statuses: ["ACTIVE"] } });
    const [membersAndTerritory, members, inTerritory, everywhere] = cyphers.filter((cypher) => cypher.includes("AS scoped"));
    expect(membersAndTerritory.startsWith("UNWIND $filter.memberIds")).toBe(true);
    expect(members.startsWith("UNWIND $filter.memberIds")).toBe(true);
    expect(inTerritory.startsWith("MATCH (ma_place_scope:Territory {id: $filter.territoryId})")).toBe(true);
    expect(everywhere.startsWith("MATCH (al:Alliance)\n")).toBe(true);
  });

  it("give one text per set of figures, whatever the order they were asked in", () => {
    const shape = scopeShape(null, null);
    expect(figuresQuery(["byStatus", "allianceCount", "byStatus"], shape)).toBe(figuresQuery(["allianceCount", "byStatus"], shape));
    expect(figuresQuery(["byStatus", "allianceCount"], shape).split("\n").pop()).toBe("RETURN allianceCount, byStatus");
  });

  it("emit only the criteria given: no null guard for an absent filter or date", () => {
    const bare = figuresQuery(["actorsByKind"], scopeShape(null, null));
    expect(bare).not.toContain("IS NULL OR");
    expect(bare).not.toContain("$at");
    const dated = figuresQuery(["actorsByKind"], scopeShape({ kinds: ["PHILANTHROPY"] } as never, "2021-01-01"));
    expect(dated).toContain("al.kind IN $filter.kinds");
    expect(dated).toContain("m.startDate <= $at");
    expect(dated).not.toContain("$filter.sdgs");
  });
});

describe("figures asked together", () => {
  it("answer as each asked alone: statistics, every field, with `at`", async () => {
    const variables = { filter: { memberIds: ACTORS }, at: "2021-01-01" };
    const { together, apart, roundTrips } = await togetherAndApart(STATISTICS, STATISTICS_FIELDS, variables);
    expect(together).toEqual(apart);
    expect(roundTrips).toBe(1);
    expect(together.allianceCount).toBe(3);
    expect(pairs(together.byStatus)).toEqual(["ACTIVE:2", "PROPOSED:1", "ENDED:0"]);
    expect(pairs(together.byStartYear)).toEqual(["2020:2"]);
    expect(pairs(together.bySdg).slice(0, 4)).toEqual(["4:1", "11:1", "17:1", "1:0"]);
    expect(together.partnershipMix.map(({ a, b, allianceCount }: any) => `${a}+${b}:${allianceCount}`)).toEqual([
      "LOCAL_AUTHORITY+LOCAL_AUTHORITY:1",
      "LOCAL_AUTHORITY+COMPANY:1",
      "LOCAL_AUTHORITY+ASSOCIATION:1",
      "COMPANY+ACADEMIC:1",
    ]);
  });

  it("answer as each asked alone: statistics over a territory and a filter", async () => {
    const variables = { filter: { memberIds: ACTORS, territory: "DEPARTEMENT:94", sdgs: [17] } };
    const { together, apart, roundTrips } = await togetherAndApart(STATISTICS, STATISTICS_FIELDS, variables);
    expect(together).toEqual(apart);
    expect(roundTrips).toBe(2); // the territory, then the figures
    expect(together.allianceCount).toBe(3); // agora, bise, ecume
    expect(pairs(together.byObjective)).toEqual([
      "PERFORMANCE_AND_ENGAGEMENT:2",
      "HYBRID_ECONOMIC_MODEL:1",
      "LOCAL_CO_CONSTRUCTION:1",
      "SOCIETAL_INNOVATION:0",
    ]);
  });

  it("answer as each asked alone: a profile, every field and its statistics", async () => {
    const variables = { t: "DEPARTEMENT:94", filter: { memberIds: ACTORS } };
    const { together, apart, roundTrips } = await togetherAndApart(PROFILE, PROFILE_FIELDS, variables);
    expect(together).toEqual(apart);
    expect(roundTrips).toBe(2); // the territory, then every figure of the profile and its statistics
    expect(together.coConstructionShare).toBe(0.25);
    expect(together.mostConnectedActors.map((s: any) => `${s.actor.name}:${s.coConstructorCount}/${s.allianceCount}`)).toEqual([
      "Entreprise Charlie:3/3",
      "Association Delta:3/2",
      "Commune Alpha:3/2",
      "Commune Bravo:2/1",
      "Fondation Echo:1/2",
    ]);
    expect(together.top2.map((s: any) => s.actor.id)).toEqual([`${P}co1`, `${P}as1`]);
    expect(together.statistics.allianceCount).toBe(4);
  });

  it("answer as each asked alone: an empty profile", async () => {
    const variables = { t: "COMMUNE:75056", filter: { memberIds: ACTORS } };
    const { together, apart } = await togetherAndApart(PROFILE, PROFILE_FIELDS, variables);
    expect(together).toEqual(apart);
    expect([together.allianceCount, together.coConstructionShare, together.mostConnectedActors]).toEqual([0, 0, []]);
    expect(together.statistics.bySdg).toHaveLength(17);
    expect(together.statistics.partnershipMix).toEqual([]);
  });
});
