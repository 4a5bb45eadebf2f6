import { Connection } from "../../src/neo4j/connect";
import { loadDocument } from "../../src/seed/document";
import { deleteByPrefix, GraphQLClient, openTestDatabase } from "../support/database";
import { pathGraph } from "./path-graph";
import { ACTOR_MAP_FOR } from "../../src/actor/actor.cypher";

const P = "path-";
let connection: Connection;
let client: GraphQLClient;

beforeAll(async () => {
  connection = await openTestDatabase();
  await deleteByPrefix(connection, P);
  await loadDocument(connection.executor, pathGraph(P));
  client = await GraphQLClient.create(connection);
});

afterAll(async () => {
  await deleteByPrefix(connection, P);
  await client.stop();
  await connection.close();
});

const PATH = `query ($from: ID!, $to: ID!, $maxHops: Int, $at: LocalDate, $filter: AllianceFilter) {
  path(from: $from, to: $to, maxHops: $maxHops, at: $at, filter: $filter) {
    length
    actors { id }
    alliances { id }
    steps { from { id } alliance { id } to { id } }
  }
}`;

const ids = (items: { id: string }[]) => items.map((item) => item.id.slice(P.length));

/** The path from `from` to `to` as [actor ids, alliance ids] without the prefix, or null. */
async function route(from: string, to: string, args: Record<string, unknown> = {}) {
  const { path } = await client.data(PATH, { from: P + from, to: P + to, ...args });
  return path && [ids(path.actors), ids(path.alliances)];
}

describe("path", () => {
  it("takes the shortcut when no date is given", async () => {
    expect(await route("alpha", "delta")).toEqual([["alpha", "delta"], ["ad-old"]]);
  });

  it("counts only alliances active on `at`", async () => {
    expect(await route("alpha", "delta", { at: "2018-01-01" })).toEqual([["alpha", "delta"], ["ad-old"]]);
    expect(await route("alpha", "delta", { at: "2021-06-01" })).toEqual([["alpha", "beta", "charlie", "delta"], ["ab", "bc", "cd"]]);
  });

  it("counts only memberships active on `at`", async () => {
    // bd-late is active from 2020, but Delta joins it only in 2023.
    expect(await route("alpha", "delta", { at: "2022-06-01" })).toEqual([["alpha", "beta", "charlie", "delta"], ["ab", "bc", "cd"]]);
    expect(await route("alpha", "delta", { at: "2024-01-01" })).toEqual([["alpha", "beta", "delta"], ["ab", "bd-late"]]);
  });

  it("counts only alliances matching the filter", async () => {
    const filter = { kinds: ["TERRITORIAL_CO_CONSTRUCTION"] };
    expect(await route("alpha", "delta", { filter })).toEqual([["alpha", "beta", "charlie", "delta"], ["ab", "bc", "cd"]]);
    expect(await route("alpha", "delta", { filter: { kinds: ["PHILANTHROPY"] }, at: "2021-06-01" })).toBeNull();
  });

  it("resolves the filter's territory, counting alliances acting anywhere inside it", async () => {
    const filter = { territory: "REGION:11" };
    expect(await route("alpha", "delta", { filter })).toEqual([["alpha", "beta", "charlie", "delta"], ["ab", "bc", "cd"]]);
    const { errors } = await client.run(PATH, { from: `${P}alpha`, to: `${P}delta`, filter: { territory: "75" } });
    expect(errors?.[0].extensions.code).toBe("BAD_USER_INPUT");
  });

  it("breaks ties between equally short paths by actor name", async () => {
    // Alpha–Beta–Charlie and Alpha–Echo–Charlie are both two hops: Beta sorts before Echo.
    expect(await route("alpha", "charlie")).toEqual([["alpha", "beta", "charlie"], ["ab", "bc"]]);
    expect(await route("charlie", "alpha")).toEqual([["charlie", "beta", "alpha"], ["bc", "ab"]]);
  });

  it("gives each step with its two actors and their alliance", async () => {
    const { path } = await client.data(PATH, { from: `${P}alpha`, to: `${P}delta`, at: "2024-01-01" });
    expect(path.length).toBe(2);
    expect(path.steps).toEqual([
      { from: { id: `${P}alpha` }, alliance: { id: `${P}ab` }, to: { id: `${P}beta` } },
      { from: { id: `${P}beta` }, alliance: { id: `${P}bd-late` }, to: { id: `${P}delta` } },
    ]);
  });

  it("resolves the fields of the actors and alliances on the path", async () => {
    const { path } = await client.data(
      `query ($from: ID!, $to: ID!) { path(from: $from, to: $to) { actors { name basedIn { id } } alliances { name members { edges { node { actor { id } } } } } } }`,
      { from: `${P}alpha`, to: `${P}beta` },
    );
    expect(path.actors).toEqual([
      { name: "Alpha", basedIn: { id: "COMMUNE:94028" } },
      { name: "Beta", basedIn: null },
    ]);
    expect(path.alliances[0].name).toBe("Alliance AB");
    expect(ids(path.alliances[0].members.edges.map((e: any) => e.node.actor)).sort()).toEqual(["alpha", "beta"]);
  });

  it("reads, through steps and fragments, every property the selection asks (it fetches only those)", async () => {
    const { path } = await client.data(
      `query ($from: ID!, $to: ID!) { path(from: $from, to: $to) {
        actors { id }
        steps { from { ...Named } alliance { ... on Alliance { name kind status objectives startDate endDate description } } to { kind basedIn { id } } }
      } }
      fragment Named on Actor { name kind description website siren rna }`,
      { from: `${P}alpha`, to: `${P}beta` },
    );
    expect(ids(path.actors)).toEqual(["alpha", "beta"]);
    expect(path.steps).toEqual([
      {
        from: { name: "Alpha", kind: "ASSOCIATION", description: null, website: null, siren: null, rna: null },
        alliance: {
          name: "Alliance AB", kind: "TERRITORIAL_CO_CONSTRUCTION", status: "ACTIVE", objectives: ["LOCAL_CO_CONSTRUCTION"],
          startDate: "2020-01-01", endDate: null, description: null,
        },
        to: { kind: "ASSOCIATION", basedIn: null },
      },
    ]);
  });

  it("projects the selected stored properties, the id, and basedIn's territory id only when asked", () => {
    expect(ACTOR_MAP_FOR("x", new Set(["name", "alliances"]))).toBe("x {.id, .name}");
    expect(ACTOR_MAP_FOR("x", new Set(["basedIn"]))).toBe("x {.id, basedInId: head([(x)-[:BASED_IN]->(actor_base) | actor_base.id])}");
    expect(ACTOR_MAP_FOR("x", null)).toContain(".*");
  });

  it("is null when the actors are not connected", async () => {
    expect(await route("alpha", "zulu")).toBeNull();
    expect(await route("alpha", "papa", { maxHops: 6 })).toBeNull();
  });

  it("is null when the shortest path is longer than maxHops", async () => {
    expect(await route("alpha", "delta", { at: "2021-06-01", maxHops: 2 })).toBeNull();
    expect(await route("alpha", "delta", { at: "2021-06-01", maxHops: 3 })).toEqual([["alpha", "beta", "charlie", "delta"], ["ab", "bc", "cd"]]);
  });

  it("is a path of length 0 from an actor to itself", async () => {
    const { path } = await client.data(PATH, { from: `${P}alpha`, to: `${P}alpha` });
    expect(path).toEqual({ length: 0, actors: [{ id: `${P}alpha` }], alliances: [], steps: [] });
  });

  it("refuses maxHops outside 1..6, naming the argument", async () => {
    for (const maxHops of [0, 7]) {
      const { errors, data } = await client.run(PATH, { from: `${P}alpha`, to: `${P}delta`, maxHops });
      expect(data?.path ?? null).toBeNull();
      expect(errors?.[0].extensions.code).toBe("BAD_USER_INPUT");
      expect(errors?.[0].extensions.field).toBe("maxHops");
    }
  });

  it("is NOT_FOUND when either actor does not exist", async () => {
    for (const [from, to] of [["nobody", "alpha"], ["alpha", "nobody"]]) {
      const { errors } = await client.run(PATH, { from: P + from, to: P + to });
      expect(errors?.[0].extensions.code).toBe("NOT_FOUND");
      expect(errors?.[0].message).toContain(`${P}nobody`);
    }
  });
});

const SHARED = `query ($a: ID!, $b: ID!, $at: LocalDate, $first: Int) {
  sharedPartners(a: $a, b: $b, at: $at, first: $first) {
    actor { id name }
    alliancesWithA { id }
    alliancesWithB { id }
  }
}`;

/** sharedPartners as [partner, alliances with a, alliances with b], ids without the prefix. */
async function partners(a: string, b: string, args: Record<string, unknown> = {}) {
  const { sharedPartners } = await client.data(SHARED, { a: P + a, b: P + b, ...args });
  return sharedPartners.map((s: any) => [s.actor.id.slice(P.length), ids(s.alliancesWithA), ids(s.alliancesWithB)]);
}

describe("sharedPartners", () => {
  it("lists actors allied with both, most shared alliances first, without a and b", async () => {
    expect(await partners("papa", "quebec")).toEqual([
      ["sierra", ["pqs", "ps-old"], ["pqs"]],
      ["romeo", ["pr"], ["qr"]],
    ]);
  });

  it("gives the sides in the order of the arguments", async () => {
    expect(await partners("quebec", "papa")).toEqual([
      ["sierra", ["pqs"], ["pqs", "ps-old"]],
      ["romeo", ["qr"], ["pr"]],
    ]);
  });

  it("counts only alliances active on `at`, then orders ties by name", async () => {
    expect(await partners("papa", "quebec", { at: "2021-06-01" })).toEqual([
      ["romeo", ["pr"], ["qr"]],
      ["sierra", ["pqs"], ["pqs"]],
    ]);
    expect(await partners("papa", "quebec", { at: "2018-01-01" })).toEqual([]);
  });

  it("keeps the first ones", async () => {
    expect(await partners("papa", "quebec", { first: 1 })).toEqual([["sierra", ["pqs", "ps-old"], ["pqs"]]]);
  });

  it("is empty when nobody is allied with both", async () => {
    expect(await partners("alpha", "papa")).toEqual([]);
    expect(await partners("zulu", "alpha")).toEqual([]);
  });

  it("refuses first outside 1..100 and unknown actors", async () => {
    const tooMany = await client.run(SHARED, { a: `${P}papa`, b: `${P}quebec`, first: 101 });
    expect(tooMany.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "first" });
    const unknown = await client.run(SHARED, { a: `${P}papa`, b: `${P}nobody` });
    expect(unknown.errors?.[0].extensions.code).toBe("NOT_FOUND");
  });
});
