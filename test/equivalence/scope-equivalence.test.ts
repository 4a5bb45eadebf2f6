import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Connection } from "../../src/neo4j/connect";
import { generateDocument } from "../../src/generate/generate";
import { importFiles } from "../../src/import/importer";
import { deleteByPrefix, GraphQLClient, openTestDatabase, TEST_DEPARTEMENTS } from "../support/database";

/**
 * Every list, paged field, statistic, network, path and analytics scope of the API, with each
 * filter argument alone and combined with a territory at each level and `at`, against a plain
 * Cypher query written here (nothing from src/ builds it) on a generated 3,000-actor graph.
 *
 * The database may hold other data (fixtures, a "bg-" graph): both sides see all of it, and every
 * comparison is on the whole answer (total and first page in order) or on the "eq-" ids of
 * both sides. Each API call is timed; none may take more than MAX_MS.
 */
const P = "eq-";
const ACTORS = 3000;
const MAX_MS = 1000;
const AT = "2019-06-01";
jest.setTimeout(900_000); // a sweep runs on after a test's timeout: let each finish
let connection: Connection;
let client: GraphQLClient;
let dir: string;
const timings: { name: string; ms: number; planned: boolean }[] = [];

// ---------------------------------------------------------------- plain Cypher, written here

/** The ids of a territory and of every territory inside it, walked down plainly. */
const INSIDE = `MATCH (t:Territory {id: $id})
CALL (t) {
  MATCH (t)<-[:PART_OF*0..4]-(x:Territory) RETURN x
  UNION
  MATCH (t)<-[:IN_EPCI]-(:Territory)<-[:PART_OF*0..1]-(x:Territory) RETURN x
}
RETURN collect(DISTINCT x.id) AS ids`;

const active = (x: string) => `((${x}.startDate IS NULL OR ${x}.startDate <= date($at)) AND (${x}.endDate IS NULL OR ${x}.endDate >= date($at)))`;

/** An AllianceFilter as the test gives it (territory already turned into the `inside` id list). */
interface Filter {
  kinds?: string[];
  objectives?: string[];
  sdgs?: number[];
  statuses?: string[];
  territory?: string;
  memberKinds?: string[];
  memberIds?: string[];
  startedFrom?: string;
  startedTo?: string;
  endedFrom?: string;
  endedTo?: string;
}

/** The plain predicate for alliance `al`: one clause per criterion given; params are `f_<name>` and `inside`. */
function allianceWhere(al: string, f: Filter): string {
  const parts: string[] = [];
  if (f.kinds) parts.push(`${al}.kind IN $f_kinds`);
  if (f.objectives) parts.push(`any(o IN ${al}.objectives WHERE o IN $f_objectives)`);
  if (f.sdgs) parts.push(`EXISTS { MATCH (${al})-[:CONTRIBUTES_TO]->(g:SDG) WHERE g.number IN $f_sdgs }`);
  if (f.statuses) parts.push(`${al}.status IN $f_statuses`);
  if (f.territory) parts.push(`EXISTS { MATCH (${al})-[:ACTS_IN]->(p:Territory) WHERE p.id IN $f_inside }`);
  if (f.memberKinds) parts.push(`EXISTS { MATCH (${al})<-[:IN_ALLIANCE]-(:Membership)<-[:HAS_MEMBERSHIP]-(w:Actor) WHERE w.kind IN $f_memberKinds }`);
  if (f.memberIds) parts.push(`EXISTS { MATCH (${al})<-[:IN_ALLIANCE]-(:Membership)<-[:HAS_MEMBERSHIP]-(w:Actor) WHERE w.id IN $f_memberIds }`);
  if (f.startedFrom) parts.push(`${al}.startDate >= date($f_startedFrom)`);
  if (f.startedTo) parts.push(`${al}.startDate <= date($f_startedTo)`);
  if (f.endedFrom) parts.push(`${al}.endDate >= date($f_endedFrom)`);
  if (f.endedTo) parts.push(`${al}.endDate <= date($f_endedTo)`);
  return parts.length ? parts.join(" AND ") : "true";
}

const insideCache = new Map<string, string[]>();
async function inside(id: string): Promise<string[]> {
  if (!insideCache.has(id)) {
    const [row] = await connection.executor.read(INSIDE, { id });
    insideCache.set(id, row.ids);
  }
  return insideCache.get(id)!;
}

async function filterParams(f: Filter): Promise<Record<string, unknown>> {
  const params: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(f)) params[`f_${key}`] = value;
  if (f.territory) params.f_inside = await inside(territoryIds.get(f.territory)!);
  return params;
}

async function cypherIds(cypher: string, params: Record<string, unknown>): Promise<string[]> {
  const rows = await connection.executor.read(cypher, params);
  return rows.map((row) => row.id);
}

// ---------------------------------------------------------------- API side

/**
 * The first call of a query shape (which arguments are given, not their values) waits for
 * Neo4j to plan its Cypher; later calls of that shape reuse the plan, as a warmed server does
 * (src/graphql/warm-up.ts). Both are recorded; the 1 s bound is on planned calls.
 */
const shapesSeen = new Set<string>();
function shapeOfVariables(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (typeof value !== "object" || Array.isArray(value)) return "·";
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v != null).map(([k, v]) => [k, k === "depth" ? v : shapeOfVariables(v)]));
}

async function timed(name: string, query: string, variables: Record<string, unknown>): Promise<any> {
  const shape = `${name} ${JSON.stringify(shapeOfVariables(variables))}`;
  const start = process.hrtime.bigint();
  const result = await client.run(query, variables);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  timings.push({ name: `${name} ${JSON.stringify(variables)}`, ms, planned: shapesSeen.has(shape) });
  shapesSeen.add(shape);
  if (result.errors?.length) throw new Error(`${name}: ${JSON.stringify(result.errors)}`);
  return result.data;
}

const page = (connection: any) => ({ total: connection.totalCount, ids: connection.edges.map((e: any) => e.node.id) });

/** The whole answer's total and its first page (100, in order) equal the plain query's. */
function expectPage(got: { total: number; ids: string[] }, want: string[], label: string) {
  expect({ label, total: got.total, ids: got.ids }).toEqual({ label, total: want.length, ids: want.slice(0, 100) });
}

// ---------------------------------------------------------------- the graph and its cases

/** Territory references used as `territory:` (each level, in the forms clients write) → their ids. */
const territoryIds = new Map<string, string>();
let territoryRefs: string[] = [];
let hub: string;
let otherActor: string;
let farActor: string;
let allianceHub: string;

/** Each criterion alone, then all together (values chosen so most are non-empty). */
function filterVariants(): Filter[] {
  const alone: Filter[] = [
    {},
    { kinds: ["TERRITORIAL_CO_CONSTRUCTION", "PHILANTHROPY"] },
    { objectives: ["LOCAL_CO_CONSTRUCTION"] },
    { sdgs: [11, 3] },
    { statuses: ["ACTIVE"] },
    { memberKinds: ["COMPANY"] },
    { memberIds: [hub, otherActor] },
    { startedFrom: "2015-01-01" },
    { startedTo: "2018-12-31" },
    { endedFrom: "2020-01-01" },
    { endedTo: "2024-12-31" },
  ];
  return [...alone, { kinds: ["TERRITORIAL_CO_CONSTRUCTION", "ECONOMIC_COOPERATION"], sdgs: [11, 8, 3], memberKinds: ["COMPANY", "ASSOCIATION"], startedFrom: "2012-01-01" }];
}

/** Each filter variant alone, with `at`, and with a territory at each level (with and without `at`, in turn). */
function scopes(): { filter: Filter; at: string | null }[] {
  const out: { filter: Filter; at: string | null }[] = [];
  for (const base of filterVariants()) {
    out.push({ filter: base, at: null }, { filter: base, at: AT });
    territoryRefs.forEach((territory, i) => out.push({ filter: { ...base, territory }, at: i % 2 === 0 ? null : AT }));
  }
  return out;
}

/** For the costlier co-construction queries: each filter variant alone, with `at`, and with one territory level (in turn). */
function fewerScopes(): { filter: Filter; at: string | null }[] {
  return filterVariants().flatMap((base, i) => [
    { filter: base, at: null },
    { filter: base, at: AT },
    { filter: { ...base, territory: territoryRefs[i % territoryRefs.length] }, at: i % 2 === 0 ? AT : null },
  ]);
}

const withAt = (params: Record<string, unknown>, at: string | null) => ({ ...params, at });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "maillage-equivalence-"));
  connection = await openTestDatabase();
  await deleteByPrefix(connection, P);
  const doc = generateDocument({ actors: ACTORS, seed: "equivalence", prefix: P, departements: TEST_DEPARTEMENTS });
  for (const actor of doc.actors as any[]) { actor.siren = null; actor.rna = null; } // unique across the shared test DB
  const file = join(dir, "eq.json");
  writeFileSync(file, JSON.stringify({ ...doc, maturityAssessments: [] }));
  const result = await importFiles(connection.executor, [file]);
  expect(result.rowsRejected).toBe(0);
  client = await GraphQLClient.create(connection);

  // The commune with most eq actors, its EPCI, its département and région.
  const [place] = await connection.executor.read(
    `MATCH (a:Actor)-[:BASED_IN]->(c:Territory {level: "COMMUNE"})-[:IN_EPCI]->(e:Territory)
     WHERE a.id STARTS WITH $p AND c.code STARTS WITH "94"
     WITH c, e, count(a) AS n ORDER BY n DESC, c.id LIMIT 1
     RETURN c.code AS commune, c.id AS communeId, e.id AS epci`,
    { p: P },
  );
  territoryRefs = ["REGION:11", "DEPARTEMENT:94", place.epci, place.commune];
  for (const ref of territoryRefs) territoryIds.set(ref, ref.includes(":") ? ref : place.communeId);

  const members = new Map<string, number>();
  for (const m of doc.memberships as any[]) members.set(m.actorId, (members.get(m.actorId) ?? 0) + 1);
  const ranked = [...members.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([id]) => id);
  [hub, otherActor] = ranked;
  farActor = ranked[Math.floor(ranked.length / 3)];
  const size = new Map<string, number>();
  for (const m of doc.memberships as any[]) size.set(m.allianceId, (size.get(m.allianceId) ?? 0) + 1);
  allianceHub = [...size.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0];
}, 300_000);

afterAll(async () => {
  await deleteByPrefix(connection, P);
  await client?.stop();
  await connection.close();
  rmSync(dir, { recursive: true, force: true });
  // The slowest calls, for bench/README.md ("Equivalence sweep (issue 11)").
  const slowest = (planned: boolean) =>
    [...timings].filter((t) => t.planned === planned).sort((a, b) => b.ms - a.ms).slice(0, 5).map((t) => `${t.ms.toFixed(0)} ms  ${t.name}`).join("\n");
  const planned = timings.filter((t) => t.planned).length;
  console.log(`equivalence sweep: ${timings.length} calls (${planned} with a planned shape), slowest planned:\n${slowest(true)}\nslowest first of their shape (planning included):\n${slowest(false)}`);
});

const ALLIANCES_Q = `query($filter: AllianceFilter, $at: LocalDate) { alliances(filter: $filter, at: $at, first: 100) { totalCount edges { node { id } } } }`;
const ACTORS_Q = `query($filter: ActorFilter, $at: LocalDate) { actors(filter: $filter, at: $at, first: 100) { totalCount edges { node { id } } } }`;
const OUTCOMES_Q = `query($filter: OutcomeFilter, $at: LocalDate) { outcomes(filter: $filter, at: $at, first: 100) { totalCount edges { node { id } } } }`;
const ACTOR_ALLIANCES_Q = `query($id: ID!, $filter: AllianceFilter, $at: LocalDate) { actor(id: $id) { alliances(filter: $filter, at: $at, first: 100) { totalCount edges { node { id } } } } }`;
const CO_Q = `query($id: ID!, $depth: Int!, $kinds: [ActorKind!], $territory: String, $filter: AllianceFilter, $at: LocalDate) {
  actor(id: $id) { coConstructors(depth: $depth, kinds: $kinds, territory: $territory, filter: $filter, at: $at, first: 100) { totalCount edges { node { actor { id } } } } } }`;
const TERRITORY_ALLIANCES_Q = `query($code: String!, $filter: AllianceFilter, $at: LocalDate) { territory(code: $code) { alliances(filter: $filter, at: $at, first: 100) { totalCount edges { node { id } } } } }`;
const SDG_ALLIANCES_Q = `query($filter: AllianceFilter, $at: LocalDate) { sdg(number: 11) { alliances(filter: $filter, at: $at, first: 100) { totalCount edges { node { id } } } } }`;
const STATISTICS_Q = `query($filter: AllianceFilter, $at: LocalDate) { statistics(filter: $filter, at: $at) { allianceCount byKind { key count } } }`;
const PROFILE_Q = `query($territory: String!, $filter: AllianceFilter, $at: LocalDate) { territoryProfile(territory: $territory, filter: $filter, at: $at) { allianceCount actorsByKind { key count } } }`;
const NETWORK_Q = `query($seeds: [ID!]!, $filter: AllianceFilter, $at: LocalDate) { network(seeds: $seeds, depth: 2, maxNodes: 2000, filter: $filter, at: $at) { truncated nodes { entityId } } }`;
const ANALYTICS_Q = `query($filter: AllianceFilter, $at: LocalDate, $kinds: [ActorKind!]) { networkAnalytics(filter: $filter, at: $at, actorKinds: $kinds) { actorCount } }`;
const PATH_Q = `query($from: ID!, $to: ID!, $filter: AllianceFilter, $at: LocalDate) { path(from: $from, to: $to, maxHops: 4, filter: $filter, at: $at) { length } }`;

describe("every scoped list answers as the plain Cypher", () => {
  it("alliances(filter, at)", async () => {
    for (const { filter, at } of scopes()) {
      const want = await cypherIds(
        `MATCH (al:Alliance) WHERE ${allianceWhere("al", filter)} ${at ? `AND ${active("al")}` : ""} RETURN al.id AS id ORDER BY al.nameKey, al.id`,
        withAt(await filterParams(filter), at),
      );
      expectPage(page((await timed("alliances", ALLIANCES_Q, { filter, at })).alliances), want, JSON.stringify({ filter, at }));
    }
  });

  it("Territory.alliances(filter, at) at each level", async () => {
    for (const [i, ref] of territoryRefs.entries()) {
      // Each filter variant at each level; `at` given at every other level.
      for (const { filter, at } of scopes().filter((s) => !s.filter.territory && (s.at === null) === (i % 2 === 0))) {
        const want = await cypherIds(
          `MATCH (al:Alliance) WHERE EXISTS { MATCH (al)-[:ACTS_IN]->(p:Territory) WHERE p.id IN $here } AND ${allianceWhere("al", filter)} ${at ? `AND ${active("al")}` : ""}
           RETURN al.id AS id ORDER BY al.nameKey, al.id`,
          { ...withAt(await filterParams(filter), at), here: await inside(territoryIds.get(ref)!) },
        );
        const data = await timed("Territory.alliances", TERRITORY_ALLIANCES_Q, { code: ref, filter, at });
        expectPage(page(data.territory.alliances), want, JSON.stringify({ ref, filter, at }));
      }
    }
  });

  it("SDG.alliances(filter, at)", async () => {
    for (const { filter, at } of scopes()) {
      const want = await cypherIds(
        `MATCH (al:Alliance)-[:CONTRIBUTES_TO]->(:SDG {number: 11}) WHERE ${allianceWhere("al", filter)} ${at ? `AND ${active("al")}` : ""} RETURN al.id AS id ORDER BY al.nameKey, al.id`,
        withAt(await filterParams(filter), at),
      );
      expectPage(page((await timed("SDG.alliances", SDG_ALLIANCES_Q, { filter, at })).sdg.alliances), want, JSON.stringify({ filter, at }));
    }
  });

  it("Actor.alliances(filter, at)", async () => {
    for (const { filter, at } of scopes()) {
      const want = await cypherIds(
        `MATCH (:Actor {id: $id})-[:HAS_MEMBERSHIP]->(m:Membership)-[:IN_ALLIANCE]->(al:Alliance)
         WHERE ${allianceWhere("al", filter)} ${at ? `AND ${active("al")} AND ${active("m")}` : ""} RETURN m.id AS id ORDER BY al.nameKey, m.id`,
        { ...withAt(await filterParams(filter), at), id: hub },
      );
      expectPage(page((await timed("Actor.alliances", ACTOR_ALLIANCES_Q, { id: hub, filter, at })).actor.alliances), want, JSON.stringify({ filter, at }));
    }
  });

  it("statistics and territoryProfile(filter, at)", async () => {
    for (const { filter, at } of scopes()) {
      const params = withAt(await filterParams(filter), at);
      const [want] = await connection.executor.read(
        `MATCH (al:Alliance) WHERE ${allianceWhere("al", filter)} ${at ? `AND ${active("al")}` : ""}
         WITH al.kind AS kind, count(*) AS n RETURN sum(n) AS total, collect([kind, n]) AS byKind`,
        params,
      );
      const data = await timed("statistics", STATISTICS_Q, { filter, at });
      expect({ filter, at, count: data.statistics.allianceCount }).toEqual({ filter, at, count: want.total });
      const got = Object.fromEntries(data.statistics.byKind.filter((c: any) => c.count > 0).map((c: any) => [c.key, c.count]));
      expect(got).toEqual(Object.fromEntries(want.byKind));
      if (filter.territory) {
        const { territory, ...rest } = filter;
        const profile = await timed("territoryProfile", PROFILE_Q, { territory, filter: rest, at });
        expect({ filter, at, count: profile.territoryProfile.allianceCount }).toEqual({ filter, at, count: want.total });
      }
    }
  });

  it("actors(filter: kinds, territory, sdgs, nameStartsWith; at)", async () => {
    const variants = [{}, { kinds: ["COMPANY", "MEDIA"] }, { sdgs: [11, 3] }, { nameStartsWith: "Ass" }, { kinds: ["ASSOCIATION"], sdgs: [4], nameStartsWith: "a" }];
    for (const base of variants as any[]) {
      for (const territory of [undefined, ...territoryRefs]) {
        for (const at of [null, AT]) {
          const filter = territory ? { ...base, territory } : base;
          const parts = ["true"];
          if (filter.kinds) parts.push("a.kind IN $kinds");
          if (filter.nameStartsWith) parts.push("a.nameKey STARTS WITH $prefix");
          if (territory) parts.push("EXISTS { MATCH (a)-[:BASED_IN]->(p:Territory) WHERE p.id IN $here }");
          if (filter.sdgs || at) {
            parts.push(`EXISTS { MATCH (a)-[:HAS_MEMBERSHIP]->(m:Membership)-[:IN_ALLIANCE]->(al:Alliance)
              WHERE ${at ? `${active("m")} AND ${active("al")}` : "true"}
              ${filter.sdgs ? "AND EXISTS { MATCH (al)-[:CONTRIBUTES_TO]->(g:SDG) WHERE g.number IN $sdgs }" : ""} }`);
          }
          const want = await cypherIds(`MATCH (a:Actor) WHERE ${parts.join(" AND ")} RETURN a.id AS id ORDER BY a.nameKey, a.id`, {
            kinds: filter.kinds, sdgs: filter.sdgs, prefix: filter.nameStartsWith?.toLowerCase(), at,
            here: territory ? await inside(territoryIds.get(territory)!) : null,
          });
          expectPage(page((await timed("actors", ACTORS_Q, { filter, at })).actors), want, JSON.stringify({ filter, at }));
        }
      }
    }
  });

  it("Territory.actors(kinds) and territories(within, level, nameStartsWith)", async () => {
    for (const ref of territoryRefs) {
      const here = await inside(territoryIds.get(ref)!);
      for (const kinds of [null, ["COMPANY", "LOCAL_AUTHORITY"]]) {
        const want = await cypherIds(
          `MATCH (a:Actor)-[:BASED_IN]->(p:Territory) WHERE p.id IN $here AND ($kinds IS NULL OR a.kind IN $kinds) RETURN DISTINCT a.id AS id, a.nameKey AS k ORDER BY k, id`,
          { here, kinds },
        );
        const data = await timed("Territory.actors", `query($code: String!, $kinds: [ActorKind!]) { territory(code: $code) { actors(kinds: $kinds, first: 100) { totalCount edges { node { id } } } } }`, { code: ref, kinds });
        expectPage(page(data.territory.actors), want, JSON.stringify({ ref, kinds }));
      }
      for (const [level, prefix] of [[null, null], ["COMMUNE", null], [null, "v"]]) {
        const want = await cypherIds(
          `MATCH (x:Territory) WHERE x.id IN $here AND x.id <> $self AND ($level IS NULL OR x.level = $level) AND ($prefix IS NULL OR x.nameKey STARTS WITH $prefix)
           RETURN x.id AS id ORDER BY x.nameKey, x.id`,
          { here, self: territoryIds.get(ref), level, prefix },
        );
        const data = await timed("territories", `query($within: String, $level: TerritoryLevel, $prefix: String) { territories(within: $within, level: $level, nameStartsWith: $prefix, first: 100) { totalCount edges { node { id } } } }`, { within: ref, level, prefix });
        expectPage(page(data.territories), want, JSON.stringify({ ref, level, prefix }));
      }
    }
  });

  it("outcomes(filter: kinds, sdgs, territory, allianceIds; at)", async () => {
    const variants = [{}, { kinds: ["IMPACT", "RESULT"] }, { sdgs: [11, 13] }, { allianceIds: [allianceHub] }, { kinds: ["PRACTICE", "EVENT", "RESULT"], sdgs: [11, 3, 8] }];
    for (const base of variants as any[]) {
      for (const territory of [undefined, ...territoryRefs]) {
        for (const at of [null, AT]) {
          const filter = territory ? { ...base, territory } : base;
          const parts = ["true"];
          if (at) parts.push(active("al"));
          if (filter.kinds) parts.push("o.kind IN $kinds");
          if (filter.allianceIds) parts.push("al.id IN $allianceIds");
          if (filter.sdgs) parts.push("EXISTS { MATCH (o)-[:ADVANCES]->(g:SDG) WHERE g.number IN $sdgs }");
          if (territory) parts.push("(EXISTS { MATCH (o)-[:BENEFITS]->(p:Territory) WHERE p.id IN $here } OR EXISTS { MATCH (al)-[:ACTS_IN]->(p:Territory) WHERE p.id IN $here })");
          const want = await cypherIds(`MATCH (al:Alliance)-[:PRODUCED]->(o:Outcome) WHERE ${parts.join(" AND ")} RETURN o.id AS id ORDER BY toLower(o.title), o.id`, {
            kinds: filter.kinds, sdgs: filter.sdgs, allianceIds: filter.allianceIds, at,
            here: territory ? await inside(territoryIds.get(territory)!) : null,
          });
          expectPage(page((await timed("outcomes", OUTCOMES_Q, { filter, at })).outcomes), want, JSON.stringify({ filter, at }));
        }
      }
    }
  });

  it("Actor.impact(kinds, at), Alliance.members(kinds, roles, at) and Alliance.outcomes(kinds, at)", async () => {
    for (const at of [null, AT]) {
      for (const kinds of [null, ["RESULT", "IMPACT", "EVENT"]]) {
        const impact = await cypherIds(
          `MATCH (:Actor {id: $id})-[:HAS_MEMBERSHIP]->(m:Membership)-[:IN_ALLIANCE]->(al:Alliance)-[:PRODUCED]->(o:Outcome)
           WHERE ($at IS NULL OR (${active("m")} AND ${active("al")})) AND ($kinds IS NULL OR o.kind IN $kinds)
           RETURN DISTINCT o.id AS id, toLower(o.title) AS k ORDER BY k, id`,
          { id: hub, at, kinds },
        );
        const data = await timed("Actor.impact", `query($id: ID!, $kinds: [OutcomeKind!], $at: LocalDate) { actor(id: $id) { impact(kinds: $kinds, at: $at, first: 100) { totalCount edges { node { id } } } } }`, { id: hub, kinds, at });
        expectPage(page(data.actor.impact), impact, JSON.stringify({ kinds, at }));
        const outcomes = await cypherIds(
          `MATCH (:Alliance {id: $id})-[:PRODUCED]->(o:Outcome) WHERE $kinds IS NULL OR o.kind IN $kinds RETURN o.id AS id ORDER BY toLower(o.title), o.id`,
          { id: allianceHub, kinds },
        );
        const got = await timed("Alliance.outcomes", `query($id: ID!, $kinds: [OutcomeKind!], $at: LocalDate) { alliance(id: $id) { outcomes(kinds: $kinds, at: $at, first: 100) { totalCount edges { node { id } } } } }`, { id: allianceHub, kinds, at });
        expectPage(page(got.alliance.outcomes), outcomes, JSON.stringify({ kinds, at }));
      }
      for (const [kinds, roles] of [[null, null], [["COMPANY", "ASSOCIATION"], null], [null, ["LEADER", "PARTNER"]]]) {
        const want = await cypherIds(
          `MATCH (:Alliance {id: $id})<-[:IN_ALLIANCE]-(m:Membership)<-[:HAS_MEMBERSHIP]-(a:Actor)
           WHERE ($at IS NULL OR ${active("m")}) AND ($kinds IS NULL OR a.kind IN $kinds) AND ($roles IS NULL OR m.role IN $roles)
           RETURN m.id AS id ORDER BY CASE m.role WHEN 'LEADER' THEN 0 ELSE 1 END, a.nameKey, m.id`,
          { id: allianceHub, at, kinds, roles },
        );
        const data = await timed("Alliance.members", `query($id: ID!, $kinds: [ActorKind!], $roles: [MembershipRole!], $at: LocalDate) { alliance(id: $id) { members(kinds: $kinds, roles: $roles, at: $at, first: 100) { totalCount edges { node { id } } } } }`, { id: allianceHub, kinds, roles, at });
        expectPage(page(data.alliance.members), want, JSON.stringify({ kinds, roles, at }));
      }
    }
  });
});

describe("co-construction scopes answer as a breadth-first walk over the plain memberships", () => {
  /** Alliance id → its members' ids, through memberships (and alliances) in the scope. */
  async function membersInScope(filter: Filter, at: string | null): Promise<Map<string, string[]>> {
    const rows = await connection.executor.read(
      `MATCH (a:Actor)-[:HAS_MEMBERSHIP]->(m:Membership)-[:IN_ALLIANCE]->(al:Alliance)
       WHERE a.id STARTS WITH $p AND ${allianceWhere("al", filter)} ${at ? `AND ${active("al")} AND ${active("m")}` : ""}
       RETURN al.id AS alliance, collect(DISTINCT a.id) AS members`,
      { ...withAt(await filterParams(filter), at), p: P },
    );
    return new Map(rows.map((row) => [row.alliance, row.members]));
  }

  /** Actor → the actors sharing an alliance with it, and how many alliances each. */
  function neighbours(groups: Map<string, string[]>): Map<string, Map<string, number>> {
    const out = new Map<string, Map<string, number>>();
    for (const members of groups.values()) {
      for (const a of members) {
        const near = out.get(a) ?? new Map<string, number>();
        out.set(a, near);
        for (const b of members) if (b !== a) near.set(b, (near.get(b) ?? 0) + 1);
      }
    }
    return out;
  }

  function distances(graph: Map<string, Map<string, number>>, from: string, depth: number): Map<string, number> {
    const seen = new Map([[from, 0]]);
    let frontier = [from];
    for (let d = 1; d <= depth; d++) {
      const next: string[] = [];
      for (const a of frontier) for (const b of graph.get(a)?.keys() ?? []) if (!seen.has(b)) { seen.set(b, d); next.push(b); }
      frontier = next;
    }
    return seen;
  }

  const eqOnly = (ids: string[]) => ids.filter((id) => id.startsWith(P)).sort();

  it("Actor.coConstructors(depth, kinds, territory, filter, at)", async () => {
    const kindsOf = new Map((await connection.executor.read(`MATCH (a:Actor) WHERE a.id STARTS WITH $p RETURN a.id AS id, a.kind AS kind`, { p: P })).map((r) => [r.id, r.kind]));
    const baseOf = new Map((await connection.executor.read(`MATCH (a:Actor)-[:BASED_IN]->(t) WHERE a.id STARTS WITH $p RETURN a.id AS id, t.id AS t`, { p: P })).map((r) => [r.id, r.t]));
    const variants = [[1, ["COMPANY", "ASSOCIATION", "LOCAL_AUTHORITY"], null], [1, null, "DEPARTEMENT:94"], [1, null, territoryRefs[3]], [2, null, territoryRefs[2]], [2, null, null]] as const;
    const cases = [
      ...fewerScopes().map((scope) => ({ ...scope, depth: 1, kinds: null as readonly string[] | null, territory: null as string | null })),
      ...variants.map(([depth, kinds, territory], i) => ({ filter: {}, at: i % 2 === 0 ? null : AT, depth, kinds, territory })),
    ];
    for (const { filter, at, depth, kinds, territory } of cases) {
      const graph = neighbours(await membersInScope(filter, at));
      const here = territory ? new Set(await inside(territoryIds.get(territory)!)) : null;
      const want = [...distances(graph, hub, depth).entries()]
        .filter(([id, d]) => d > 0 && (!kinds || kinds.includes(kindsOf.get(id))) && (!here || here.has(baseOf.get(id))))
        .map(([id]) => id);
      const data = await timed("Actor.coConstructors", CO_Q, { id: hub, depth, kinds, territory, filter, at });
      const got = data.actor.coConstructors;
      expect({ filter, at, depth, kinds, territory, total: got.totalCount }).toEqual({ filter, at, depth, kinds, territory, total: want.length });
      if (want.length <= 100) expect(eqOnly(got.edges.map((e: any) => e.node.actor.id))).toEqual(eqOnly(want));
    }
  });

  it("network(seeds, depth 2, filter, at) and path(filter, at)", async () => {
    for (const { filter, at } of fewerScopes()) {
      const graph = neighbours(await membersInScope(filter, at));
      const reach = distances(graph, hub, 2);
      const data = await timed("network", NETWORK_Q, { seeds: [hub], filter, at });
      expect(data.network.truncated).toBe(false);
      expect({ filter, at, nodes: eqOnly(data.network.nodes.map((n: any) => n.entityId)) }).toEqual({ filter, at, nodes: eqOnly([...reach.keys()]) });
      const far = distances(graph, hub, 4).get(farActor);
      const path = await timed("path", PATH_Q, { from: hub, to: farActor, filter, at });
      expect({ filter, at, length: path.path?.length ?? null }).toEqual({ filter, at, length: far ?? null });
    }
  });

  it("networkAnalytics(filter, at, actorKinds): the actors in scope", async () => {
    for (const [index, { filter, at }] of fewerScopes().entries()) {
      for (const kinds of [index % 2 === 0 ? null : ["COMPANY", "ASSOCIATION"]]) {
        const [want] = await connection.executor.read(
          `MATCH (a:Actor)-[:HAS_MEMBERSHIP]->(m:Membership)-[:IN_ALLIANCE]->(al:Alliance)
           WHERE ${allianceWhere("al", filter)} ${at ? `AND ${active("al")} AND ${active("m")}` : ""} AND ($kinds IS NULL OR a.kind IN $kinds)
           RETURN count(DISTINCT a) AS n`,
          { ...withAt(await filterParams(filter), at), kinds },
        );
        const data = await timed("networkAnalytics", ANALYTICS_Q, { filter, at, kinds });
        expect({ filter, at, kinds, n: data.networkAnalytics.actorCount }).toEqual({ filter, at, kinds, n: want.n });
      }
    }
  });
});

describe("time", () => {
  it(`every planned call answers within ${MAX_MS} ms`, () => {
    expect(timings.length).toBeGreaterThan(400);
    const slow = timings.filter((t) => t.planned && t.ms > MAX_MS).map((t) => `${t.ms.toFixed(0)} ms  ${t.name}`);
    expect(slow).toEqual([]);
  });
});
