import { importRows } from "../../src/import/importer";
import { documentRows } from "../../src/import/read-json";
import { sirenFrom } from "../../src/generate/names";
import { MAX_BLOCK, NAME_STOP_WORDS } from "../../src/duplicate/match-keys";
import { deleteByPrefix, useGraphQLClient } from "../support/database";

// Likely duplicates on known actors (prefix dc-), then on the generated bg- graph against an independent computation.
const P = "dc-";
afterAll(() => deleteByPrefix(db.connection, P)); // before the connection closes (hooks run in order)
const db = useGraphQLClient();
const SIREN = sirenFrom("55203253");

const CANDIDATES = `query ($territory: String, $minScore: Float, $after: String) {
  duplicateCandidates(territory: $territory, minScore: $minScore, first: 100, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { a { id } b { id } score reasons { field value territoryId weight } } }
  }
}`;

type Pair = { a: { id: string }; b: { id: string }; score: number; reasons: object[] };

/** Every candidate (all pages) for these arguments. */
async function allCandidates(variables: Record<string, unknown>): Promise<Pair[]> {
  const pairs: Pair[] = [];
  for (let after: string | null = null; ; ) {
    const { duplicateCandidates: page } = await db.client.data(CANDIDATES, { ...variables, after });
    pairs.push(...page.edges.map((edge: { node: Pair }) => edge.node));
    if (!page.pageInfo.hasNextPage) return pairs;
    after = page.pageInfo.endCursor;
  }
}

const source = { id: `${P}s`, title: "Étude doublons", kind: "STUDY" };
const actor = (id: string, name: string, basedIn: string, extra: object = {}) => ({ id: `${P}${id}`, name, kind: "ASSOCIATION", basedIn, sourceIds: [source.id], ...extra });

beforeAll(async () => {
  await deleteByPrefix(db.connection, P);
  const doc = {
    sources: [source],
    actors: [
      actor("a", "Association Les Amis de Créteil", "94028", { website: "https://www.amis-creteil.fr/" }),
      actor("b", "AMIS DE CRETEIL", "94028", { website: "http://amis-creteil.fr" }),
      actor("c", "Amis de Créteil", "94080"), // same name, another commune: no pair with a or b
      actor("d", "Delta SAS", "94080", { kind: "COMPANY", siren: SIREN }),
      actor("e", "Delta Services", "94028", { kind: "COMPANY" }),
    ],
  };
  const { rejected } = await importRows(db.connection.executor, documentRows("dc.json", doc));
  expect(rejected).toEqual([]);
  // SIRET is the identifier part's field (not in ActorInput on this branch): set as the write path will store it.
  await db.connection.executor.write((tx) => tx.run(`MATCH (a:Actor {id: $id}) SET a.siret = $siret`, { id: `${P}e`, siret: `${SIREN}00013` }));
});

const ours = (pairs: Pair[]) => pairs.filter((pair) => pair.a.id.startsWith(P) || pair.b.id.startsWith(P));

describe("duplicateCandidates", () => {
  it("pairs a shared SIREN (a SIRET's first nine digits) and a shared website with the same folded name in the same commune", async () => {
    expect(ours(await allCandidates({ territory: "DEPARTEMENT:94" }))).toEqual([
      { a: { id: `${P}d` }, b: { id: `${P}e` }, score: 1, reasons: [{ field: "siren", value: SIREN, territoryId: null, weight: 1 }] },
      {
        a: { id: `${P}a` },
        b: { id: `${P}b` },
        score: 0.94,
        reasons: [
          { field: "website", value: "amis-creteil.fr", territoryId: null, weight: 0.8 },
          { field: "name", value: "amis creteil", territoryId: "COMMUNE:94028", weight: 0.7 },
        ],
      },
    ]);
  });

  it("keeps only pairs scoring at least minScore", async () => {
    expect(ours(await allCandidates({ territory: "DEPARTEMENT:94", minScore: 0.95 })).map((pair) => [pair.a.id, pair.b.id])).toEqual([[`${P}d`, `${P}e`]]);
  });

  it("refuses a score out of 0–1, naming the argument", async () => {
    const { errors } = await db.client.run(CANDIDATES, { minScore: 1.5 });
    expect(errors?.[0].extensions.code).toBe("BAD_USER_INPUT");
    expect(errors?.[0].message).toMatch(/minScore/);
  });
});

// The name key as documented, computed apart: accents and case folded, split on anything not a letter or digit, stop words out.
const folded = (name: string) =>
  name.normalize("NFD").replace(/\p{Diacritic}/gu, "").replace(/œ/g, "oe").replace(/æ/g, "ae").toLowerCase()
    .split(/[^a-z0-9]+/).filter((word) => word !== "" && !NAME_STOP_WORDS.includes(word)).join(" ");

describe("duplicateCandidates on the generated bg- graph", () => {
  it("finds exactly the pairs an independent query finds (same identifier, or same folded name in the same base)", async () => {
    const actors = await db.connection.executor.read(
      `MATCH (a:Actor) WHERE a.id STARTS WITH 'bg-'
       RETURN a.id AS id, a.name AS name, a.siren AS siren, a.rna AS rna, a.website AS website, [(a)-[:BASED_IN]->(t) | t.id][0] AS base`,
    );
    const blocks = new Map<string, string[]>();
    for (const a of actors) {
      const keys = [
        ...(["siren", "rna", "website"] as const).filter((p) => a[p] != null).map((p) => `${p}|${a[p]}`),
        ...(a.base && folded(a.name) ? [`name|${a.base}|${folded(a.name)}`] : []),
      ];
      for (const key of keys) blocks.set(key, [...(blocks.get(key) ?? []), a.id]);
    }
    const expected = new Set<string>();
    for (const ids of blocks.values()) {
      if (ids.length < 2 || ids.length > MAX_BLOCK) continue;
      for (const x of ids) for (const y of ids) if (x < y) expected.add(`${x} ${y}`);
    }
    const found = (await allCandidates({})).filter((pair) => pair.a.id.startsWith("bg-") && pair.b.id.startsWith("bg-"));
    expect(found.length).toBeGreaterThan(1000);
    expect(new Set(found.map((pair) => `${pair.a.id} ${pair.b.id}`))).toEqual(expected);
    expect(found.length).toBe(expected.size);
  });
});
