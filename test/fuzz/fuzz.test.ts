import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { buildSchema } from "graphql";
import { PROJECT_ROOT } from "../../src/common/paths";
import { Connection } from "../../src/neo4j/connect";
import { loadDocument } from "../../src/seed/document";
import { createServer, MaillageServer } from "../../src/server";
import { deleteByPrefix, openTestDatabase } from "../support/database";
import { knownGraph } from "../support/known-graph";
import { CodeTally, expectContract, post, postQuery } from "./contract";
import { QueryGenerator } from "./query-generator";

/**
 * Property-based fuzzing of POST /graphql over real HTTP against the real Neo4j: whatever
 * the body, the answer keeps the error contract (see contract.ts). Reproduce a failure with
 * the seed and path fast-check prints: FUZZ_SEED=<seed> npx jest test/fuzz.
 */
const P = "fuzz-";
let connection: Connection;
let server: MaillageServer;
let url: string;
const tally = new CodeTally();

/** Bounded runs: each property stops after its runs or its time budget, shrinking included. */
const budget = (numRuns: number, seconds = 12): fc.Parameters<unknown> => ({
  numRuns,
  interruptAfterTimeLimit: seconds * 1000,
  seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined,
});

beforeAll(async () => {
  connection = await openTestDatabase();
  await deleteByPrefix(connection, P);
  await loadDocument(connection.executor, knownGraph(P));
  server = await createServer(connection.executor);
  url = `http://127.0.0.1:${await server.listen(0)}/graphql`;
});

afterAll(async () => {
  console.log(`error codes seen per property:\n${tally}`);
  await deleteByPrefix(connection, P);
  await server.stop();
  server.httpServer.close();
  await connection.close();
});

/** Sends a query (and variables) and checks the answer; the request text goes into any failure. */
async function check(property: string, query: string, variables?: unknown): Promise<void> {
  const answer = await postQuery(url, query, variables);
  tally.add(property, expectContract(JSON.stringify({ query, variables }), answer));
}

// Strings a client may send: every kind of unicode, controls, lone surrogates, and big ones.
const ODD_CHARS = ["\u0000", "\u0001", "\u001f", "\u007f", "\u202e", "\u200f", "\u0301", "\u0336", "\ufeff", "\ud800", "\udfff", "😀", "👩‍👩‍👧", "ﷺ", "مرحبا", "\\", '"', "'", "%", "*", "~", "?", ":", "(", "[", "{", "AND", "OR", "/", "\n"];
const BIG = [
  "x".repeat(100_000),
  "é".repeat(100_000),
  "😀".repeat(25_000),
  "\u0000".repeat(50_000),
  "\ud800".repeat(50_000),
  "a\u0301".repeat(50_000),
  "(".repeat(100_000),
];
const oddString = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: fc.constantFrom(...ODD_CHARS), maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 60 }) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 60 }) },
  { weight: 1, arbitrary: fc.constantFrom(...BIG) },
);

describe("fuzz: the error contract holds for any request", () => {
  it("(a) arbitrary strings and malformed documents as query", async () => {
    const tokens = ["{", "}", "(", ")", "[", "]", "...", ":", "$id", "$", "!", "=", "@include(if: true)", "@skip", "query", "mutation", "subscription", "fragment F on Actor", "on", "Q", "actor", "alliances", "name", "id", '"le-rameau"', '"""', '"', "#", "1", "-1", "1e309", "null", "true", "__typename", "__schema", "edges", "node", "first: 1", ",", "&", "|"];
    const documents = fc.oneof(
      fc.string({ unit: "binary", maxLength: 200 }),
      fc.array(fc.constantFrom(...tokens), { maxLength: 60 }).map((parts) => parts.join(" ")),
      fc.constantFrom("", " ", "{", "}", "{}", "query", "{ actor }", "{ actor(id: ) { id } }", "query A { __typename } query A { __typename }", "query A { __typename } query B { __typename }", "fragment F on Actor { ...F } { actor(id: \"x\") { ...F } }", "subscription { __typename }", "{ __typename @unknown }", "{ sdgs { number } } trailing"),
    );
    await fc.assert(fc.asyncProperty(documents, (query) => check("a", query)), budget(300));
  });

  it("(b) well-formed queries with variables of the wrong type", async () => {
    const anyValue = fc.oneof(fc.jsonValue(), fc.constantFrom(null, 2 ** 31, -(2 ** 31) - 1, 2 ** 53, 1e308, -0, 0.5, "10", [], {}, [1], { id: "le-rameau" }, true));
    const cases = fc.oneof(
      fc.record({ query: fc.constant("query Q($id: ID!) { actor(id: $id) { id name } }"), variables: fc.record({ id: anyValue }) }),
      fc.record({ query: fc.constant("query Q($id: ID) { alliance(id: $id) { id } }"), variables: fc.record({ id: anyValue }, { requiredKeys: [] }) }),
      fc.record({ query: fc.constant("query Q($first: Int) { alliances(first: $first) { totalCount edges { node { id } } } }"), variables: fc.record({ first: anyValue }) }),
      fc.record({ query: fc.constant("query Q($n: Int!) { sdg(number: $n) { number } }"), variables: fc.record({ n: anyValue }) }),
      fc.record({ query: fc.constant("query Q($at: LocalDate) { actors(at: $at, first: 2) { edges { node { id } } } }"), variables: fc.record({ at: anyValue }) }),
      fc.record({ query: fc.constant("query Q($f: AllianceFilter) { alliances(filter: $f, first: 2) { edges { node { id } } } }"), variables: fc.record({ f: fc.oneof(anyValue, fc.record({ sdgs: anyValue, kinds: anyValue, territory: anyValue, startedAfter: anyValue }, { requiredKeys: [] })) }) }),
      fc.record({ query: fc.constant("query Q($s: [ID!]!, $d: Int!) { network(seeds: $s, depth: $d, maxNodes: 5) { nodeCount } }"), variables: fc.record({ s: anyValue, d: anyValue }) }),
      // Declared with the wrong type, or variables that are not an object at all.
      fc.record({ query: fc.constant("query Q($id: Int) { actor(id: $id) { id } }"), variables: fc.record({ id: anyValue }) }),
      fc.record({ query: fc.constant("query Q($first: String) { alliances(first: $first) { totalCount } }"), variables: anyValue }),
    );
    await fc.assert(fc.asyncProperty(cases, ({ query, variables }) => check("b", query, variables)), budget(250));
  });

  it("(c) unicode, controls, lone surrogates and 100 kB strings in ids, names, search text and cursors", async () => {
    const targets = [
      "query Q($s: ID!) { actor(id: $s) { id name } }",
      "query Q($s: ID!) { alliance(id: $s) { id } outcome(id: $s) { id } source(id: $s) { id } }",
      "query Q($s: String!) { territory(code: $s) { id } territoryProfile(territory: $s) { allianceCount } }",
      "query Q($s: String!) { search(text: $s, first: 3) { totalCount edges { node { kind score } } } }",
      "query Q($s: String) { actors(filter: { nameStartsWith: $s }, first: 3) { edges { node { id } } } }",
      "query Q($s: String) { territories(nameStartsWith: $s, within: $s, first: 3) { edges { node { id } } } }",
      "query Q($s: String) { alliances(after: $s, first: 3) { edges { cursor } } }",
      "query Q($s: String) { actors(before: $s, last: 3) { edges { cursor } } }",
      "query Q($s: String) { statistics(filter: { territory: $s }) { allianceCount } }",
      "query Q($s: ID!) { coConstruction(a: $s, b: \"fuzz-alpha\") { alliances { id } } }",
      "query Q($s: ID!) { path(from: $s, to: \"fuzz-beta\") { length } }",
      "query Q($s: ID!) { sharedPartners(a: \"fuzz-alpha\", b: $s) { actor { id } } }",
      "query Q($s: ID!) { network(seeds: [$s], maxNodes: 5) { nodeCount } }",
      "query Q($s: String) { maturityDistribution(subjectType: ACTOR, within: $s) { key count } }",
    ];
    // Writes go only to ids starting with the file's prefix; afterAll deletes them.
    const mutations = [
      (s: string) => ({ query: "mutation M($input: ActorInput!) { createActor(input: $input) { id name } }", variables: { input: { id: `${P}${s}`.slice(0, 200), name: s, kind: "ASSOCIATION" } } }),
      (s: string) => ({ query: "mutation M($input: ActorInput!) { createActor(input: $input) { id } }", variables: { input: { id: `${P}odd`, name: "Odd", kind: "COMPANY", siren: s, basedIn: s, website: s } } }),
      (s: string) => ({ query: "mutation M($input: SourceInput!) { createSource(input: $input) { id } }", variables: { input: { id: `${P}src-odd`, title: s, publisher: s, url: s, kind: "STUDY" } } }),
    ];
    const asVariable = fc.tuple(fc.constantFrom(...targets), oddString).map(([query, s]) => ({ query, variables: { s } }));
    // The same strings written into the document as literals (JSON escapes are GraphQL escapes).
    const asLiteral = oddString.map((s) => ({ query: `{ search(text: ${JSON.stringify(s)}, first: 2) { totalCount } actor(id: ${JSON.stringify(s)}) { id } }`, variables: undefined }));
    const asMutation = fc.tuple(fc.constantFrom(...mutations), oddString).map(([make, s]) => make(s));
    const cases = fc.oneof({ weight: 4, arbitrary: asVariable }, { weight: 1, arbitrary: asLiteral }, { weight: 1, arbitrary: asMutation });
    await fc.assert(fc.asyncProperty(cases, ({ query, variables }) => check("c", query, variables)), budget(250, 15));
  });

  it("(d) deep nesting, long alias lists and repeated directives", async () => {
    // A real cycle (actor → alliance → member → actor …) one item wide, so depth costs little.
    const realDepth = (levels: number) => {
      let inner = "id";
      for (let i = 0; i < levels; i++) inner = `actor { id alliances(first: 1) { edges { node { members(first: 1) { edges { node { ${inner} } } } } } } }`;
      return `{ actor(id: "${P}alpha") { alliances(first: 1) { edges { node { members(first: 1) { edges { node { ${inner} } } } } } } } }`;
    };
    const bogusDepth = (levels: number) => `{ ${"a { ".repeat(levels)}b${" }".repeat(levels)} }`;
    const braces = (levels: number) => `${"{".repeat(levels)}${"}".repeat(levels)}`;
    const aliases = (n: number, field: string) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(" ")} }`;
    const cases = fc.oneof(
      fc.integer({ min: 1, max: 50 }).map(realDepth),
      fc.integer({ min: 1, max: 3000 }).map(bogusDepth),
      fc.integer({ min: 1, max: 20_000 }).map(braces),
      fc.integer({ min: 1, max: 5000 }).map((n) => aliases(n, "__typename")),
      fc.integer({ min: 1, max: 100 }).map((n) => aliases(n, `actor(id: "${P}alpha") { name }`)),
      fc.integer({ min: 1, max: 100 }).map((n) => aliases(n, "sdgs { number targets { code } }")),
      fc.integer({ min: 1, max: 2000 }).map((n) => `{ __typename ${"@include(if: true) ".repeat(n)}}`),
      fc.integer({ min: 1, max: 500 }).map((n) => `query Q { ...F0 } ${Array.from({ length: n }, (_, i) => `fragment F${i} on Query { __typename ${i + 1 < n ? `...F${i + 1}` : ""} }`).join(" ")}`),
    );
    await fc.assert(fc.asyncProperty(cases, (query) => check("d", query)), budget(100, 15));
  });

  it("(e) random valid queries over the schema, against the seeded data", async () => {
    const schema = buildSchema(readFileSync(join(PROJECT_ROOT, "schema", "schema.graphql"), "utf8"));
    const generator = new QueryGenerator(schema, {
      ids: [`${P}alpha`, `${P}beta`, `${P}gamma`, `${P}xylo`, `${P}yak`, `${P}ox1`, `${P}src`, "le-rameau", "ucly", "cese", "missing-id"],
      territories: ["COUNTRY:FR", "REGION:11", "DEPARTEMENT:94", "94028", "COMMUNE:75056", "75", "NOWHERE:1"],
    });
    await fc.assert(fc.asyncProperty(fc.gen(), (g) => check("e", generator.query(g))), budget(150, 15));
  });

  it("(f) random JSON bodies: not objects, arrays, wrong types for query, variables, operationName", async () => {
    const field = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom("{ __typename }", "query A { __typename }", "A"));
    const bodies = fc.oneof(
      fc.jsonValue({ maxDepth: 3 }),
      fc.record({ query: field, variables: field, operationName: field, extensions: field }, { requiredKeys: [] }),
      fc.record({ query: fc.constant("query A { __typename } query B { sdgs { number } }"), operationName: field }),
      fc.array(fc.record({ query: field }), { maxLength: 3 }),
    );
    await fc.assert(fc.asyncProperty(bodies, async (body) => {
      const text = JSON.stringify(body);
      tally.add("f", expectContract(text, await post(url, text)));
    }), budget(300));
  });
});

describe("fuzz: counterexamples found so far, kept as plain cases", () => {
  it.each([
    ["a subscription (the schema has none)", "subscription { __typename }", undefined],
    ["an unknown field in an input variable", "query Q($f: AllianceFilter) { alliances(filter: $f, first: 2) { edges { node { id } } } }", { f: { startedAfter: [] } }],
    ["a list for an Int! variable", "query Q($n: Int!) { sdg(number: $n) { number } }", { n: [1] }],
    ["a string for an Int variable", "query Q($first: Int) { alliances(first: $first) { totalCount } }", { first: "10" }],
    ["an out-of-range Int variable", "query Q($first: Int) { alliances(first: $first) { totalCount } }", { first: 2 ** 31 }],
    ["an object for an ID! variable", "query Q($id: ID!) { actor(id: $id) { id } }", { id: { id: "le-rameau" } }],
    ["a missing required variable", "query Q($id: ID!) { actor(id: $id) { id } }", {}],
  ])("%s gets a coded client error", async (_name, query, variables) => {
    await check("cases", query, variables);
  });

  it("an operationName that names no operation of an anonymous query gets a coded client error", async () => {
    const body = JSON.stringify({ query: "{ __typename }", operationName: "Missing" });
    tally.add("cases", expectContract(body, await post(url, body)));
  });
});

describe("fuzz: bodies that are not JSON", () => {
  // Apollo never sees these: express.json() refuses them before the GraphQL handler runs.
  it.each([
    ["a truncated object", '{"query": "{ __typename }"'],
    ["a bare word", "hello"],
    ["a JSON string", '"{ __typename }"'],
    ["a JSON number", "42"],
    ["JSON null", "null"],
    ["an empty body", ""],
    ["a body over the 1 MB limit", JSON.stringify({ query: "{ __typename }", variables: { s: "x".repeat(1_100_000) } })],
  ])("%s gets a JSON answer with a code", async (_name, body) => {
    const answer = await post(url, body);
    tally.add("bodies", expectContract(body, answer));
  });

  it("keeps the contract for random non-JSON text", async () => {
    const text = fc.string({ unit: "binary", maxLength: 100 }).filter((s) => {
      try {
        JSON.parse(s);
        return false;
      } catch {
        return true;
      }
    });
    await fc.assert(fc.asyncProperty(text, async (body) => {
      tally.add("non-json", expectContract(body, await post(url, body)));
    }), budget(100));
  });
});
