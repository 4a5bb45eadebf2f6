import { Connection } from "../../src/neo4j/connect";
import { loadDocument } from "../../src/seed/document";
import { deleteByPrefix, GraphQLClient, openTestDatabase } from "../support/database";
import { BACKGROUND_PREFIX } from "../support/background";

// Identifiers through the API, on the real database (the generated bg- graph and this file's actors).
const P = "ident-api-";
const db = {} as { connection: Connection; client: GraphQLClient };

const CREATE_ACTOR = `mutation ($input: ActorInput!) { createActor(input: $input) { id siren siret rna ror uai wikidata inseeCog website identifiers { scheme value uri } } }`;
const ACTOR_BY = `query ($identifier: ActorIdentifierInput!) { actor(identifier: $identifier) { id } }`;

/** Written the ways people write them; the school's SIREN and SIRET, the association's RNA are checked (Luhn, digits). */
const school = {
  id: `${P}school`, name: "École d'essai des identifiants", kind: "ACADEMIC",
  siren: "915 001 556", siret: "915 001 556 00017", ror: "https://ror.org/0Z00C1S12", uai: "0949901b",
  wikidata: "https://www.wikidata.org/wiki/Q999000001", website: "HTTPS://Ident.Example.ORG/Ecole",
};
const town = { id: `${P}town`, name: "Commune d'essai des identifiants", kind: "LOCAL_AUTHORITY", inseeCog: "2a004", siren: "219400280" };
const association = { id: `${P}assoc`, name: "Association d'essai des identifiants", kind: "ASSOCIATION", rna: "w915001556" };

/** The properties stored on node `id` (the identifier ones). */
async function stored(id: string) {
  const [row] = await db.connection.executor.read(
    `MATCH (a:Actor {id: $id}) RETURN a {.siren, .siret, .rna, .ror, .uai, .wikidata, .inseeCog, .website} AS props`,
    { id },
  );
  return row?.props ?? null;
}

beforeAll(async () => {
  db.connection = await openTestDatabase();
  db.client = await GraphQLClient.create(db.connection);
  await deleteByPrefix(db.connection, P);
  for (const input of [school, town, association]) await db.client.data(CREATE_ACTOR, { input });
  // An alliance of the school and the town, so that they are each other's co-constructors, one hop apart.
  const sourceIds = [`${P}src`];
  const member = (actorId: string) => ({ actorId, allianceId: `${P}alliance`, role: "PARTNER", sourceIds });
  await loadDocument(db.connection.executor, {
    sources: [{ id: `${P}src`, title: "Étude d'essai", kind: "STUDY" }],
    actors: [],
    alliances: [{ id: `${P}alliance`, name: "Alliance d'essai", kind: "RESEARCH_PARTNERSHIP", objectives: ["SOCIETAL_INNOVATION"], sourceIds }],
    memberships: [member(school.id), member(town.id)],
    outcomes: [],
  });
});

afterAll(async () => {
  await deleteByPrefix(db.connection, P);
  await db.client.stop();
  await db.connection.close();
});

describe("writing identifiers", () => {
  it("stores each in its normal form, whatever form createActor was given", async () => {
    expect(await stored(school.id)).toEqual({
      siren: "915001556", siret: "91500155600017", rna: null, ror: "0z00c1s12", uai: "0949901B",
      wikidata: "Q999000001", inseeCog: null, website: "https://ident.example.org/Ecole",
    });
    expect(await stored(town.id)).toMatchObject({ inseeCog: "2A004", siren: "219400280" });
    expect(await stored(association.id)).toMatchObject({ rna: "W915001556" });
  });

  it("answers the flat fields and Actor.identifiers, in scheme order with web addresses", async () => {
    const { actor } = await db.client.data(`{ actor(id: "${school.id}") { siren ror identifiers { scheme value uri } } }`);
    expect(actor).toEqual({
      siren: "915001556",
      ror: "0z00c1s12",
      identifiers: [
        { scheme: "SIREN", value: "915001556", uri: "https://annuaire-entreprises.data.gouv.fr/entreprise/915001556" },
        { scheme: "SIRET", value: "91500155600017", uri: "https://annuaire-entreprises.data.gouv.fr/etablissement/91500155600017" },
        { scheme: "ROR", value: "0z00c1s12", uri: "https://ror.org/0z00c1s12" },
        { scheme: "UAI", value: "0949901B", uri: null },
        { scheme: "WIKIDATA", value: "Q999000001", uri: "https://www.wikidata.org/entity/Q999000001" },
        { scheme: "WEBSITE", value: "https://ident.example.org/Ecole", uri: "https://ident.example.org/Ecole" },
      ],
    });
  });

  it("replays createActor with the same values in another form without changing anything", async () => {
    const before = await stored(school.id);
    const { createActor } = await db.client.data(CREATE_ACTOR, { input: { ...school, siren: "915.001.556", uai: "0949901B", ror: "0z00c1s12" } });
    expect(createActor.siren).toBe("915001556");
    expect(await stored(school.id)).toEqual(before);
  });

  it("updateActor normalises a patch, and null clears an identifier", async () => {
    const { updateActor } = await db.client.data(
      `mutation { updateActor(id: "${association.id}", input: { uai: "0949902c", wikidata: "q999000002" }) { rna uai wikidata } }`,
    );
    expect(updateActor).toEqual({ rna: "W915001556", uai: "0949902C", wikidata: "Q999000002" });
    await db.client.data(`mutation { updateActor(id: "${association.id}", input: { uai: null, wikidata: null }) { id } }`);
    expect(await stored(association.id)).toMatchObject({ rna: "W915001556", uai: null, wikidata: null });
  });

  it.each([
    ["ror", "https://ror.org/0z00c1s13", 'input.ror: "https://ror.org/0z00c1s13": the check digits are wrong (ISO 7064 mod 97-10)'],
    ["uai", "0949901C", 'input.uai: "0949901C": the check letter is wrong (0949901B expected)'],
    ["siret", "915 001 556 00018", 'input.siret: "915 001 556 00018": the check digit is wrong (Luhn)'],
    ["siren", "552 032 535", 'input.siren: "552 032 535": the check digit is wrong (Luhn)'],
    ["wikidata", "Q0", 'input.wikidata: "Q0" is not a Wikidata item: Q and a number (Q90)'],
    ["inseeCog", "200", 'input.inseeCog: "200" is not an INSEE code (COG): a commune (94028, 2A004), a département (94, 2A, 974) or a région (11)'],
    ["rna", "W12", 'input.rna: "W12" is not an RNA number: W followed by 9 digits (W751234567)'],
  ])("refuses a bad %s naming the field and quoting it as written, and writes nothing", async (field, value, message) => {
    const { errors } = await db.client.run(CREATE_ACTOR, { input: { id: `${P}refused`, name: "Refusé", kind: "ACADEMIC", [field]: value } });
    expect(errors?.[0].message).toBe(`Invalid input: ${message}`);
    expect(errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT" });
    expect(await stored(`${P}refused`)).toBeNull();
  });
});

describe("actor(identifier:)", () => {
  it.each([
    ["SIREN", "915 001 556", school.id],
    ["SIRET", "91500155600017", school.id],
    ["ROR", "https://ror.org/0z00c1s12", school.id],
    ["UAI", "0949901b", school.id],
    ["WIKIDATA", "https://www.wikidata.org/wiki/Q999000001", school.id],
    ["WEBSITE", "https://IDENT.example.org/Ecole", school.id],
    ["INSEE_COG", "2A004", town.id],
    ["RNA", "w915001556", association.id],
  ])("finds the actor by its %s written %j", async (scheme, value, id) => {
    expect(await db.client.data(ACTOR_BY, { identifier: { scheme, value } })).toEqual({ actor: { id } });
  });

  it("reads the actor found by identifier in one round trip, as by id", async () => {
    const FIELDS = `query ($identifier: ActorIdentifierInput, $id: ID) { actor(identifier: $identifier, id: $id) { id name kind identifiers { scheme value } } }`;
    const byIdentifier = await db.client.run(FIELDS, { identifier: { scheme: "UAI", value: "0949901B" } });
    const byId = await db.client.run(FIELDS, { id: school.id });
    expect(byIdentifier.data).toEqual(byId.data);
    expect(byIdentifier.data.actor).toMatchObject({ id: school.id, name: school.name, kind: "ACADEMIC" });
    expect({ byIdentifier: byIdentifier.roundTrips, byId: byId.roundTrips }).toEqual({ byIdentifier: 1, byId: 1 });
  });

  it("answers null for a valid identifier nobody holds", async () => {
    expect(await db.client.data(ACTOR_BY, { identifier: { scheme: "SIREN", value: "552032534" } })).toEqual({ actor: null });
  });

  it("refuses a malformed value as BAD_USER_INPUT naming identifier.value", async () => {
    const { errors } = await db.client.run(ACTOR_BY, { identifier: { scheme: "ROR", value: "03yrm5c27" } });
    expect(errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "identifier.value" });
    expect(errors?.[0].message).toBe('identifier.value: "03yrm5c27": the check digits are wrong (ISO 7064 mod 97-10)');
  });

  it("wants exactly one of id and identifier", async () => {
    for (const args of [`id: "${school.id}", identifier: { scheme: SIREN, value: "915001556" }`, ""]) {
      const { errors } = await db.client.run(`{ actor${args ? `(${args})` : ""} { id } }`);
      expect(errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "id" });
    }
  });

  it("lists the identifiers of actors read with a narrow selection (co-constructors fetched ahead, a path)", async () => {
    const { actor, path } = await db.client.data(`{
      actor(identifier: { scheme: UAI, value: "0949901B" }) { id coConstructors(first: 10) { edges { node { actor { id identifiers { value } } } } } }
      path(from: "${school.id}", to: "${town.id}", maxHops: 2) { steps { to { id identifiers { value } } } }
    }`);
    const townIds = { id: town.id, identifiers: [{ value: "219400280" }, { value: "2A004" }] };
    expect(actor).toEqual({ id: school.id, coConstructors: { edges: [{ node: { actor: townIds } }] } });
    expect(path.steps).toEqual([{ to: townIds }]);
  });
});

describe("the identifier filter", () => {
  const ids = async (filter: object) => {
    const { actors } = await db.client.data(`query ($filter: ActorFilter) { actors(filter: $filter, first: 100) { totalCount edges { node { id } } } }`, { filter });
    return { total: actors.totalCount, ids: actors.edges.map((edge: any) => edge.node.id) };
  };
  /** The same question in plain Cypher, independent of the API's query. */
  const cypherIds = async (where: string) =>
    (await db.connection.executor.read(`MATCH (a:Actor) WHERE ${where} RETURN a.id AS id ORDER BY a.nameKey, a.id`)).map((row) => row.id as string);

  it("finds the holder of a value, normalised first", async () => {
    expect(await ids({ identifier: { scheme: "UAI", value: "0949901b" } })).toEqual({ total: 1, ids: [school.id] });
    expect(await ids({ identifier: { scheme: "SIREN", value: "219 400 280" }, kinds: ["LOCAL_AUTHORITY"] })).toEqual({ total: 1, ids: [town.id] });
    expect(await ids({ identifier: { scheme: "SIREN", value: "219400280" }, kinds: ["COMPANY"] })).toEqual({ total: 0, ids: [] });
  });

  it("with a scheme only, lists every holder (the generated graph's too), as Cypher does", async () => {
    for (const [scheme, property] of [["ROR", "ror"], ["UAI", "uai"], ["INSEE_COG", "inseeCog"], ["WIKIDATA", "wikidata"]]) {
      const expected = await cypherIds(`a.${property} IS NOT NULL`);
      const got = await ids({ identifier: { scheme } });
      expect(got.total).toBe(expected.length);
      expect(got.ids).toEqual(expected.slice(0, 100));
    }
    const generated = await cypherIds(`a.id STARTS WITH '${BACKGROUND_PREFIX}' AND a.ror IS NOT NULL AND a.uai IS NOT NULL`);
    expect(generated.length).toBeGreaterThan(10); // the bg- graph exercises them
  });

  it("combines with a territory", async () => {
    const expected = await cypherIds(`a.siret IS NOT NULL AND EXISTS { (a)-[:BASED_IN]->(:Territory {id: 'COMMUNE:94028'}) }`);
    expect(expected.length).toBeGreaterThan(0);
    expect(await ids({ identifier: { scheme: "SIRET" }, territory: "94028" })).toEqual({ total: expected.length, ids: expected });
  });

  it("refuses a malformed value naming filter.identifier.value", async () => {
    const { errors } = await db.client.run(`{ actors(filter: { identifier: { scheme: SIREN, value: "12" } }) { totalCount } }`);
    expect(errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "filter.identifier.value" });
  });
});

describe("search by identifier", () => {
  const hits = async (text: string, kinds?: string[]) => {
    const { search } = await db.client.data(
      `query ($text: String!, $kinds: [SearchKind!]) { search(text: $text, kinds: $kinds, first: 5) { totalCount edges { node { kind score actor { id } } } } }`,
      { text, kinds },
    );
    return search;
  };

  it.each([
    ["219400280", town.id],
    ["219 400 280", town.id],
    ["https://ror.org/0z00c1s12", school.id],
    ["Q999000001", school.id],
    ["0949901B", school.id],
    ["W915001556", association.id],
  ])("finds %j: its holder first", async (text, id) => {
    const search = await hits(text);
    expect(search.edges[0].node).toEqual({ kind: "ACTOR", score: 1000, actor: { id } });
    expect(search.totalCount).toBe(1);
  });

  it("still finds words, and no identifier hit when actors are not asked for", async () => {
    expect((await hits("essai identifiants", ["ACTOR"])).edges.map((edge: any) => edge.node.actor.id).sort()).toEqual([association.id, town.id, school.id].sort());
    expect((await hits("219400280", ["TERRITORY"])).totalCount).toBe(0);
  });
});
