import { useKnownGraph } from "../support/known-graph-suite";
import { allNodes, PAGE, PAGE_VARIABLES } from "../support/pages";

const P = "terr-";
const suite = useKnownGraph(P);

/** The nodes of a connection, in order. */
const nodes = (connection: { edges: { node: any }[] }) => connection.edges.map((edge) => edge.node);

/** This file's facts among nodes (other data in the database is not ours to count). */
const ours = <T extends { id: string }>(items: T[]) => items.filter((item) => item.id.startsWith(P));

/** Ids of this file's facts in a territory's list (`alliances`, `actors`), read page after page. */
const ourIn = async (code: string, list: string, selection = "id") =>
  ours(await allNodes(suite.client, `query ($code: String!, ${PAGE_VARIABLES}) { territory(code: $code) {
    ${list}(${PAGE}) { edges { node { ${selection} } } pageInfo { hasNextPage endCursor } } } }`, { code }, (data) => data.territory[list]));
const ourIds = async (code: string, list: string) => (await ourIn(code, list)).map((item) => item.id);

describe("territory lookup", () => {
  it("finds a commune by INSEE code with its population, SIREN and parents up to France", async () => {
    const { territory } = await suite.client.data(`{ territory(code: "94028") {
      id code level name population siren parent { id name parent { id name parent { id } } }
    } }`);
    expect(territory).toEqual({
      id: "COMMUNE:94028",
      code: "94028",
      level: "COMMUNE",
      name: "Créteil",
      population: 93397,
      siren: "219400280",
      parent: { id: "DEPARTEMENT:94", name: "Val-de-Marne", parent: { id: "REGION:11", name: "Île-de-France", parent: { id: "COUNTRY:FR" } } },
    });
  });

  it("asks which territory is meant when a code is shared by two levels", async () => {
    const ambiguous = await suite.client.run(`{ territory(code: "75") { id } }`);
    expect(ambiguous.errors?.[0].extensions.code).toBe("BAD_USER_INPUT");
    expect(ambiguous.errors?.[0].message).toBe(
      'code: territory "75" is ambiguous: did you mean DEPARTEMENT:75 (Paris) or REGION:75 (Nouvelle-Aquitaine)?',
    );
    const byLevel = await suite.client.data(`{ territory(code: "75", level: REGION) { name } }`);
    expect(byLevel.territory).toEqual({ name: "Nouvelle-Aquitaine" });
    const byId = await suite.client.data(`{ territory(code: "DEPARTEMENT:75") { name } }`);
    expect(byId.territory).toEqual({ name: "Paris" });
  });

  it("returns null for a code that names no territory", async () => {
    expect((await suite.client.data(`{ territory(code: "99999") { id } }`)).territory).toBeNull();
  });

  it("lists an EPCI's member communes as its children", async () => {
    const { territory } = await suite.client.data(`{ territory(code: "EPCI:200046977") { name level children(first: 100) { totalCount edges { node { id } } } } }`);
    expect(territory.name).toBe("Métropole de Lyon");
    expect(territory.level).toBe("EPCI");
    expect(territory.children.totalCount).toBe(58);
    expect(nodes(territory.children)).toHaveLength(58);
    expect(nodes(territory.children).map((c: any) => c.id)).toContain("COMMUNE:69123");
  });

  it("matches name prefixes without case or accents, and sorts Île-de-France among the I", async () => {
    const { territories } = await suite.client.data(`{ territories(nameStartsWith: "CRETEIL") { edges { node { id name } } } }`);
    expect(nodes(territories)).toEqual([{ id: "COMMUNE:94028", name: "Créteil" }]);
    const regions = await suite.client.data(`{ territories(level: REGION, nameStartsWith: "i", first: 5) { edges { node { name } } } }`);
    expect(nodes(regions.territories)).toEqual([{ name: "Île de Clipperton" }, { name: "Île-de-France" }]);
  });

  it("lists territories inside another, by level", async () => {
    const { territories } = await suite.client.data(`{ territories(level: DEPARTEMENT, within: "REGION:11", first: 100) { edges { node { code } } } }`);
    expect(nodes(territories).map((t: any) => t.code).sort()).toEqual(["75", "77", "78", "91", "92", "93", "94", "95"]);
  });
});

describe("Territory.alliances", () => {
  const alliances = (code: string) => ourIds(code, "alliances");

  it("covers the territory and every territory inside it", async () => {
    expect(await alliances("REGION:11")).toEqual([`${P}xylo`, `${P}yak`]);
    expect(await alliances("DEPARTEMENT:94")).toEqual([`${P}xylo`, `${P}yak`]);
    expect(await alliances("COUNTRY:FR")).toEqual([`${P}xylo`, `${P}yak`, `${P}zeta`]);
  });

  it("does not count alliances of the territories around it", async () => {
    expect(await alliances("94028")).toEqual([`${P}yak`]);
    expect(await alliances("94080")).toEqual([]);
  });

  it("covers an EPCI's member communes, but not the départements it straddles", async () => {
    // Métropole du Grand Paris holds Créteil (Yak acts there); Xylo acts in the whole Val-de-Marne, which is not inside it.
    expect(await alliances("EPCI:200054781")).toEqual([`${P}yak`]);
  });
});

describe("Territory.actors", () => {
  it("lists actors based in it or inside it", async () => {
    expect(await ourIn("DEPARTEMENT:94", "actors", "id basedIn { id }")).toEqual([
      { id: `${P}alpha`, basedIn: { id: "COMMUNE:94028" } },
      { id: `${P}beta`, basedIn: { id: "COMMUNE:94080" } },
    ]);
    expect(await ourIds("REGION:84", "actors")).toEqual([`${P}delta`]);
  });
});
