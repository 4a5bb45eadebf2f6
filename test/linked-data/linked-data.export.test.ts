import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Connection } from "../../src/neo4j/connect";
import { loadDocument } from "../../src/seed/document";
import { exportDocument } from "../../src/export/export.document";
import { ExportFormat } from "../../src/export/export.formats";
import { ExportScope, WHOLE_GRAPH } from "../../src/export/export.scope";
import { exportText, openExport } from "../../src/export/export.service";
import { Label, Rel } from "../../src/neo4j/graph-model";
import { AllianceKind } from "../../src/common/enums";
import { DEFAULT_LIMITS } from "../../src/graphql/limits";
import { deleteByPrefix, GraphQLClient } from "../support/database";
import { useHttpServers } from "../support/http-servers";
import { runCli } from "../support/cli";
import { KEYS, testAuthConfig } from "../auth/auth-support";
import { knownGraph } from "../support/known-graph";
import { jsonldTriples, objectsOf, ORG, PROV, SCHEMA, SOSA, subjectsOf, TIME, triplesAbout, TripleKey, turtleTriples, XSD } from "./rdf-read";

// knownGraph: Xylo (DEPARTEMENT:94) Alpha LEADER, Beta, Gamma; Yak (Créteil, PHILANTHROPY, 2019-05-01 → 2021-12-31)
// Alpha LEADER, Beta; Zeta (REGION:84) Gamma, Delta; Wolf (nowhere) Epsilon and, here, a hostile actor.
// Memberships start 2020-01-01; one source. Its own SIREN and RNA, unique in the database.
const P = "ldx-";
const id = (name: string) => `${P}${name}`;
const BASE = "https://maillage.example/id/";
const mine: ExportScope = { ...WHOLE_GRAPH, idPrefix: P };
const HOSTILE = { name: 'Le "Collectif" <Ω> & fils \\ 🎉', description: 'Ligne 1\nLigne 2\t"citée" > fin\r\n𝄞' };
const servers = useHttpServers((database) => deleteByPrefix(database, P));
let connection: Connection;
let client: GraphQLClient;
let base: string;

beforeAll(async () => {
  connection = servers.connection();
  const doc = knownGraph(P);
  doc.actors = doc.actors.map((a: any) => (a.rna ? { ...a, rna: "W947770007" } : a.siren ? { ...a, siren: "477700074" } : a));
  doc.actors.push({ id: id("x.y~z:hostile"), kind: "MEDIA", ...HOSTILE, website: 'https://example.org/é?b="1"&c={2}|`3`', sourceIds: [id("src")] });
  doc.memberships.push({ actorId: id("x.y~z:hostile"), allianceId: id("wolf"), role: "PARTNER", startDate: "2021-01-01", endDate: "2022-06-30", sourceIds: [id("src")] });
  const assessment = { id: id("ma-alpha"), subjectType: "ACTOR", subjectId: id("alpha"), level: "PIONEERING", assessedOn: "2022-03-01", sourceIds: [id("src")] };
  await loadDocument(connection.executor, { ...doc, maturityAssessments: [assessment] } as typeof doc);
  // The scope's counts in one operation: a costly one, which an admin's script could be allowed.
  client = await GraphQLClient.create(connection, { limits: { ...DEFAULT_LIMITS, maxCost: 10_000_000 } });
  base = await servers.start({ auth: testAuthConfig() });
});

afterAll(() => client.stop());

async function exported(format: ExportFormat.JSONLD | ExportFormat.TURTLE, scope: ExportScope, pageSize?: number): Promise<string> {
  return exportText(await openExport(connection.executor, format, scope, "bipartite", { pageSize }));
}

async function bothWays(scope: ExportScope) {
  const fromJsonld = await jsonldTriples(await exported(ExportFormat.JSONLD, scope));
  const fromTurtle = turtleTriples(await exported(ExportFormat.TURTLE, scope));
  return { fromJsonld, fromTurtle };
}

/** What a reader counts in the linked data: organisations (actors and alliances), memberships, sources, maturity assessments. */
function counts(triples: Set<TripleKey>) {
  const organizations = subjectsOf(triples, `${ORG}Organization`);
  return {
    actors: organizations.filter((s) => s.startsWith(`${BASE}actor/`)).length,
    alliances: subjectsOf(triples, `${ORG}OrganizationalCollaboration`).length,
    organizations: organizations.length,
    memberships: subjectsOf(triples, `${ORG}Membership`).length,
    sources: subjectsOf(triples, `${PROV}Entity`).length,
    assessments: subjectsOf(triples, `${SOSA}Observation`).length,
  };
}

// Independently of the export's queries: the alliances acting in $territory or inside it with one of $kinds,
// their memberships and members, the actors their outcomes benefit, and every source any of them cites.
const SCOPE_COUNTS = `MATCH (al:${Label.Alliance})-[:${Rel.ACTS_IN}]->(t:${Label.Territory})
WHERE al.kind IN $kinds AND (t.id = $territory OR EXISTS { (t)-[:${Rel.PART_OF}*1..4]->(:${Label.Territory} {id: $territory}) })
WITH collect(DISTINCT al) AS alliances
CALL (alliances) {
  UNWIND alliances AS al
  MATCH (a:${Label.Actor})-[:${Rel.HAS_MEMBERSHIP}]->(m:${Label.Membership})-[:${Rel.IN_ALLIANCE}]->(al)
  RETURN collect(m) AS memberships, collect(DISTINCT a) AS members
}
CALL (alliances) {
  UNWIND alliances AS al
  OPTIONAL MATCH (al)-[:${Rel.PRODUCED}]->(o:${Label.Outcome})
  OPTIONAL MATCH (o)-[:${Rel.BENEFITS}]->(b:${Label.Actor})
  RETURN collect(DISTINCT o) AS outcomes, collect(DISTINCT b) AS beneficiaries
}
WITH alliances, memberships, members, outcomes, [b IN beneficiaries WHERE NOT b IN members] + members AS actors
CALL (alliances, memberships, actors, outcomes, members) {
  UNWIND alliances + memberships + actors + outcomes + COLLECT { UNWIND members AS a MATCH (ma:${Label.MaturityAssessment})-[:${Rel.ASSESSES}]->(a) RETURN ma } AS fact
  MATCH (fact)-[:${Rel.CITES}]->(s:${Label.Source})
  RETURN count(DISTINCT s) AS sources
}
RETURN size(actors) AS actors, size(alliances) AS alliances, size(memberships) AS memberships, sources`;

// The same through the API: alliances in the territory, their members, the actors their outcomes benefit, the sources of each.
const SCOPE_QUERY = `query Scope($territory: String!, $kinds: [AllianceKind!], $after: String) {
  alliances(filter: { territory: $territory, kinds: $kinds }, first: 100, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id sources { id }
      members(first: 100) { totalCount edges { node { id sources { id } actor { id sources { id } maturityHistory { sources { id } } } } } }
      outcomes(first: 100) { edges { node { sources { id } beneficiaryActors { id sources { id } } } } }
    } }
  }
}`;

/** The API's alliances of a scope, every page of them. */
async function apiAlliances(territory: string, kinds: string[]) {
  const all: any[] = [];
  let after: string | null = null;
  let totalCount = 0;
  do {
    const { alliances }: any = await client.data(SCOPE_QUERY, { territory, kinds, after });
    all.push(...alliances.edges.map((edge: any) => edge.node));
    totalCount = alliances.totalCount;
    after = alliances.pageInfo.hasNextPage ? alliances.pageInfo.endCursor : null;
  } while (after);
  expect(all).toHaveLength(totalCount);
  return all;
}

async function apiCounts(territory: string, kinds: string[]) {
  const alliances = await apiAlliances(territory, kinds);
  const actors = new Set<string>();
  const sources = new Set<string>();
  let memberships = 0;
  const cite = (fact: { sources: { id: string }[] }) => fact.sources.forEach((s) => sources.add(s.id));
  for (const alliance of alliances) {
    cite(alliance);
    expect(alliance.members.totalCount).toBe(alliance.members.edges.length);
    memberships += alliance.members.totalCount;
    for (const { node: m } of alliance.members.edges) {
      cite(m);
      cite(m.actor);
      m.actor.maturityHistory.forEach(cite);
      actors.add(m.actor.id);
    }
    for (const { node: o } of alliance.outcomes.edges) {
      cite(o);
      o.beneficiaryActors.forEach((a: { id: string; sources: { id: string }[] }) => (actors.add(a.id), cite(a)));
    }
  }
  return { actors: actors.size, alliances: alliances.length, memberships, sources: sources.size };
}

describe("the JSON-LD and Turtle exports, read back by jsonld.js and N3.js", () => {
  it("give the same triples, and count what the document holds", async () => {
    const { fromJsonld, fromTurtle } = await bothWays(mine);
    expect([...fromTurtle].sort()).toEqual([...fromJsonld].sort());
    const doc = await exportDocument(connection.executor, mine);
    const expected = { actors: 6, alliances: 4, organizations: 10, memberships: 9, sources: 1, assessments: 1 };
    expect([doc.actors.length, doc.alliances.length, doc.memberships.length, doc.sources.length, doc.maturityAssessments.length]).toEqual([6, 4, 9, 1, 1]);
    expect(counts(fromJsonld)).toEqual(expected);
    expect(counts(fromTurtle)).toEqual(expected);
  });

  it.each([
    ["Créteil's philanthropy", "COMMUNE:94028", ["PHILANTHROPY"]],
    ["the Val-de-Marne (every kind)", "DEPARTEMENT:94", Object.values(AllianceKind)],
  ])("count, for %s, what the API and an independent Cypher query count", async (_name, territory, kinds) => {
    const scope: ExportScope = { ...WHOLE_GRAPH, territoryId: territory, allianceKinds: kinds as AllianceKind[] };
    const { fromJsonld, fromTurtle } = await bothWays(scope);
    expect([...fromTurtle].sort()).toEqual([...fromJsonld].sort());
    const [cypher] = await connection.executor.read(SCOPE_COUNTS, { territory, kinds });
    const api = await apiCounts(territory, kinds);
    expect(api).toEqual(cypher);
    const { organizations, assessments, ...read } = counts(fromTurtle);
    expect(read).toEqual(api);
    expect(assessments).toBe(1); // Alpha's, a member of Xylo and Yak
    expect(organizations).toBe(api.actors + api.alliances);
    expect(subjectsOf(fromTurtle, `${ORG}OrganizationalCollaboration`)).toContain(`${BASE}alliance/${id("yak")}`);
  });

  it("write Alpha's maturity assessment as a SOSA observation, from the database", async () => {
    const { fromTurtle } = await bothWays(mine);
    const assessment = `${BASE}assessment/${id("ma-alpha")}`;
    expect(subjectsOf(fromTurtle, `${SOSA}Observation`)).toEqual([assessment]);
    expect(objectsOf(fromTurtle, assessment, `${SOSA}hasFeatureOfInterest`)).toEqual([`<${BASE}actor/${id("alpha")}>`]);
    expect(objectsOf(fromTurtle, assessment, `${SOSA}hasResult`)).toEqual([`<${BASE}vocab/MaturityLevel/PIONEERING>`]);
    expect(objectsOf(fromTurtle, `${assessment}#date`, `${TIME}inXSDDate`)).toEqual([`"2022-03-01"^^<${XSD}date>`]);
    expect(objectsOf(fromTurtle, assessment, `${PROV}wasDerivedFrom`)).toEqual([`<${BASE}source/${id("src")}>`]);
  });

  it("write Alpha and its membership of Yak as exact triples, from the database", async () => {
    const { fromTurtle } = await bothWays(mine);
    const alpha = `${BASE}actor/${id("alpha")}`;
    const source = `${BASE}source/${id("src")}`;
    const type = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>";
    expect(triplesAbout(fromTurtle, alpha)).toEqual(
      [
        `<${alpha}> ${type} <${ORG}Organization>`,
        `<${alpha}> ${type} <${SCHEMA}NGO>`,
        `<${alpha}> <${SCHEMA}name> "Alpha Association"^^<${XSD}string>`,
        `<${alpha}> <${SCHEMA}additionalType> <${BASE}vocab/ActorKind/ASSOCIATION>`,
        `<${alpha}> <${SCHEMA}identifier> <${alpha}#rna>`,
        `<${alpha}> <${ORG}hasSite> <${alpha}#site>`,
        `<${alpha}> <${PROV}wasDerivedFrom> <${source}>`,
      ].sort(),
    );
    expect(objectsOf(fromTurtle, `${alpha}#rna`, `${SCHEMA}value`)).toEqual([`"W947770007"^^<${XSD}string>`]);
    expect(objectsOf(fromTurtle, `${alpha}#site`, `${SCHEMA}containedInPlace`)).toEqual([`<${BASE}territory/commune/94028>`]);
    const beta = `${BASE}actor/${id("beta")}`;
    expect(objectsOf(fromTurtle, `${beta}#siren`, `${SCHEMA}value`)).toEqual([`"477700074"^^<${XSD}string>`]);
    expect(objectsOf(fromTurtle, beta, `${SCHEMA}sameAs`)).toEqual(["<https://annuaire-entreprises.data.gouv.fr/entreprise/477700074>"]);

    const m = `${BASE}membership/${id("yak")}%2F${id("alpha")}`;
    expect(triplesAbout(fromTurtle, m)).toEqual(
      [
        `<${m}> ${type} <${ORG}Membership>`,
        `<${m}> <${ORG}member> <${alpha}>`,
        `<${m}> <${ORG}organization> <${BASE}alliance/${id("yak")}>`,
        `<${m}> <${ORG}role> <${BASE}vocab/MembershipRole/LEADER>`,
        `<${m}> <${ORG}memberDuring> <${m}#period>`,
        `<${m}> <${PROV}wasDerivedFrom> <${source}>`,
      ].sort(),
    );
    expect(objectsOf(fromTurtle, `${m}#start`, `${TIME}inXSDDate`)).toEqual([`"2020-01-01"^^<${XSD}date>`]);
    expect(objectsOf(fromTurtle, `${BASE}alliance/${id("yak")}`, `${SCHEMA}dissolutionDate`)).toEqual([`"2021-12-31"^^<${XSD}date>`]);
    expect(objectsOf(fromTurtle, source, `${SCHEMA}name`)).toEqual([`"Étude de test"^^<${XSD}string>`]);
  });

  it("keep hostile text whole in both formats", async () => {
    const { fromJsonld, fromTurtle } = await bothWays(mine);
    const hostile = `${BASE}actor/${id("x.y~z:hostile")}`;
    for (const triples of [fromJsonld, fromTurtle]) {
      expect(objectsOf(triples, hostile, `${SCHEMA}name`)).toEqual([`"${HOSTILE.name}"^^<${XSD}string>`]);
      expect(objectsOf(triples, hostile, `${SCHEMA}description`)).toEqual([`"${HOSTILE.description}"^^<${XSD}string>`]);
      expect(objectsOf(triples, hostile, `${SCHEMA}url`)).toEqual(["<https://example.org/é?b=%221%22&c=%7B2%7D%7C%603%60>"]);
    }
  });

  it("stream a page at a time: small pages give the same text in more chunks", async () => {
    for (const format of [ExportFormat.JSONLD, ExportFormat.TURTLE] as const) {
      const file = await openExport(connection.executor, format, mine, "bipartite", { pageSize: 2 });
      const chunks: string[] = [];
      for await (const chunk of file.chunks) chunks.push(String(chunk)); // text formats yield strings
      expect(chunks.length).toBeGreaterThan(6);
      expect(chunks.join("")).toBe(await exported(format, mine));
    }
  });

  it("mint IRIs under the base the export is given", async () => {
    const text = await exportText(await openExport(connection.executor, ExportFormat.TURTLE, mine, "bipartite", { ldBase: "https://data.example.org/m/" }));
    expect(subjectsOf(turtleTriples(text), `${ORG}Membership`).every((s) => s.startsWith("https://data.example.org/m/membership/"))).toBe(true);
  });
});

describe("GET /export/jsonld and /export/turtle", () => {
  const get = (path: string) => fetch(`${base}${path}`, { headers: { "x-api-key": KEYS.admin } });

  it("answer JSON-LD and Turtle attachments of a territory scope", async () => {
    const jsonld = await get("/export/jsonld?territory=94028&allianceKinds=PHILANTHROPY");
    expect(jsonld.status).toBe(200);
    expect(jsonld.headers.get("content-type")).toMatch(/^application\/ld\+json/);
    expect(jsonld.headers.get("content-disposition")).toBe("attachment; filename=maillage-commune-94028_philanthropy.jsonld");
    const fromJsonld = await jsonldTriples(await jsonld.text());
    const turtle = await get("/export/turtle?territory=94028&allianceKinds=PHILANTHROPY");
    expect(turtle.headers.get("content-type")).toMatch(/^text\/turtle/);
    expect(turtle.headers.get("content-disposition")).toBe("attachment; filename=maillage-commune-94028_philanthropy.ttl");
    const fromTurtle = turtleTriples(await turtle.text());
    expect([...fromTurtle].sort()).toEqual([...fromJsonld].sort());
    expect(subjectsOf(fromTurtle, `${ORG}OrganizationalCollaboration`)).toContain(`${BASE}alliance/${id("yak")}`);
  });

  it("mint IRIs under the server's base (main.ts passes MAILLAGE_LD_BASE)", async () => {
    const other = await servers.start({ auth: testAuthConfig(), ldBase: "https://data.example.org/maillage/" });
    const response = await fetch(`${other}/export/turtle?territory=94028&allianceKinds=PHILANTHROPY`, { headers: { "x-api-key": KEYS.admin } });
    const triples = turtleTriples(await response.text());
    expect(subjectsOf(triples, `${ORG}OrganizationalCollaboration`)).toContain(`https://data.example.org/maillage/alliance/${id("yak")}`);
    expect(subjectsOf(triples, `${ORG}Organization`).filter((s) => !s.startsWith("https://data.example.org/maillage/"))).toEqual([]);
  });

  it("refuse a bad scope with a 400, as the other formats do", async () => {
    const response = await get("/export/turtle?at=2021-02-30");
    expect(response.status).toBe(400);
    expect(((await response.json()) as any).error.field).toBe("at");
  });
});

describe("maillage export --format turtle", () => {
  it("writes the scope's Turtle to a file, under MAILLAGE_LD_BASE", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "maillage-ld-")), "yak.ttl");
    process.env.MAILLAGE_LD_BASE = "https://data.example.org/maillage/";
    try {
      const { code } = await runCli(["export", "--format", "turtle", "--territory", "COMMUNE:94028", "--alliance-kinds", "PHILANTHROPY", "--out", out, "--quiet"]);
      expect(code).toBe(0);
    } finally {
      delete process.env.MAILLAGE_LD_BASE;
    }
    const triples = turtleTriples(readFileSync(out, "utf8"));
    expect(subjectsOf(triples, `${ORG}OrganizationalCollaboration`)).toContain(`https://data.example.org/maillage/alliance/${id("yak")}`);
    expect(subjectsOf(triples, `${ORG}Membership`)).toContain(`https://data.example.org/maillage/membership/${id("yak")}%2F${id("alpha")}`);
  });
});

describe("read by Python's rdflib", () => {
  it("parses both files into the same graph, with the counts jsonld.js and N3.js find", async () => {
    const dir = mkdtempSync(join(tmpdir(), "maillage-rdflib-"));
    const turtle = await exported(ExportFormat.TURTLE, mine);
    writeFileSync(join(dir, "export.ttl"), turtle);
    writeFileSync(join(dir, "export.jsonld"), await exported(ExportFormat.JSONLD, mine));
    const run = spawnSync("python3", [join(__dirname, "rdflib-read.py"), join(dir, "export.ttl"), join(dir, "export.jsonld")], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    const read = JSON.parse(run.stdout);
    const triples = turtleTriples(turtle);
    const expected = { triples: triples.size, organizations: 10, alliances: 4, memberships: 9, sources: 1 };
    expect(read).toEqual({ turtle: expected, jsonld: expected, same: true });
  });
});
