import { useKnownGraph } from "../support/known-graph-suite";

/**
 * A territory reference is resolved once per request (src/scope/territory-ref.ts), whoever
 * asks: the scope, the lookahead prefetch, the resolvers. `actor(id) { coConstructors(territory:) }`
 * makes the round trips it promises: the territory, then the neighbourhood in one statement
 * (it made three, the territory being looked up by the prefetch and again by the resolver).
 */
const P = "tref-";
const suite = useKnownGraph(P);

const CO = `query ($id: ID!, $t: String, $f: AllianceFilter) { actor(id: $id) { id coConstructors(territory: $t, filter: $f) { edges { node { actor { id } } } } } }`;

describe("territory references", () => {
  it("coConstructors(territory:) looks the territory up once: 2 round trips with the prefetch", async () => {
    const result = await suite.client.run(CO, { id: `${P}alpha`, t: "DEPARTEMENT:94" });
    expect(result.errors).toBeUndefined();
    expect(result.data.actor.coConstructors.edges.map((e: any) => e.node.actor.id)).toEqual([`${P}beta`]);
    expect(result.roundTrips).toBe(2);
  });

  it("the same reference as territory and filter.territory is still one lookup", async () => {
    const result = await suite.client.run(CO, { id: `${P}alpha`, t: "DEPARTEMENT:94", f: { territory: "DEPARTEMENT:94" } });
    expect(result.errors).toBeUndefined();
    expect(result.roundTrips).toBe(2);
  });

  it("resolves every form to the same territory, and names the argument when it cannot", async () => {
    const query = `query ($code: String!) { territory(code: $code) { id } }`;
    expect((await suite.client.data(query, { code: "94028" })).territory).toEqual({ id: "COMMUNE:94028" });
    expect((await suite.client.data(query, { code: "DEPARTEMENT:94" })).territory).toEqual({ id: "DEPARTEMENT:94" });
    expect((await suite.client.data(query, { code: "x".repeat(5000) })).territory).toBeNull();
    const unknown = await suite.client.run(CO, { id: `${P}alpha`, t: "99999" });
    expect(unknown.errors?.[0].message).toContain('no territory has the code or id "99999"');
    expect(unknown.errors?.[0].extensions.code).toBe("BAD_USER_INPUT");
  });
});
