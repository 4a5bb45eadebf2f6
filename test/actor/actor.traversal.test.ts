import { useKnownGraph } from "../support/known-graph-suite";
import { listIds } from "../support/pages";

const P = "trav-";
const suite = useKnownGraph(P);

const CO_CONSTRUCTORS = `query ($id: ID!, $kinds: [ActorKind!], $territory: String) {
  actor(id: $id) {
    coConstructors(kinds: $kinds, territory: $territory) {
      nodes: edges { node { actor { id } sharedAllianceCount sharedAlliances { id } } }
    }
  }
}`;

/** The nodes of a connection, in order. */
const nodes = (connection: { edges: { node: any }[] } | { nodes: { node: any }[] }) =>
  ("edges" in connection ? connection.edges : connection.nodes).map((edge) => edge.node);

describe("Actor.coConstructors", () => {
  it("lists actors sharing an alliance, most shared first, with the shared alliances", async () => {
    const { actor } = await suite.client.data(CO_CONSTRUCTORS, { id: `${P}alpha` });
    expect(nodes(actor.coConstructors)).toEqual([
      { actor: { id: `${P}beta` }, sharedAllianceCount: 2, sharedAlliances: [{ id: `${P}xylo` }, { id: `${P}yak` }] },
      { actor: { id: `${P}gamma` }, sharedAllianceCount: 1, sharedAlliances: [{ id: `${P}xylo` }] },
    ]);
  });

  it("counts each shared alliance once and breaks ties by name", async () => {
    const { actor } = await suite.client.data(CO_CONSTRUCTORS, { id: `${P}gamma` });
    expect(nodes(actor.coConstructors).map((c: any) => [c.actor.id, c.sharedAllianceCount])).toEqual([
      [`${P}alpha`, 1],
      [`${P}beta`, 1],
      [`${P}delta`, 1],
    ]);
  });

  it("is empty for an actor alone in its alliance", async () => {
    const { actor } = await suite.client.data(CO_CONSTRUCTORS, { id: `${P}epsilon` });
    expect(nodes(actor.coConstructors)).toEqual([]);
  });

  it("filters by the co-constructor's kind", async () => {
    const { actor } = await suite.client.data(CO_CONSTRUCTORS, { id: `${P}alpha`, kinds: ["COMPANY"] });
    expect(nodes(actor.coConstructors).map((c: any) => c.actor.id)).toEqual([`${P}beta`]);
  });

  it("filters by territory, counting everything inside it", async () => {
    const inParis = await suite.client.data(CO_CONSTRUCTORS, { id: `${P}alpha`, territory: "DEPARTEMENT:75" });
    expect(nodes(inParis.actor.coConstructors).map((c: any) => c.actor.id)).toEqual([`${P}gamma`]);
    const inIdf = await suite.client.data(CO_CONSTRUCTORS, { id: `${P}gamma`, territory: "REGION:11" });
    expect(nodes(inIdf.actor.coConstructors).map((c: any) => c.actor.id)).toEqual([`${P}alpha`, `${P}beta`]);
  });

  it("refuses a territory code that names two territories", async () => {
    const { errors } = await suite.client.run(CO_CONSTRUCTORS, { id: `${P}alpha`, territory: "75" });
    expect(errors?.[0].extensions.code).toBe("BAD_USER_INPUT");
    expect(errors?.[0].message).toContain("DEPARTEMENT:75");
    expect(errors?.[0].message).toContain("REGION:75");
  });
});

describe("Actor.alliances and Actor.impact", () => {
  it("gives each alliance with the actor's role and the membership's sources", async () => {
    const { actor } = await suite.client.data(
      `query ($id: ID!) { actor(id: $id) { alliances { edges { node { role startDate alliance { id } sources { id } } } } } }`,
      { id: `${P}gamma` },
    );
    expect(nodes(actor.alliances)).toEqual([
      { role: "FUNDER", startDate: "2020-01-01", alliance: { id: `${P}xylo` }, sources: [{ id: `${P}src` }] },
      { role: "PARTNER", startDate: "2020-01-01", alliance: { id: `${P}zeta` }, sources: [{ id: `${P}src` }] },
    ]);
  });

  it("collects the outcomes of its alliances, with indicators", async () => {
    const { actor } = await suite.client.data(
      `query ($id: ID!) { actor(id: $id) { impact { edges { node { id kind indicator { value unit measuredOn } alliance { id } } } } } }`,
      { id: `${P}alpha` },
    );
    expect(nodes(actor.impact)).toEqual([
      { id: `${P}ox1`, kind: "RESULT", indicator: { value: 40, unit: "emplois", measuredOn: "2021-12-31" }, alliance: { id: `${P}xylo` } },
      { id: `${P}ox2`, kind: "PRACTICE", indicator: null, alliance: { id: `${P}xylo` } },
      { id: `${P}oy1`, kind: "PUBLICATION", indicator: null, alliance: { id: `${P}yak` } },
    ]);
  });

  it("is empty for an actor whose alliances produced nothing", async () => {
    const { actor } = await suite.client.data(`query ($id: ID!) { actor(id: $id) { impact { totalCount edges { node { id } } } } }`, { id: `${P}delta` });
    expect(actor.impact).toEqual({ totalCount: 0, edges: [] });
  });
});

describe("coConstruction", () => {
  const QUERY = `query ($a: ID!, $b: ID!) {
    coConstruction(a: $a, b: $b) { a { name } b { name } alliances { id sources { title } } outcomes { edges { node { id } } } }
  }`;

  it("gives what two actors share: alliances, their outcomes and sources", async () => {
    const { coConstruction } = await suite.client.data(QUERY, { a: `${P}alpha`, b: `${P}beta` });
    expect(coConstruction).toEqual({
      a: { name: "Alpha Association" },
      b: { name: "Beta Entreprise" },
      alliances: [
        { id: `${P}xylo`, sources: [{ title: "Étude de test" }] },
        { id: `${P}yak`, sources: [{ title: "Étude de test" }] },
      ],
      outcomes: { edges: [{ node: { id: `${P}ox1` } }, { node: { id: `${P}ox2` } }, { node: { id: `${P}oy1` } }] },
    });
  });

  it("is empty between actors that share nothing, and null for an unknown actor", async () => {
    const { coConstruction } = await suite.client.data(QUERY, { a: `${P}alpha`, b: `${P}delta` });
    expect(coConstruction.alliances).toEqual([]);
    expect(coConstruction.outcomes).toEqual({ edges: [] });
    const missing = await suite.client.data(QUERY, { a: `${P}alpha`, b: `${P}nobody` });
    expect(missing.coConstruction).toBeNull();
  });
});

describe("Alliance fields", () => {
  it("lists members leaders first, territories, SDGs, outcomes and sources", async () => {
    const { alliance } = await suite.client.data(
      `query ($id: ID!) { alliance(id: $id) {
        name kind objectives status startDate endDate
        members { totalCount edges { node { role actor { id } } } }
        territories { id name }
        sdgs { number titleFr }
        outcomes { edges { node { id beneficiaryTerritories { id } beneficiaryActors { id } sdgs { number } } } }
        sources { title publisher date url kind }
      } }`,
      { id: `${P}xylo` },
    );
    expect({ ...alliance, members: nodes(alliance.members), outcomes: nodes(alliance.outcomes) }).toEqual({
      name: "Xylo alliance",
      kind: "TERRITORIAL_CO_CONSTRUCTION",
      objectives: ["LOCAL_CO_CONSTRUCTION"],
      status: "ACTIVE",
      startDate: "2020-01-01",
      endDate: null,
      members: [
        { role: "LEADER", actor: { id: `${P}alpha` } },
        { role: "PARTNER", actor: { id: `${P}beta` } },
        { role: "FUNDER", actor: { id: `${P}gamma` } },
      ],
      territories: [{ id: "DEPARTEMENT:94", name: "Val-de-Marne" }],
      sdgs: [
        { number: 11, titleFr: "Villes et communautés durables" },
        { number: 17, titleFr: "Partenariats pour la réalisation des objectifs" },
      ],
      outcomes: [
        { id: `${P}ox1`, beneficiaryTerritories: [{ id: "DEPARTEMENT:94" }], beneficiaryActors: [], sdgs: [{ number: 8 }] },
        { id: `${P}ox2`, beneficiaryTerritories: [], beneficiaryActors: [{ id: `${P}gamma` }], sdgs: [{ number: 17 }] },
      ],
      sources: [
        { title: "Étude de test", publisher: "Observatoire des partenariats", date: "2021-06-01", url: "https://example.org/etude", kind: "STUDY" },
      ],
    });
  });

  it("filters root lists by kind, status, SDG and territory", async () => {
    const names = async (filter: string) => (await listIds(suite.client, "alliances", `filter: {${filter}}`)).filter((id) => id.startsWith(P));
    expect(await names(`territory: "REGION:11"`)).toEqual([`${P}xylo`, `${P}yak`]);
    expect(await names(`territory: "REGION:84"`)).toEqual([`${P}zeta`]);
    expect(await names(`sdgs: [4]`)).toEqual([`${P}yak`]);
    expect(await names(`statuses: [PROPOSED]`)).toEqual([`${P}wolf`]);
    expect(await names(`kinds: [PHILANTHROPY], territory: "94028"`)).toEqual([`${P}yak`]);
  });
});
