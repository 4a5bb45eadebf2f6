import { validateSync } from "class-validator";
import { Connection } from "../../src/neo4j/connect";
import { loadDocument } from "../../src/seed/document";
import { flatFields } from "../../src/entity/stored";
import { fieldsOf } from "../../src/entity/field";
import { ENTITIES, SPECS } from "../../src/import/entities";
import { isIsoDate } from "../../src/import/import.validate";
import { deleteByPrefix, GraphQLClient, openTestDatabase } from "../support/database";
import { knownGraph } from "../support/known-graph";

// Defect 3 of issue 13: characters XML 1.0 cannot hold never reach the database, so GEXF and GraphML stay valid.
const P = "txt-";
let connection: Connection;
let client: GraphQLClient;

beforeAll(async () => {
  connection = await openTestDatabase();
  client = await GraphQLClient.create(connection);
});
beforeEach(async () => {
  await deleteByPrefix(connection, P);
  await loadDocument(connection.executor, knownGraph(P));
});
afterAll(async () => {
  await deleteByPrefix(connection, P);
  await client.stop();
  await connection.close();
});

/** Every node with the prefix, its properties and links: what a refused mutation must leave as it was. */
async function snapshot(): Promise<string> {
  const [row] = await connection.executor.read(
    `MATCH (n) WHERE n.id STARTS WITH $prefix
     OPTIONAL MATCH (n)-[r]->(m)
     WITH n, collect(type(r) + '>' + coalesce(m.id, toString(m.number))) AS links ORDER BY n.id
     RETURN collect([n.id, properties(n), links]) AS nodes`,
    { prefix: P },
  );
  return JSON.stringify(row.nodes);
}

const src = [`${P}src`];
const M = {
  createActor: `mutation ($input: ActorInput!) { createActor(input: $input) { id } }`,
  updateActor: `mutation ($input: ActorPatch!) { updateActor(id: "${P}beta", input: $input) { id } }`,
  createAlliance: `mutation ($input: AllianceInput!) { createAlliance(input: $input) { id } }`,
  updateAlliance: `mutation ($input: AlliancePatch!) { updateAlliance(id: "${P}yak", input: $input) { id } }`,
  createOutcome: `mutation ($input: OutcomeInput!) { createOutcome(input: $input) { id } }`,
  updateOutcome: `mutation ($input: OutcomeInput!) { updateOutcome(id: "${P}ox2", input: $input) { id } }`,
  createSource: `mutation ($input: SourceInput!) { createSource(input: $input) { id } }`,
  updateSource: `mutation ($input: SourceInput!) { updateSource(id: "${P}src", input: $input) { id } }`,
  assessMaturity: `mutation ($input: MaturityAssessmentInput!) { assessMaturity(input: $input) { id } }`,
};
const alliance = { id: `${P}new`, name: "Nouvelle", kind: "PHILANTHROPY", objectives: ["SOCIETAL_INNOVATION"], sourceIds: src };
const outcome = { allianceId: `${P}xylo`, kind: "RESULT", title: "Résultat", sourceIds: src };
const maturity = { id: `${P}new`, subjectType: "TERRITORY", subjectId: "94028", level: "STRUCTURING", assessedOn: "2023-01-01", sourceIds: src };

// [mutation, input, field, the exact reason]
const cases: [keyof typeof M, Record<string, unknown>, string, string][] = [
  ["createActor", { id: `${P}new`, name: "Ville\u0000", kind: "MEDIA" }, "input.name", "contains U+0000 (a control character) at character 6; remove it"],
  ["createActor", { id: `${P}new`, name: "X", kind: "MEDIA", description: "ok\n\u000B" }, "input.description", "contains U+000B (a control character) at character 4; remove it"],
  ["createActor", { id: `${P}new`, name: "X", kind: "MEDIA", website: "https://a.fr/\u0007" }, "input.website", "contains U+0007 (a control character) at character 14; remove it"],
  ["updateActor", { name: "Beta\uFFFE" }, "input.name", "contains U+FFFE (a noncharacter) at character 5; remove it"],
  ["updateActor", { description: "\uFFFF" }, "input.description", "contains U+FFFF (a noncharacter) at character 1; remove it"],
  ["createAlliance", { ...alliance, name: "A\nB" }, "input.name", "contains U+000A (a line break) at character 2; this field is one line: replace it with a space"],
  ["createAlliance", { ...alliance, description: "😀\uD800" }, "input.description", "contains U+D800 (half of a surrogate pair, alone) at character 2; remove it"],
  ["updateAlliance", { name: "\tYak" }, "input.name", "contains U+0009 (a tab) at character 1; this field is one line: replace it with a space"],
  ["updateAlliance", { description: "fin\u001F" }, "input.description", "contains U+001F (a control character) at character 4; remove it"],
  ["createOutcome", { ...outcome, id: `${P}new`, title: "T\r" }, "input.title", "contains U+000D (a line break) at character 2; this field is one line: replace it with a space"],
  ["createOutcome", { ...outcome, id: `${P}new`, title: "T", indicator: { value: 1, unit: "k\u0008g" } }, "input.indicator.unit", "contains U+0008 (a control character) at character 2; remove it"],
  ["updateOutcome", { ...outcome, title: "T", description: "\uDC00" }, "input.description", "contains U+DC00 (half of a surrogate pair, alone) at character 1; remove it"],
  ["createSource", { id: `${P}new`, title: "Étude", kind: "STUDY", publisher: "Obs\u000C" }, "input.publisher", "contains U+000C (a control character) at character 4; remove it"],
  ["updateSource", { title: "\u0001Étude", kind: "STUDY" }, "input.title", "contains U+0001 (a control character) at character 1; remove it"],
  ["assessMaturity", { ...maturity, note: "note\u0000" }, "input.note", "contains U+0000 (a control character) at character 5; remove it"],
];

describe("text XML cannot hold is refused by every mutation that stores text, and nothing is written", () => {
  it.each(cases)("%s refuses %j", async (mutation, input, field, reason) => {
    const before = await snapshot();
    const { data, errors } = await client.run(M[mutation], { input });
    expect(data).toBeNull();
    expect(errors).toHaveLength(1);
    expect(errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field, fields: [{ field, reason }] });
    expect(errors![0].message).toBe(`Invalid input: ${field}: ${reason}`);
    expect(await snapshot()).toBe(before);
    expect(await connection.executor.read(`MATCH (n {id: $id}) RETURN n.id AS id`, { id: `${P}new` })).toEqual([]);
  });

  it("stores what XML holds as given: emoji, accents, C1 controls, and line breaks and tabs where text runs over lines", async () => {
    const name = "Ville 😀 de Créteil \u0085 œ";
    const description = "Ligne 1\r\nLigne 2\n\tretrait";
    const { createActor } = await client.data(M.createActor, { input: { id: `${P}ok`, name, kind: "MEDIA", description } });
    expect(createActor.id).toBe(`${P}ok`);
    const [stored] = await connection.executor.read(`MATCH (a {id: $id}) RETURN a.name AS name, a.description AS description`, { id: `${P}ok` });
    expect(stored).toEqual({ name, description });
  });
});

describe("every string field of every input refuses U+0000", () => {
  // Free text refuses it by IsStorableText; ids, codes, URLs and dates by their patterns. A new string kind must too.
  const stringFields = ENTITIES.flatMap((entity) =>
    flatFields(SPECS[entity].input)
      .filter(({ decl }) => !decl.kind.number && !("enum" in decl.kind.json) && !(decl.kind.list && "enum" in (decl.kind.json as any).items))
      .map((f) => [entity, f.name, f] as const),
  );

  it("covers the free-text fields", () => {
    expect(stringFields.map(([entity, name]) => `${entity}.${name}`)).toEqual(
      expect.arrayContaining(["actors.name", "actors.description", "alliances.description", "outcomes.indicatorUnit", "sources.publisher", "maturityAssessments.note"]),
    );
  });

  it.each(stringFields)("%s.%s", (entity, _name, { path, decl }) => {
    // Dates have no class-validator rule: GraphQL's LocalDate checks the API's, isIsoDate the files'.
    if (decl.kind.date) return expect(isIsoDate("2023-01-01\u0000")).toBe(false);
    const Input = SPECS[entity].input;
    const bad = decl.kind.list ? ["a\u0000"] : "a\u0000";
    const input = new Input() as Record<string, any>;
    if (path.length === 2) {
      const Nested = fieldsOf(Input).find((top) => top.name === path[0])!.kind.nested!;
      input[path[0]] = Object.assign(new Nested(), { [path[1]]: bad });
    } else input[path[0]] = bad;
    const errors = validateSync(input, { forbidUnknownValues: false, skipMissingProperties: true });
    const top = errors.find((e) => e.property === path[0]);
    const own = path.length === 2 ? top?.children?.find((e) => e.property === path[1]) : top;
    expect(Object.keys(own?.constraints ?? {})).not.toEqual([]);
  });
});
