import { Connection } from "../../src/neo4j/connect";
import { loadDocument } from "../../src/seed/document";
import { deleteByPrefix, GraphQLClient, openTestDatabase } from "../support/database";
import { allNodes } from "../support/pages";
import { searchGraph } from "./search-graph";

const P = "search-";
let connection: Connection;
let client: GraphQLClient;

const SEARCH = `query ($text: String!, $kinds: [SearchKind!], $first: Int, $after: String, $last: Int, $before: String) {
  search(text: $text, kinds: $kinds, first: $first, after: $after, last: $last, before: $before) {
    edges { cursor node { kind score actor { id } alliance { id } outcome { id } territory { id } } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    totalCount
  }
}`;

interface Hit {
  kind: string;
  score: number;
  id: string;
}

/** All hits for `text`, page after page (other data can fill the first pages), as {kind, score, id}. */
async function hits(text: string, args: Record<string, unknown> = {}): Promise<Hit[]> {
  const nodes = await allNodes(client, SEARCH, { text, ...args }, (data) => data.search);
  return nodes.map((node: any) => {
    const found = node.actor ?? node.alliance ?? node.outcome ?? node.territory;
    return { kind: node.kind, score: node.score, id: found.id };
  });
}

/** Our own hits' ids without the prefix, in order (the database may hold other data). */
const ours = (list: Hit[]) => list.filter((hit) => hit.id.startsWith(P)).map((hit) => hit.id.slice(P.length));

beforeAll(async () => {
  connection = await openTestDatabase();
  await deleteByPrefix(connection, P);
  await loadDocument(connection.executor, searchGraph(P));
  client = await GraphQLClient.create(connection);
  // Full-text indexes may be eventually consistent: wait until the index sees our data.
  for (let attempt = 0; attempt < 50 && ours(await hits("tatou")).length < 4; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
});

afterAll(async () => {
  await deleteByPrefix(connection, P);
  await client.stop();
  await connection.close();
});

describe("search", () => {
  it("ignores accents and case", async () => {
    expect(ours(await hits("collectivite"))).toEqual(["ornithorynque"]);
    const creteil = await hits("creteil");
    expect(creteil).toContainEqual(expect.objectContaining({ kind: "TERRITORY", id: "COMMUNE:94028" }));
    expect(ours(creteil)).toEqual(["mairie"]);
    expect(ours(await hits("Creteil"))).toEqual(["mairie"]);
    expect(await hits("ÎLE-DE-FRANCE", { kinds: ["TERRITORY"] })).toContainEqual(expect.objectContaining({ id: "REGION:11" }));
  });

  it("matches the last word as a prefix", async () => {
    expect(ours(await hits("ornithoryn"))).toEqual(["ornithorynque"]);
    expect(ours(await hits("mairie cret"))).toEqual(["mairie"]);
  });

  it("ranks a name match above a description-only match", async () => {
    expect(ours(await hits("wombat", { kinds: ["ACTOR", "ALLIANCE"] }))).toEqual(["wombat", "wombat-alliance", "koala"]);
  });

  it("ranks documents holding every word above those holding some", async () => {
    const [first, ...rest] = ours(await hits("wombat solidaire"));
    expect(first).toBe("wombat-alliance");
    expect(rest.sort()).toEqual(["koala", "wombat", "wombat-guide"]);
  });

  it("orders by score, then kind, then id", async () => {
    const all = await hits("wombat");
    const sorted = [...all].sort((a, b) => b.score - a.score || a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id));
    expect(all).toEqual(sorted);
    // Four documents named exactly "Tatou" score the same: actors (by id), then the alliance.
    const tatou = (await hits("tatou")).filter((hit) => hit.id.startsWith(P));
    expect(ours(tatou)).toEqual(["tatou-a", "tatou-b", "tatou-c", "tatou-alliance"]);
    expect(new Set(tatou.map((hit) => hit.score)).size).toBe(1);
  });

  it("keeps to the kinds asked for", async () => {
    expect(ours(await hits("wombat", { kinds: ["OUTCOME"] }))).toEqual(["wombat-guide"]);
    expect(ours(await hits("wombat", { kinds: ["ALLIANCE", "OUTCOME"] })).sort()).toEqual(["wombat-alliance", "wombat-guide"]);
    expect(await hits("wombat", { kinds: ["TERRITORY"] })).toEqual([]);
    expect((await hits("creteil", { kinds: ["TERRITORY"] })).every((hit) => hit.kind === "TERRITORY")).toBe(true);
  });

  it("gives nodes that resolve their fields like everywhere else", async () => {
    const { search } = await client.data(`{
      search(text: "wombat", first: 100) { edges { node {
        actor { id name basedIn { name } }
        alliance { id name territories { id } }
        outcome { id title indicator { value unit } alliance { id } }
      } } }
    }`);
    const nodes = search.edges.map((edge: any) => edge.node);
    expect(nodes).toContainEqual(expect.objectContaining({ actor: { id: `${P}wombat`, name: "Wombat", basedIn: { name: "Créteil" } } }));
    expect(nodes).toContainEqual(
      expect.objectContaining({ outcome: { id: `${P}wombat-guide`, title: "Guide du wombat", indicator: { value: 12, unit: "ateliers" }, alliance: { id: `${P}wombat-alliance` } } }),
    );
    expect(nodes).toContainEqual(
      expect.objectContaining({ alliance: { id: `${P}wombat-alliance`, name: "Alliance Wombat Solidaire", territories: [{ id: "COMMUNE:94028" }] } }),
    );
    const { search: places } = await client.data(`{ search(text: "creteil", kinds: [TERRITORY]) { edges { node { territory { id parent { id } } } } } }`);
    expect(places.edges.map((edge: any) => edge.node.territory)).toContainEqual({ id: "COMMUNE:94028", parent: { id: "DEPARTEMENT:94" } });
  });

  it.each([
    ["forward", 1],
    ["forward", 3],
  ])("pages %s with first %i, giving every hit exactly once", async (_direction, size) => {
    const all = await hits("tatou wombat");
    const seen: Hit[] = [];
    let after: string | null = null;
    for (let page = 0; page < 50; page++) {
      const { search } = await client.data(SEARCH, { text: "tatou wombat", first: size, after });
      seen.push(...search.edges.map(({ node }: any) => ({ kind: node.kind, score: node.score, id: (node.actor ?? node.alliance ?? node.outcome).id })));
      expect(search.totalCount).toBe(all.length);
      if (!search.pageInfo.hasNextPage) break;
      after = search.pageInfo.endCursor;
    }
    expect(seen).toEqual(all);
    expect(ours(seen).sort()).toEqual(["koala", "tatou-a", "tatou-alliance", "tatou-b", "tatou-c", "wombat", "wombat-alliance", "wombat-guide"]);
  });

  it("pages backwards with last/before", async () => {
    const all = await hits("tatou wombat");
    const { search: tail } = await client.data(SEARCH, { text: "tatou wombat", last: 3 });
    const { search: before } = await client.data(SEARCH, { text: "tatou wombat", last: 3, before: tail.pageInfo.startCursor });
    const id = ({ node }: any) => (node.actor ?? node.alliance ?? node.outcome).id;
    expect([...before.edges, ...tail.edges].map(id)).toEqual(all.slice(-6).map((hit) => hit.id));
    expect(tail.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  it("makes one round trip per page, and counts only when asked", async () => {
    expect((await client.run(`{ search(text: "wombat") { edges { cursor } } }`)).roundTrips).toBe(1);
    expect((await client.run(`{ search(text: "wombat") { totalCount } }`)).roundTrips).toBe(2);
  });

  it.each([
    ["", "empty"],
    ["   \t\n ", "whitespace only"],
    ["w".repeat(201), "longer than 200 characters"],
  ])("rejects %j (%s) as BAD_USER_INPUT on text", async (text) => {
    const { errors } = await client.run(SEARCH, { text });
    expect(errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "text" });
  });

  it.each([
    "AND", "OR", "NOT", "wombat AND", "OR wombat", "AND OR NOT", "*", "?", "~", ":", "(", ")", "[", "]", "{", "}", "^", '"', "\\", "/", "!", "+", "-",
    "&&", "||", "wombat*", "womb?t", "wombat~2", "name:wombat", "(wombat", "wombat)", "[a TO z]", "{a TO z}", "wombat^100", '"wombat',
    'wombat"', '"un" "deux"', "wombat\\", "\\\\", "/wom.*bat/", "!wombat", "+wombat -koala", "wombat && koala || tatou", "l'emploi d’été",
    "«wombat»", "🦘 wombat", "\u0000wombat", "a".repeat(200), "wombat ".repeat(28), "x ".repeat(100), "* ".repeat(100),
    "a-b-c-d-e-f-g-h-i-j-k-l-m-n-o-p-q-r-s-t-u-v-w-x-y-z-".repeat(3).slice(0, 200),
  ])("answers %j cleanly", async (text) => {
    const { errors, data } = await client.run(SEARCH, { text });
    expect(errors).toBeUndefined();
    expect(data.search.edges.length).toBeLessThanOrEqual(20);
    expect(data.search.totalCount).toBeGreaterThanOrEqual(data.search.edges.length);
  });

  it("treats Lucene words and symbols as plain text", async () => {
    expect(ours(await hits("wombat AND")).length).toBeGreaterThan(0);
    expect(ours(await hits("name:wombat"))).toEqual([]);
    expect(ours(await hits("wombat*", { kinds: ["ACTOR"] }))).toEqual(["wombat", "koala"]);
    expect(await hits("&& || !")).toEqual([]);
  });
});
