import { useKnownGraph } from "../support/known-graph-suite";

// knownGraph: Alpha–Beta share Xylo and Yak (Yak ended 2021-12-31); Alpha, Beta, Gamma share
// Xylo (94); Gamma–Delta share Zeta (REGION:84); Epsilon is alone in Wolf.
const P = "net-";
const actor = (name: string) => `actor:${P}${name}`;
const alliance = (name: string) => `alliance:${P}${name}`;
const suite = useKnownGraph(P);

const NETWORK = `query ($seeds: [ID!]!, $depth: Int, $mode: NetworkMode, $filter: AllianceFilter, $at: LocalDate, $maxNodes: Int) {
  network(seeds: $seeds, depth: $depth, mode: $mode, filter: $filter, at: $at, maxNodes: $maxNodes) {
    nodes { id entityId label type kind seed distance degree weightedDegree }
    edges { id source target type weight alliances role }
    truncated nodeCount edgeCount totalNodeCount totalEdgeCount
  }
}`;

async function network(variables: Record<string, unknown>) {
  return (await suite.client.data(NETWORK, variables)).network;
}

const ids = (net: any) => net.nodes.map((n: any) => n.id);
const weights = (net: any) => net.edges.map((e: any) => [e.source, e.target, e.weight]);

describe("network, projected", () => {
  it("links the seed's co-constructors at depth 1, weighted by shared alliances", async () => {
    const net = await network({ seeds: [`${P}alpha`] });
    expect(net.nodes).toEqual([
      { id: actor("alpha"), entityId: `${P}alpha`, label: "Alpha Association", type: "Actor", kind: "ASSOCIATION", seed: true, distance: 0, degree: 2, weightedDegree: 3 },
      { id: actor("beta"), entityId: `${P}beta`, label: "Beta Entreprise", type: "Actor", kind: "COMPANY", seed: false, distance: 1, degree: 2, weightedDegree: 3 },
      { id: actor("gamma"), entityId: `${P}gamma`, label: "Gamma Collectivité", type: "Actor", kind: "LOCAL_AUTHORITY", seed: false, distance: 1, degree: 2, weightedDegree: 2 },
    ]);
    expect(net.edges).toEqual([
      { id: `${actor("alpha")}|${actor("beta")}`, source: actor("alpha"), target: actor("beta"), type: "CO_CONSTRUCTS", weight: 2, alliances: [`${P}xylo`, `${P}yak`], role: null },
      { id: `${actor("alpha")}|${actor("gamma")}`, source: actor("alpha"), target: actor("gamma"), type: "CO_CONSTRUCTS", weight: 1, alliances: [`${P}xylo`], role: null },
      { id: `${actor("beta")}|${actor("gamma")}`, source: actor("beta"), target: actor("gamma"), type: "CO_CONSTRUCTS", weight: 1, alliances: [`${P}xylo`], role: null },
    ]);
    expect([net.truncated, net.nodeCount, net.edgeCount, net.totalNodeCount, net.totalEdgeCount]).toEqual([false, 3, 3, 3, 3]);
  });

  it("gives the same nodes and weights when edges' alliance ids are not asked (they are then not fetched)", async () => {
    const lean = `query ($seeds: [ID!]!) { network(seeds: $seeds, depth: 2) {
      nodes { id distance degree weightedDegree } edges { id source target weight }
    } }`;
    const full = await network({ seeds: [`${P}alpha`], depth: 2 });
    const { network: light } = await suite.client.data(lean, { seeds: [`${P}alpha`] });
    expect(light.nodes).toEqual(full.nodes.map(({ id, distance, degree, weightedDegree }: any) => ({ id, distance, degree, weightedDegree })));
    expect(light.edges).toEqual(full.edges.map(({ id, source, target, weight }: any) => ({ id, source, target, weight })));
    expect(weights(light)).toEqual([
      [actor("alpha"), actor("beta"), 2],
      [actor("alpha"), actor("gamma"), 1],
      [actor("beta"), actor("gamma"), 1],
      [actor("delta"), actor("gamma"), 1],
    ]);
  });

  it("reaches two hops at depth 2, ranking nearer then better-connected nodes first", async () => {
    const net = await network({ seeds: [`${P}alpha`], depth: 2 });
    expect(net.nodes.map((n: any) => [n.id, n.distance, n.degree, n.weightedDegree])).toEqual([
      [actor("alpha"), 0, 2, 3],
      [actor("gamma"), 1, 3, 3],
      [actor("beta"), 1, 2, 3],
      [actor("delta"), 2, 1, 1],
    ]);
    expect(weights(net)).toEqual([
      [actor("alpha"), actor("beta"), 2],
      [actor("alpha"), actor("gamma"), 1],
      [actor("beta"), actor("gamma"), 1],
      [actor("delta"), actor("gamma"), 1],
    ]);
  });

  it("returns a lone seed without edges", async () => {
    const net = await network({ seeds: [`${P}epsilon`], depth: 3 });
    expect(ids(net)).toEqual([actor("epsilon")]);
    expect(net.edges).toEqual([]);
  });
});

describe("network, bipartite", () => {
  it("gives actors, the alliances crossed to reach them, and MEMBER_OF edges with roles", async () => {
    const net = await network({ seeds: [`${P}alpha`], mode: "BIPARTITE" });
    expect(net.nodes.map((n: any) => [n.id, n.type, n.kind, n.distance, n.degree])).toEqual([
      [actor("alpha"), "Actor", "ASSOCIATION", 0, 2],
      [alliance("xylo"), "Alliance", "TERRITORIAL_CO_CONSTRUCTION", 1, 3],
      [alliance("yak"), "Alliance", "PHILANTHROPY", 1, 2],
      [actor("beta"), "Actor", "COMPANY", 2, 2],
      [actor("gamma"), "Actor", "LOCAL_AUTHORITY", 2, 1],
    ]);
    expect(net.edges.map((e: any) => [e.id, e.source, e.target, e.type, e.weight, e.role])).toEqual([
      [`membership:${P}xylo/${P}alpha`, actor("alpha"), alliance("xylo"), "MEMBER_OF", 1, "LEADER"],
      [`membership:${P}xylo/${P}beta`, actor("beta"), alliance("xylo"), "MEMBER_OF", 1, "PARTNER"],
      [`membership:${P}xylo/${P}gamma`, actor("gamma"), alliance("xylo"), "MEMBER_OF", 1, "FUNDER"],
      [`membership:${P}yak/${P}alpha`, actor("alpha"), alliance("yak"), "MEMBER_OF", 1, "LEADER"],
      [`membership:${P}yak/${P}beta`, actor("beta"), alliance("yak"), "MEMBER_OF", 1, "PARTNER"],
    ]);
  });

  it("shows a lone seed's alliance", async () => {
    const net = await network({ seeds: [`${P}epsilon`], mode: "BIPARTITE" });
    expect(ids(net)).toEqual([actor("epsilon"), alliance("wolf")]);
    expect(net.edgeCount).toBe(1);
  });
});

describe("network scope", () => {
  it("keeps only alliances of the filtered kinds", async () => {
    const net = await network({ seeds: [`${P}alpha`], depth: 2, filter: { kinds: ["PHILANTHROPY"] } });
    expect(ids(net)).toEqual([actor("alpha"), actor("beta")]);
    expect(net.edges.map((e: any) => [e.weight, e.alliances])).toEqual([[1, [`${P}yak`]]]);
  });

  it("keeps only alliances acting in the filtered territory, counting what lies inside it", async () => {
    const all = await network({ seeds: [`${P}gamma`] });
    expect(ids(all)).toEqual([actor("gamma"), actor("alpha"), actor("beta"), actor("delta")]);
    const inAura = await network({ seeds: [`${P}gamma`], filter: { territory: "REGION:84" } });
    expect(weights(inAura)).toEqual([[actor("delta"), actor("gamma"), 1]]);
    const inCreteil = await network({ seeds: [`${P}alpha`], filter: { territory: "94028" } });
    expect(weights(inCreteil)).toEqual([[actor("alpha"), actor("beta"), 1]]);
  });

  it("drops an alliance that had ended on the date `at`", async () => {
    const net = await network({ seeds: [`${P}alpha`], at: "2023-01-01" });
    expect(net.edges.map((e: any) => [e.id, e.weight, e.alliances])).toContainEqual([`${actor("alpha")}|${actor("beta")}`, 1, [`${P}xylo`]]);
    const before = await network({ seeds: [`${P}alpha`], at: "2019-06-01" }); // Yak had started, memberships not yet
    expect(ids(before)).toEqual([actor("alpha")]);
  });
});

describe("network cap", () => {
  it("keeps exactly maxNodes nodes, seed first, then nearer and better-connected ones, and says it truncated", async () => {
    const net = await network({ seeds: [`${P}alpha`], depth: 2, maxNodes: 2 });
    expect([ids(net), net.truncated, net.nodeCount]).toEqual([[actor("alpha"), actor("gamma")], true, 2]);
    expect(weights(net)).toEqual([[actor("alpha"), actor("gamma"), 1]]);
    expect(net.nodes.map((n: any) => n.degree)).toEqual([1, 1]);
    // Before the cap: Alpha, Beta, Gamma, Delta and their four ties (Alpha–Beta, Alpha–Gamma, Beta–Gamma, Gamma–Delta).
    expect([net.totalNodeCount, net.totalEdgeCount]).toEqual([4, 4]);
    const seedOnly = await network({ seeds: [`${P}alpha`], depth: 3, maxNodes: 1 });
    expect([ids(seedOnly), seedOnly.truncated, seedOnly.edges]).toEqual([[actor("alpha")], true, []]);
    // Step 3 was skipped (one hop already reached more than maxNodes): the totals are not known.
    expect([seedOnly.totalNodeCount, seedOnly.totalEdgeCount]).toEqual([null, null]);
  });

  it("is not truncated when the neighbourhood fits exactly", async () => {
    const net = await network({ seeds: [`${P}alpha`], depth: 3, maxNodes: 4 });
    expect([net.nodeCount, net.truncated, net.totalNodeCount]).toEqual([4, false, 4]);
  });
});

describe("network formats", () => {
  it("offers graphology's serialised graph and Cytoscape elements", async () => {
    const { network: net } = await suite.client.data(`{ network(seeds: ["${P}epsilon"], mode: BIPARTITE) { graphology cytoscape } }`);
    expect(net.graphology.nodes[0]).toEqual({
      key: actor("epsilon"),
      attributes: expect.objectContaining({ label: "Epsilon Laboratoire", nodeType: "Actor", x: 1, y: 0 }),
    });
    expect(net.graphology.nodes[0].attributes).not.toHaveProperty("type"); // sigma reads `type` as a render program
    expect(net.graphology.edges).toEqual([
      { key: `membership:${P}wolf/${P}epsilon`, source: actor("epsilon"), target: alliance("wolf"), attributes: { weight: 1, role: "LEADER", edgeType: "MEMBER_OF" } },
    ]);
    expect(net.cytoscape.nodes[1]).toEqual({ data: expect.objectContaining({ id: alliance("wolf"), type: "Alliance" }), position: { x: 200, y: 0 } });
    expect(net.cytoscape.edges[0].data).toEqual({ id: `membership:${P}wolf/${P}epsilon`, source: actor("epsilon"), target: alliance("wolf"), type: "MEMBER_OF", weight: 1, role: "LEADER" });
  });
});

describe("network round trips", () => {
  it("makes one Cypher round trip whatever the depth, mode and seeds, two with a territory to resolve", async () => {
    const seeds = ["alpha", "beta", "delta", "epsilon"].map((s) => `${P}${s}`);
    for (const mode of ["PROJECTED", "BIPARTITE"]) {
      for (const depth of [1, 3]) {
        const result = await suite.client.run(NETWORK, { seeds, depth, mode });
        expect([result.errors, result.roundTrips]).toEqual([undefined, 1]);
      }
    }
    const filtered = await suite.client.run(NETWORK, { seeds, depth: 3, filter: { territory: "REGION:84" }, at: "2022-01-01" });
    expect([filtered.errors, filtered.roundTrips]).toEqual([undefined, 2]);
  });
});

describe("network validation", () => {
  it.each([
    [{ depth: 4 }, "depth"],
    [{ depth: 0 }, "depth"],
    [{ maxNodes: 0 }, "maxNodes"],
    [{ maxNodes: 2001 }, "maxNodes"],
    [{ seeds: [] }, "seeds"],
    [{ filter: { sdgs: [18] } }, "filter.sdgs"],
  ])("refuses %j naming the field", async (bad, field) => {
    const { errors, roundTrips } = await suite.client.run(NETWORK, { seeds: [`${P}alpha`], ...bad });
    expect(errors?.[0].extensions.code).toBe("BAD_USER_INPUT");
    expect(errors?.[0].extensions.field).toBe(field);
    expect(roundTrips).toBe(0);
  });

  it("refuses an unknown seed, naming its position", async () => {
    const { errors } = await suite.client.run(NETWORK, { seeds: [`${P}alpha`, `${P}nobody`] });
    expect(errors?.[0].extensions).toEqual(expect.objectContaining({ code: "BAD_USER_INPUT", field: "seeds[1]" }));
  });
});
