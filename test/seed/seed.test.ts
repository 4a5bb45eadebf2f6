import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PROJECT_ROOT } from "../../src/common/paths";
import { Connection } from "../../src/neo4j/connect";
import { DEMO_GRAPH, seed } from "../../src/seed/seed";
import { readGeography } from "../../src/seed/geography";
import { validateDocument } from "../../src/seed/document";
import { GraphQLClient, openTestDatabase } from "../support/database";
import { readmeOperations } from "../../src/graphql/trusted-manifest";

/** `npm run seed` as a whole: all of France, the SDGs, and the demo graph from Le RAMEAU's article. */
let connection: Connection;
let client: GraphQLClient;

beforeAll(async () => {
  connection = await openTestDatabase();
  await seed(connection.executor);
  client = await GraphQLClient.create(connection);
});

afterAll(async () => {
  await client.stop();
  await connection.close();
});

describe("the French geography", () => {
  it("holds every level of @etalab/decoupage-administratif", async () => {
    const rows = await connection.executor.read("MATCH (t:Territory) RETURN t.level AS level, count(*) AS n ORDER BY level");
    expect(Object.fromEntries(rows.map((r) => [r.level, r.n]))).toEqual({
      COUNTRY: 1,
      REGION: 26,
      DEPARTEMENT: 109,
      EPCI: 1255,
      COMMUNE: 34969,
      COMMUNE_DELEGUEE: 2105,
      COMMUNE_ASSOCIEE: 471,
      ARRONDISSEMENT_MUNICIPAL: 45,
    });
    expect(rows.reduce((sum, r) => sum + r.n, 0)).toBe(readGeography().length);
  });

  it("gives communes their SIREN, except the 94 of overseas collectivities", async () => {
    const [row] = await connection.executor.read(
      "MATCH (c:Territory {level: 'COMMUNE'}) RETURN count(c.siren) AS withSiren, count(*) - count(c.siren) AS without",
    );
    expect(row).toEqual({ withSiren: 34969 - 94, without: 94 });
  });

  it("links every commune to a département, and every département to a région", async () => {
    const [row] = await connection.executor.read(`
      RETURN COUNT { MATCH (c:Territory {level: 'COMMUNE'}) WHERE NOT (c)-[:PART_OF {primary: true}]->(:Territory {level: 'DEPARTEMENT'}) } AS orphanCommunes,
             COUNT { MATCH (d:Territory {level: 'DEPARTEMENT'}) WHERE NOT (d)-[:PART_OF {primary: true}]->(:Territory {level: 'REGION'}) } AS orphanDepartements`);
    expect(row).toEqual({ orphanCommunes: 0, orphanDepartements: 0 });
  });

  it("sums région populations from their communes", async () => {
    const { territory } = await client.data(`{ territory(code: "REGION:94") { name population children { edges { node { name } } } } }`);
    expect(territory.name).toBe("Corse");
    expect(territory.children.edges.map((e: any) => e.node.name)).toEqual(["Corse-du-Sud", "Haute-Corse"]);
    const [row] = await connection.executor.read(
      "MATCH (c:Territory {level: 'COMMUNE'})-[:PART_OF]->(:Territory)-[:PART_OF]->(:Territory {id: 'REGION:94'}) RETURN sum(c.population) AS total",
    );
    expect(territory.population).toBe(row.total);
  });
});

describe("the demo graph", () => {
  it("is valid by the API's own input rules", async () => {
    expect(await validateDocument(DEMO_GRAPH)).toEqual([]);
  });

  it("answers who Le RAMEAU co-constructs with, on what, with what outcomes, from which source", async () => {
    const { actor } = await client.data(`{
      actor(id: "le-rameau") {
        name
        coConstructors(first: 100) { edges { node {
          actor { id name kind }
          sharedAlliances { id outcomes { edges { node { title sources { title publisher date } } } } sources { title } }
        } } }
      }
    }`);
    expect(actor.name).toBe("Le RAMEAU");
    const others = DEMO_GRAPH.actors.map((a: any) => a.id).filter((id: string) => id !== "le-rameau");
    const coConstructors = actor.coConstructors.edges.map((e: any) => e.node);
    expect(coConstructors.map((c: any) => c.actor.id).sort()).toEqual(others.sort());
    const shared = coConstructors.flatMap((c: any) => c.sharedAlliances);
    expect(shared.every((a: any) => a.sources.length > 0)).toBe(true);
    const outcomes = shared.flatMap((a: any) => a.outcomes.edges.map((e: any) => e.node));
    expect(outcomes.length).toBeGreaterThan(0);
    for (const outcome of outcomes) {
      expect(outcome.sources).toEqual([
        { title: "Apprenons à valoriser le « faire alliance »", publisher: "Le RAMEAU", date: "2022-03-10" },
      ]);
    }
  });

  it("is loaded once however often the seed runs", async () => {
    await seed(connection.executor);
    const [row] = await connection.executor.read(
      "RETURN COUNT { MATCH (a:Actor) WHERE a.id IN $ids } AS actors, COUNT { MATCH (:Actor {id: 'le-rameau'})-[:HAS_MEMBERSHIP]->() } AS memberships",
      { ids: DEMO_GRAPH.actors.map((a: any) => a.id) },
    );
    expect(row).toEqual({
      actors: DEMO_GRAPH.actors.length,
      memberships: DEMO_GRAPH.memberships.filter((m: any) => m.actorId === "le-rameau").length,
    });
  });
});

describe("the examples (schema/examples.graphql and the README)", () => {
  const examples = readFileSync(join(PROJECT_ROOT, "schema", "examples.graphql"), "utf8");
  const operations = [...examples.matchAll(/^(query|mutation) (\w+)/gm)].map((match) => match[2]);
  const readme = readFileSync(join(PROJECT_ROOT, "README.md"), "utf8");
  const readmeBlocks = readmeOperations(readme);
  const written = ["obs-2023", "ville-creteil", "creteil-solidaire", "creteil-solidaire/ville-creteil", "creteil-guide", "creteil-maturity-2023", "mairie-creteil"];

  afterAll(async () => {
    await connection.executor.write((tx) => tx.run("MATCH (n) WHERE n.id IN $ids DETACH DELETE n", { ids: written }));
    await connection.executor.write((tx) => tx.run("MATCH (r:Release {name: '2026-Q3'}) DELETE r")); // CreateRelease's, so a rerun can make it again
  });

  it("are the same operations in both places", () => {
    expect(operations.length).toBeGreaterThanOrEqual(12);
    expect(readmeBlocks.length).toBe(operations.length);
    for (const block of readmeBlocks) expect(examples).toContain(block);
  });

  it.each(operations)("%s answers on the demo data, with data in every root field", async (operationName) => {
    const { data, errors } = await client.run(examples, {}, operationName);
    expect(errors).toBeUndefined();
    for (const value of Object.values(data) as any[]) {
      expect(value).not.toBeNull();
      if (value.edges) expect(value.edges.length).toBeGreaterThan(0);
      if (Array.isArray(value)) expect(value.length).toBeGreaterThan(0);
    }
  });
});
