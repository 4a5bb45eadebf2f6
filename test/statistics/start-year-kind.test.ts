import { DEFAULT_LIMITS } from "../../src/graphql/limits";
import { GraphQLClient, useGraphQLClient } from "../support/database";

/**
 * `byStartYearAndKind`, the dashboard's stacked bars, against a plain Cypher query written here
 * (nothing from src/ builds it) on whatever the test database holds: the generated 3,000-actor
 * "bg-" graph (support/background.ts) and the fixtures. Both sides see the same data.
 */
const db = useGraphQLClient();

/** Alliances acting in $id or in a territory inside it (walked down plainly), active on $at when given, per start year and kind. */
const PLAIN = `MATCH (t:Territory {id: $id})
CALL (t) {
  MATCH (t)<-[:PART_OF*0..4]-(x:Territory) RETURN x
  UNION
  MATCH (t)<-[:IN_EPCI]-(:Territory)<-[:PART_OF*0..1]-(x:Territory) RETURN x
}
MATCH (al:Alliance)-[:ACTS_IN]->(x)
WITH DISTINCT al
WHERE al.startDate IS NOT NULL
  AND ($at IS NULL OR (al.startDate <= date($at) AND (al.endDate IS NULL OR al.endDate >= date($at))))
RETURN al.startDate.year AS year, al.kind AS kind, count(al) AS count`;

const KINDS = ["PHILANTHROPY", "RESPONSIBLE_PRACTICES", "ECONOMIC_COOPERATION", "SOCIETAL_INNOVATION", "TERRITORIAL_CO_CONSTRUCTION", "RESEARCH_PARTNERSHIP"];

async function plain(id: string, at: string | null) {
  const rows = await db.connection.executor.read(PLAIN, { id, at });
  return (rows as { year: number; kind: string; count: number }[])
    .map(({ year, kind, count }) => ({ year, kind, count }))
    .sort((x, y) => x.year - y.year || KINDS.indexOf(x.kind) - KINDS.indexOf(y.kind));
}

async function api(territory: string, at: string | null) {
  const data = await db.client.data(
    `query ($t: String!, $at: LocalDate) { territoryProfile(territory: $t, at: $at) { allianceCount statistics { byStartYear { key count } byStartYearAndKind { year kind count } } } }`,
    { t: territory, at },
  );
  return data.territoryProfile;
}

describe("byStartYearAndKind on the generated graph", () => {
  it.each([
    ["DEPARTEMENT:94", null],
    ["DEPARTEMENT:94", "2019-06-01"],
    ["REGION:11", null],
    ["COMMUNE:69123", "2022-01-01"],
  ])("answers the plain query's rows for %s on %s", async (territory, at) => {
    const expected = await plain(territory, at);
    expect(expected.length).toBeGreaterThan(3); // the generated graph has alliances there: the comparison says something
    const profile = await api(territory, at);
    expect(profile.statistics.byStartYearAndKind).toEqual(expected);
  });

  it("adds up, year by year, to byStartYear", async () => {
    const { statistics } = await api("DEPARTEMENT:94", null);
    const perYear = new Map<string, number>();
    for (const { year, count } of statistics.byStartYearAndKind) perYear.set(String(year), (perYear.get(String(year)) ?? 0) + count);
    expect(Object.fromEntries(perYear)).toEqual(Object.fromEntries(statistics.byStartYear.map(({ key, count }: { key: string; count: number }) => [key, count])));
  });
});

describe("the cost of byStartYearAndKind", () => {
  it("counts every bucket it can answer: 1 + 6 kinds × 25 years × its selection", async () => {
    const small = await GraphQLClient.create(db.connection, { limits: { ...DEFAULT_LIMITS, maxCost: 600 } });
    try {
      // statistics 1 + byStartYearAndKind (1 + 150 × 3 fields) = 452: within 600; with a fourth field, 602: refused.
      const within = await small.run("{ statistics { byStartYearAndKind { year kind count } } }");
      expect(within.errors).toBeUndefined();
      const over = await small.run("{ statistics { byStartYearAndKind { year kind label count } } }");
      expect(over.errors?.[0]).toMatchObject({ extensions: { code: "QUERY_TOO_COMPLEX", limit: "maxCost" } });
      expect(over.errors?.[0].message).toContain("Query cost 602 exceeds the limit of 600");
    } finally {
      await small.stop();
    }
  });
});
