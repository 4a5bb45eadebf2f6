import { useKnownGraph } from "../support/known-graph-suite";
import { listIds } from "../support/pages";

/** Filters, `at` dates and second-degree co-constructors on the known graph (see known-graph.ts). */
const P = "flt-";
const suite = useKnownGraph(P);

/** Our ids among nodes (`pick` finds the id), in order; other data is not ours to count. */
function ours(nodes: any[], pick = (node: any) => node.id as string): string[] {
  return nodes.map(pick).filter((id) => id.startsWith(P)).map((id) => id.slice(P.length));
}

/** Our ids in a root list, read page after page: other data can fill the first pages. */
const ourItems = async (list: string, filter: string, at?: string) =>
  ours(await listIds(suite.client, list, `filter: {${filter}}${at ? `, at: "${at}"` : ""}`), (id) => id);

describe("alliance filters", () => {
  const alliances = (filter: string, at?: string) => ourItems("alliances", filter, at);

  it.each([
    [`objectives: [HYBRID_ECONOMIC_MODEL]`, ["wolf"]],
    [`objectives: [SOCIETAL_INNOVATION, LOCAL_CO_CONSTRUCTION]`, ["xylo", "yak", "zeta"]],
    [`memberKinds: [FOUNDATION]`, ["zeta"]],
    [`memberIds: ["${P}alpha"]`, ["xylo", "yak"]],
    [`memberIds: ["${P}gamma"], kinds: [RESEARCH_PARTNERSHIP]`, ["zeta"]],
    [`startedFrom: "2019-06-01", memberIds: ["${P}alpha", "${P}delta", "${P}epsilon"]`, ["xylo"]],
    [`startedTo: "2019-12-31", memberIds: ["${P}alpha", "${P}delta", "${P}epsilon"]`, ["yak"]],
    [`endedFrom: "2021-01-01", endedTo: "2022-01-01", memberIds: ["${P}alpha"]`, ["yak"]],
    [`territory: "69123", memberIds: ["${P}gamma"]`, []],
    [`territory: "COUNTRY:FR", statuses: [ACTIVE], memberIds: ["${P}gamma"]`, ["xylo", "zeta"]],
  ])("filter {%s} gives %j", async (filter, expected) => {
    expect(await alliances(filter)).toEqual(expected);
  });

  it("answers as the network stood on a date", async () => {
    const everyone = `memberIds: ["${P}alpha", "${P}delta", "${P}epsilon"]`;
    expect(await alliances(everyone, "2019-06-01")).toEqual(["yak", "zeta", "wolf"].sort());
    expect(await alliances(everyone, "2020-06-01")).toEqual(["wolf", "xylo", "yak", "zeta"]);
    expect(await alliances(everyone, "2022-06-01")).toEqual(["wolf", "xylo", "zeta"]);
  });

  it("refuses a period whose end comes before its start, naming the field", async () => {
    const { errors } = await suite.client.run(`{ alliances(filter: { startedFrom: "2022-01-01", startedTo: "2021-01-01" }) { totalCount } }`);
    expect(errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "filter.startedTo" });
  });
});

describe("actor filters", () => {
  const actors = (filter: string, at?: string) => ourItems("actors", filter, at);

  it.each([
    [`kinds: [COMPANY, FOUNDATION]`, ["beta", "delta"]],
    [`territory: "REGION:11"`, ["alpha", "beta", "gamma"]],
    [`sdgs: [4]`, ["alpha", "beta"]],
    [`nameStartsWith: "GAMMA COLLECTIVITE"`, ["gamma"]],
  ])("filter {%s} gives %j", async (filter, expected) => {
    expect(await actors(filter)).toEqual(expected);
  });

  it("keeps, on a date, the actors with an alliance active then", async () => {
    expect(await actors(`territory: "REGION:11"`, "2019-06-01")).toEqual([]);
    expect(await actors(`territory: "REGION:11"`, "2021-06-01")).toEqual(["alpha", "beta", "gamma"]);
  });
});

describe("traversals on a date", () => {
  it("drops ended alliances from co-constructors and memberships", async () => {
    const { actor } = await suite.client.data(`{ actor(id: "${P}alpha") {
      before: coConstructors(at: "2021-06-01") { edges { node { actor { id } sharedAllianceCount } } }
      after: coConstructors(at: "2022-06-01") { edges { node { actor { id } sharedAllianceCount } } }
      alliances(at: "2022-06-01") { edges { node { alliance { id } } } }
    } }`);
    const pairs = (c: any) => c.edges.map((e: any) => [e.node.actor.id.slice(P.length), e.node.sharedAllianceCount]);
    expect(pairs(actor.before)).toEqual([["beta", 2], ["gamma", 1]]);
    expect(pairs(actor.after)).toEqual([["beta", 1], ["gamma", 1]]);
    expect(ours(actor.alliances.edges.map((e: any) => e.node), (n) => n.alliance.id)).toEqual(["xylo"]);
  });

  it("has no members before memberships started", async () => {
    const { alliance } = await suite.client.data(`{ alliance(id: "${P}xylo") { members(at: "2019-12-31") { totalCount } now: members { totalCount } } }`);
    expect(alliance).toEqual({ members: { totalCount: 0 }, now: { totalCount: 3 } });
  });
});

describe("Actor.coConstructors(depth: 2)", () => {
  it("adds second-degree co-constructors with their distance and the actors between", async () => {
    const { actor } = await suite.client.data(`{ actor(id: "${P}alpha") { coConstructors(depth: 2) { totalCount edges { node {
      actor { id } distance sharedAllianceCount via { id }
    } } } } }`);
    expect(actor.coConstructors.totalCount).toBe(3);
    expect(actor.coConstructors.edges.map((e: any) => e.node)).toEqual([
      { actor: { id: `${P}beta` }, distance: 1, sharedAllianceCount: 2, via: [] },
      { actor: { id: `${P}gamma` }, distance: 1, sharedAllianceCount: 1, via: [] },
      { actor: { id: `${P}delta` }, distance: 2, sharedAllianceCount: 0, via: [{ id: `${P}gamma` }] },
    ]);
  });

  it("refuses depth 3", async () => {
    const { errors } = await suite.client.run(`{ actor(id: "${P}alpha") { coConstructors(depth: 3) { totalCount } } }`);
    expect(errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "depth" });
  });
});

describe("outcome filters", () => {
  const outcomes = (filter: string) => ourItems("outcomes", filter);

  it.each([
    [`kinds: [RESULT], allianceIds: ["${P}xylo", "${P}yak"]`, ["ox1"]],
    [`sdgs: [4], allianceIds: ["${P}xylo", "${P}yak"]`, ["oy1"]],
    [`territory: "DEPARTEMENT:94", allianceIds: ["${P}xylo", "${P}yak"]`, ["ox1", "ox2", "oy1"]],
    [`territory: "REGION:84", allianceIds: ["${P}xylo", "${P}yak"]`, []],
    [`allianceIds: ["${P}yak"]`, ["oy1"]],
  ])("filter {%s} gives %j", async (filter, expected) => {
    expect(await outcomes(filter)).toEqual(expected);
  });
});
