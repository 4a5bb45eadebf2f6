import { useKnownGraph } from "../support/known-graph-suite";

/**
 * `actor { coConstructors { … sharedAlliances { outcomes } } }` (bench W1) is fetched in one
 * round trip by looking ahead (src/actor/neighbourhood.prefetch.ts). Each case compares it
 * with the same query made field by field: `@include(if: true)` is a no-op for GraphQL but
 * makes the lookahead stand aside, so both paths answer and can be compared.
 */
const P = "nbh-";
const suite = useKnownGraph(P);

const w1 = (coArgs: string, outcomeArgs: string, include = "") => `query ($id: ID!) {
  actor(id: $id) {
    id name
    coConstructors${coArgs} ${include} {
      totalCount
      pageInfo { hasNextPage hasPreviousPage endCursor }
      edges { cursor node {
        distance actor { id name } via { id } sharedAllianceCount
        sharedAlliances { id outcomes${outcomeArgs} { pageInfo { hasNextPage } edges { cursor node { id title kind } } } }
      } }
    }
  }
}`;

async function bothWays(coArgs: string, outcomeArgs: string, id: string) {
  const fast = await suite.client.run(w1(coArgs, outcomeArgs), { id });
  const slow = await suite.client.run(w1(coArgs, outcomeArgs, "@include(if: true)"), { id });
  expect(fast.errors).toBeUndefined();
  expect(slow.errors).toBeUndefined();
  expect(fast.data).toEqual(slow.data);
  return { data: fast.data, fast: fast.roundTrips, slow: slow.roundTrips };
}

const summary = (data: any) =>
  data.actor.coConstructors.edges.map(({ node }: any) => [
    node.actor.id,
    node.sharedAlliances.map((a: any) => [a.id, a.outcomes.edges.map((e: any) => e.node.id)]),
  ]);

describe("the co-construction neighbourhood in one round trip", () => {
  it("answers an actor's co-constructors with the outcomes of their shared alliances, as field by field", async () => {
    const { data, fast, slow } = await bothWays("(first: 100)", "(first: 20)", `${P}alpha`);
    expect(summary(data)).toEqual([
      [`${P}beta`, [[`${P}xylo`, [`${P}ox1`, `${P}ox2`]], [`${P}yak`, [`${P}oy1`]]]],
      [`${P}gamma`, [[`${P}xylo`, [`${P}ox1`, `${P}ox2`]]]],
    ]);
    expect(data.actor.coConstructors.totalCount).toBe(2);
    // totalCount is a query of its own on both paths; the rest is 1 round trip instead of 3.
    expect(fast).toBe(2);
    expect(slow).toBe(4);
  });

  it("specialises the query to the criteria given (kinds, alliance filter, date) with the same answer", async () => {
    const { data, fast } = await bothWays(
      '(kinds: [COMPANY], filter: { kinds: [PHILANTHROPY] }, at: "2020-06-01")',
      "(first: 1)",
      `${P}alpha`,
    );
    expect(summary(data)).toEqual([[`${P}beta`, [[`${P}yak`, [`${P}oy1`]]]]]);
    expect(fast).toBe(2);
  });

  it("pages both lists, forward and backward, exactly as field by field", async () => {
    const forward = await bothWays("(first: 1)", "(first: 1)", `${P}alpha`);
    expect(summary(forward.data)).toEqual([[`${P}beta`, [[`${P}xylo`, [`${P}ox1`]], [`${P}yak`, [`${P}oy1`]]]]]);
    expect(forward.data.actor.coConstructors.pageInfo.hasNextPage).toBe(true);
    const after = forward.data.actor.coConstructors.pageInfo.endCursor;
    const next = await bothWays(`(first: 1, after: "${after}")`, "(first: 1)", `${P}alpha`);
    expect(summary(next.data)).toEqual([[`${P}gamma`, [[`${P}xylo`, [`${P}ox1`]]]]]);
    const backward = await bothWays("(last: 1)", "(last: 1)", `${P}alpha`);
    expect(summary(backward.data)).toEqual([[`${P}gamma`, [[`${P}xylo`, [`${P}ox2`]]]]]);
  });

  it("reaches distance 2 through `via`", async () => {
    const { data } = await bothWays("(depth: 2)", "", `${P}delta`);
    expect(data.actor.coConstructors.edges.map(({ node }: any) => [node.actor.id, node.distance, node.via.map((v: any) => v.id)])).toEqual([
      [`${P}gamma`, 1, []],
      [`${P}alpha`, 2, [`${P}gamma`]],
      [`${P}beta`, 2, [`${P}gamma`]],
    ]);
  });

  it("looks through fragments", async () => {
    const viaFragments = `query ($id: ID!) { actor(id: $id) { ...Near } }
      fragment Near on Actor { coConstructors { edges { node { ... on CoConstructor { actor { id } sharedAlliances { ...Made } } } } } }
      fragment Made on Alliance { id outcomes(first: 5) { edges { node { id } } } }`;
    const result = await suite.client.run(viaFragments, { id: `${P}alpha` });
    expect(result.roundTrips).toBe(1);
    expect(
      result.data.actor.coConstructors.edges.map(({ node }: any) => [node.actor.id, node.sharedAlliances.map((a: any) => [a.id, a.outcomes.edges.map((e: any) => e.node.id)])]),
    ).toEqual([
      [`${P}beta`, [[`${P}xylo`, [`${P}ox1`, `${P}ox2`]], [`${P}yak`, [`${P}oy1`]]]],
      [`${P}gamma`, [[`${P}xylo`, [`${P}ox1`, `${P}ox2`]]]],
    ]);
  });

  it("answers null for an unknown actor in that one round trip", async () => {
    const result = await suite.client.run(w1("", ""), { id: `${P}nobody` });
    expect(result.data).toEqual({ actor: null });
    expect(result.roundTrips).toBe(1);
  });

  it("stands aside for aliases with different arguments, and both still answer", async () => {
    const result = await suite.client.run(
      `query ($id: ID!) { actor(id: $id) {
        one: coConstructors(first: 1) { edges { node { actor { id } } } }
        all: coConstructors { edges { node { actor { id } } } }
      } }`,
      { id: `${P}alpha` },
    );
    expect(result.data.actor.one.edges.map((e: any) => e.node.actor.id)).toEqual([`${P}beta`]);
    expect(result.data.actor.all.edges.map((e: any) => e.node.actor.id)).toEqual([`${P}beta`, `${P}gamma`]);
    expect(result.roundTrips).toBe(2); // the actor, then both pages in one batch
  });

  it("gives co-constructors every Actor field the operation asks, when an alias reads the same primed page with another selection", async () => {
    // Both aliases have the same key: the second reads the page the first one's prefetch primed.
    const query = (include: string) => `query ($id: ID!) {
      a: actor(id: $id) { coConstructors ${include} { edges { node { actor { id name } } } } }
      b: actor(id: $id) { coConstructors ${include} { edges { node { actor { ...Details } via { id } } } } }
    }
    fragment Details on Actor { id kind siren basedIn { id } }`;
    const fast = await suite.client.run(query(""), { id: `${P}alpha` });
    const slow = await suite.client.run(query("@include(if: true)"), { id: `${P}alpha` });
    expect(fast.errors).toBeUndefined();
    expect(fast.data).toEqual(slow.data);
    expect(fast.data.b.coConstructors.edges.map(({ node }: any) => node.actor)).toEqual([
      { id: `${P}beta`, kind: "COMPANY", siren: "732829320", basedIn: { id: "COMMUNE:94080" } },
      { id: `${P}gamma`, kind: "LOCAL_AUTHORITY", siren: null, basedIn: { id: "COMMUNE:75056" } },
    ]);
    expect(fast.data.a.coConstructors.edges.map(({ node }: any) => node.actor.name)).toEqual(["Beta Entreprise", "Gamma Collectivité"]);
  });

  it("leaves argument errors to the resolvers: a page too large is refused, naming the argument", async () => {
    const result = await suite.client.run(w1("(first: 101)", ""), { id: `${P}alpha` });
    expect(result.errors?.[0].extensions.code).toBe("BAD_USER_INPUT");
    expect(JSON.stringify(result.errors)).toContain("first");
  });
});
