import { Connection } from "../../src/neo4j/connect";
import { loadDocument } from "../../src/seed/document";
import { deleteByPrefix, GraphQLClient, openTestDatabase } from "../support/database";
import { statisticsGraph } from "./statistics-graph";

const P = "stat-";
const ACTORS = ["la1", "la2", "co1", "as1", "fo1", "ac1"].map((name) => `${P}${name}`);
let connection: Connection;
let client: GraphQLClient;

beforeAll(async () => {
  connection = await openTestDatabase();
  await deleteByPrefix(connection, P);
  await loadDocument(connection.executor, statisticsGraph(P));
  client = await GraphQLClient.create(connection);
});

afterAll(async () => {
  await deleteByPrefix(connection, P);
  await client.stop();
  await connection.close();
});

/** Runs `{ statistics(filter: …ours…, at) { <selection> } }`: only this file's alliances have these members. */
async function statistics(selection: string, filter: object = {}, at: string | null = null) {
  const data = await client.data(`query ($filter: AllianceFilter, $at: LocalDate) { statistics(filter: $filter, at: $at) { ${selection} } }`, {
    filter: { memberIds: ACTORS, ...filter },
    at,
  });
  return data.statistics;
}

async function profile(territory: string, selection: string, at: string | null = null, filter: object = {}) {
  const data = await client.data(
    `query ($territory: String!, $filter: AllianceFilter, $at: LocalDate) {
      territoryProfile(territory: $territory, filter: $filter, at: $at) { ${selection} }
    }`,
    { territory, filter: { memberIds: ACTORS, ...filter }, at },
  );
  return data.territoryProfile;
}

/** "KEY:count" for compact, ordered assertions. */
const pairs = (counts: { key: string; count: number }[]) => counts.map(({ key, count }) => `${key}:${count}`);
const mix = (rows: { a: string; b: string; allianceCount: number }[]) => rows.map(({ a, b, allianceCount }) => `${a}+${b}:${allianceCount}`);

describe("statistics", () => {
  it("counts the alliances in scope", async () => {
    expect(await statistics("allianceCount")).toEqual({ allianceCount: 5 });
  });

  it("breaks alliances down by kind, every kind listed, with French labels", async () => {
    const { byKind } = await statistics("byKind { key label count }");
    expect(pairs(byKind)).toEqual([
      "TERRITORIAL_CO_CONSTRUCTION:2",
      "PHILANTHROPY:1",
      "RESPONSIBLE_PRACTICES:1",
      "RESEARCH_PARTNERSHIP:1",
      "ECONOMIC_COOPERATION:0",
      "SOCIETAL_INNOVATION:0",
    ]);
    expect(byKind[1]).toEqual({ key: "PHILANTHROPY", label: "mécénat", count: 1 });
  });

  it("counts an alliance once for each objective it pursues", async () => {
    const { byObjective } = await statistics("byObjective { key count }");
    expect(pairs(byObjective)).toEqual([
      "PERFORMANCE_AND_ENGAGEMENT:2",
      "LOCAL_CO_CONSTRUCTION:2",
      "HYBRID_ECONOMIC_MODEL:1",
      "SOCIETAL_INNOVATION:1",
    ]);
  });

  it("breaks alliances down by status, every status listed", async () => {
    expect(pairs((await statistics("byStatus { key count }")).byStatus)).toEqual(["ACTIVE:3", "PROPOSED:1", "ENDED:1"]);
  });

  it("lists all 17 SDGs with their titles, most served first", async () => {
    const { bySdg } = await statistics("bySdg { key label count }");
    expect(bySdg).toHaveLength(17);
    expect(pairs(bySdg).slice(0, 5)).toEqual(["17:3", "4:1", "11:1", "1:0", "2:0"]);
    expect(bySdg[0].label).toMatch(/partenariat/i);
  });

  it("counts an alliance once per level of the territories it acts in", async () => {
    expect(pairs((await statistics("byTerritoryLevel { key count }")).byTerritoryLevel)).toEqual([
      "COMMUNE:4",
      "REGION:1",
      "DEPARTEMENT:1",
      "COUNTRY:0",
      "EPCI:0",
      "COMMUNE_DELEGUEE:0",
      "COMMUNE_ASSOCIEE:0",
      "ARRONDISSEMENT_MUNICIPAL:0",
    ]);
  });

  it("counts alliances by start year, leaving out those with no start date", async () => {
    expect(pairs((await statistics("byStartYear { key label count }")).byStartYear)).toEqual(["2020:2", "2018:1", "2021:1"]);
  });

  it("counts alliances by start year and kind, by year then kind, with the kind's French words", async () => {
    const { byStartYearAndKind } = await statistics("byStartYearAndKind { year kind label count }");
    expect(byStartYearAndKind).toEqual([
      { year: 2018, kind: "PHILANTHROPY", label: "mécénat", count: 1 },
      { year: 2020, kind: "TERRITORIAL_CO_CONSTRUCTION", label: "co-construction territoriale", count: 2 },
      { year: 2021, kind: "RESPONSIBLE_PRACTICES", label: "pratiques responsables", count: 1 },
    ]);
  });

  it("counts each pair of member kinds once per alliance, a kind with itself when two members share it", async () => {
    const { partnershipMix } = await statistics("partnershipMix { a b allianceCount }");
    expect(mix(partnershipMix)).toEqual([
      "LOCAL_AUTHORITY+ASSOCIATION:2",
      "COMPANY+FOUNDATION:2",
      "LOCAL_AUTHORITY+LOCAL_AUTHORITY:1",
      "LOCAL_AUTHORITY+COMPANY:1",
      "COMPANY+ASSOCIATION:1",
      "COMPANY+ACADEMIC:1",
    ]);
  });

  it("keeps only alliances and memberships active on `at`", async () => {
    const at2021 = await statistics("allianceCount byStatus { key count } partnershipMix { a b allianceCount }", {}, "2021-01-01");
    expect(at2021.allianceCount).toBe(3); // bise has ended, ecume not yet started; dune has no dates
    expect(pairs(at2021.byStatus)).toEqual(["ACTIVE:2", "PROPOSED:1", "ENDED:0"]);
    // as1 joins agora only in 2022, so agora joins a local authority and a company
    expect(mix(at2021.partnershipMix)).toEqual([
      "LOCAL_AUTHORITY+LOCAL_AUTHORITY:1",
      "LOCAL_AUTHORITY+COMPANY:1",
      "LOCAL_AUTHORITY+ASSOCIATION:1",
      "COMPANY+ACADEMIC:1",
    ]);
    expect((await statistics("allianceCount", {}, "2022-06-01")).allianceCount).toBe(4);
  });

  it("filters by period: started and ended between dates", async () => {
    const started2020 = await statistics("allianceCount byStartYear { key count }", { startedFrom: "2020-01-01", startedTo: "2020-12-31" });
    expect(started2020).toEqual({ allianceCount: 2, byStartYear: [{ key: "2020", count: 2 }] });
    expect((await statistics("allianceCount", { endedTo: "2019-12-31" })).allianceCount).toBe(1);
  });

  it("applies the rest of the filter: territory (inside it), kinds, SDGs", async () => {
    expect((await statistics("allianceCount", { territory: "DEPARTEMENT:94" })).allianceCount).toBe(4);
    expect((await statistics("allianceCount", { territory: "69123" })).allianceCount).toBe(1);
    expect((await statistics("allianceCount", { kinds: ["TERRITORIAL_CO_CONSTRUCTION"], sdgs: [17] })).allianceCount).toBe(1);
  });

  it("runs one query for the fields asked for (see batching.test.ts)", async () => {
    const query = `query ($f: AllianceFilter) { statistics(filter: $f) { allianceCount } }`;
    expect((await client.run(query, { f: { memberIds: ACTORS } })).roundTrips).toBe(1);
    const two = `query ($f: AllianceFilter) { statistics(filter: $f) { allianceCount byKind { key } } }`;
    expect((await client.run(two, { f: { memberIds: ACTORS } })).roundTrips).toBe(1);
  });

  it("refuses an unknown territory in the filter", async () => {
    const result = await client.run(`{ statistics(filter: { territory: "99999" }) { allianceCount } }`);
    expect(result.errors?.[0].extensions.code).toBe("BAD_USER_INPUT");
  });
});

describe("territoryProfile", () => {
  it("covers the alliances acting in the territory or anywhere inside it", async () => {
    expect(await profile("DEPARTEMENT:94", "territory { id name } allianceCount")).toEqual({
      territory: { id: "DEPARTEMENT:94", name: "Val-de-Marne" },
      allianceCount: 4,
    });
    expect((await profile("REGION:11", "allianceCount")).allianceCount).toBe(4);
    expect((await profile("94028", "allianceCount")).allianceCount).toBe(2); // agora, ecume
    expect((await profile("REGION:84", "allianceCount")).allianceCount).toBe(1); // dune in Lyon
  });

  it("counts the members of those alliances by kind, every kind listed", async () => {
    const { actorsByKind } = await profile("DEPARTEMENT:94", "actorsByKind { key label count }");
    expect(pairs(actorsByKind)).toEqual([
      "LOCAL_AUTHORITY:2",
      "COMPANY:1",
      "ASSOCIATION:1",
      "FOUNDATION:1",
      "PUBLIC_INSTITUTION:0",
      "ACADEMIC:0",
      "MEDIA:0",
      "INTERMEDIARY:0",
    ]);
    expect(actorsByKind[1].label).toBe("entreprise");
  });

  it("gives the share of alliances joining three or more kinds of actor", async () => {
    expect((await profile("DEPARTEMENT:94", "coConstructionShare")).coConstructionShare).toBe(0.25); // agora of 4
    expect((await profile("REGION:84", "coConstructionShare")).coConstructionShare).toBe(0);
  });

  it("ranks members by co-constructors, then alliances, then name", async () => {
    const { mostConnectedActors } = await profile(
      "DEPARTEMENT:94",
      "mostConnectedActors { actor { id name basedIn { id } } coConstructorCount allianceCount }",
    );
    expect(mostConnectedActors.map((s: any) => `${s.actor.name}:${s.coConstructorCount}/${s.allianceCount}`)).toEqual([
      "Entreprise Charlie:3/3",
      "Association Delta:3/2",
      "Commune Alpha:3/2",
      "Commune Bravo:2/1",
      "Fondation Echo:1/2",
    ]);
    expect(mostConnectedActors[0].actor).toEqual({ id: `${P}co1`, name: "Entreprise Charlie", basedIn: { id: "COMMUNE:69123" } });
    const top2 = await profile("DEPARTEMENT:94", "mostConnectedActors(first: 2) { actor { id } }");
    expect(top2.mostConnectedActors.map((s: any) => s.actor.id)).toEqual([`${P}co1`, `${P}as1`]);
  });

  it("keeps only alliances and memberships active on `at`", async () => {
    const at2021 = await profile("DEPARTEMENT:94", "allianceCount coConstructionShare actorsByKind { key count } mostConnectedActors { actor { id } }", "2021-01-01");
    expect(at2021.allianceCount).toBe(2); // agora (without as1 yet) and cedre
    expect(at2021.coConstructionShare).toBe(0);
    expect(pairs(at2021.actorsByKind).slice(0, 3)).toEqual(["LOCAL_AUTHORITY:2", "COMPANY:1", "ASSOCIATION:1"]);
    expect(at2021.mostConnectedActors.map((s: any) => s.actor.id)).toEqual([`${P}la1`, `${P}as1`, `${P}la2`, `${P}co1`]);
  });

  it("offers the same breakdowns over its alliances", async () => {
    const { statistics: stats } = await profile("DEPARTEMENT:94", "statistics { allianceCount byKind { key count } byStartYear { key count } }");
    expect(stats.allianceCount).toBe(4);
    expect(pairs(stats.byKind).slice(0, 3)).toEqual(["TERRITORIAL_CO_CONSTRUCTION:2", "PHILANTHROPY:1", "RESPONSIBLE_PRACTICES:1"]);
    expect(pairs(stats.byStartYear)).toEqual(["2020:2", "2018:1", "2021:1"]);
  });

  it("is empty but well-formed where none of the alliances act", async () => {
    expect(await profile("COMMUNE:75056", "allianceCount coConstructionShare mostConnectedActors { actor { id } }")).toEqual({
      allianceCount: 0,
      coConstructionShare: 0,
      mostConnectedActors: [],
    });
  });

  it("is null for a code that names no territory, and refuses a territory in the filter", async () => {
    expect(await profile("99999", "allianceCount")).toBeNull();
    const result = await client.run(`{ territoryProfile(territory: "94028", filter: { territory: "94080" }) { allianceCount } }`);
    expect(result.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "filter.territory" });
  });
});
