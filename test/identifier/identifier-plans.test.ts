import { Connection } from "../../src/neo4j/connect";
import { ACTOR_BY_IDENTIFIER, ACTORS } from "../../src/actor/actor.cypher";
import { SEARCH } from "../../src/search/search.cypher";
import { IDENTIFIER_SCHEMES } from "../../src/identifier/schemes";
import { shapeOf } from "../../src/scope/shape";
import { SearchKind } from "../../src/search/search.type";
import { openTestDatabase } from "../support/database";
import { BACKGROUND_PREFIX } from "../support/background";

// Every identifier lookup reads an index, never every actor: PROFILE on the test database, which
// holds the generated 3,000-actor graph (bg-…), whose actors carry identifiers of every scheme but RNA's in plenty.
let connection: Connection;
beforeAll(async () => {
  connection = await openTestDatabase();
});
afterAll(() => connection.close());

interface Profiled {
  operators: string[];
  dbHits: number;
  rows: number;
}

async function profile(query: string, params: Record<string, unknown>): Promise<Profiled> {
  const session = connection.driver.session({ defaultAccessMode: "READ" });
  try {
    const result = await session.run(`PROFILE ${query}`, params);
    const operators: string[] = [];
    let dbHits = 0;
    const walk = (plan: any) => {
      operators.push(String(plan.operatorType).replace(/@.*$/, ""));
      dbHits += Number(plan.dbHits ?? 0);
      plan.children.forEach(walk);
    };
    walk(result.summary.profile);
    return { operators, dbHits, rows: result.records.length };
  } finally {
    await session.close();
  }
}

const SCANS_ALL = ["NodeByLabelScan", "AllNodesScan"];
const ACTOR_COUNT = `MATCH (a:Actor) RETURN count(a) AS n`;

/** A value of each scheme some bg- actor holds (RNA: an association of the generated graph). */
async function heldValues(): Promise<Record<string, string>> {
  const values: Record<string, string> = {};
  for (const { property } of IDENTIFIER_SCHEMES) {
    const [row] = await connection.executor.read(
      `MATCH (a:Actor) WHERE a.id STARTS WITH $prefix AND a.${property} IS NOT NULL RETURN a.${property} AS value ORDER BY a.id LIMIT 1`,
      { prefix: BACKGROUND_PREFIX },
    );
    if (row) values[property] = row.value;
  }
  return values;
}

describe("identifier lookups read an index", () => {
  it("the generated graph holds identifiers of every scheme but the website", async () => {
    expect(Object.keys(await heldValues()).sort()).toEqual(["inseeCog", "rna", "ror", "siren", "siret", "uai", "wikidata"]);
  });

  it("actor(identifier:): one index seek per scheme, a few dozen db hits at most", async () => {
    const actors = Number((await connection.executor.read(ACTOR_COUNT))[0].n);
    expect(actors).toBeGreaterThanOrEqual(3000);
    const values: Record<string, string> = { ...(await heldValues()), website: "https://example.org/nobody" };
    for (const { property } of IDENTIFIER_SCHEMES) {
      const run = await profile(ACTOR_BY_IDENTIFIER(property), { value: values[property] });
      expect({ property, seek: run.operators.some((op) => /^Node(Unique)?IndexSeek$/.test(op)) }).toEqual({ property, seek: true });
      expect({ property, scans: run.operators.filter((op) => SCANS_ALL.includes(op)) }).toEqual({ property, scans: [] });
      expect(run.dbHits).toBeLessThan(40); // the seek and the actor's fields (15–20 on the bg- graph), not a scan of thousands
    }
  });

  it("the actors filter: a seek for a value, an index scan of the holders for a scheme alone", async () => {
    const values = await heldValues();
    for (const { property } of IDENTIFIER_SCHEMES) {
      for (const filter of [
        { kinds: null, territoryId: null, sdgs: null, namePrefix: null, identifierValue: values[property] ?? "x", identifierHeld: null },
        { kinds: null, territoryId: null, sdgs: null, namePrefix: null, identifierValue: null, identifierHeld: true },
      ]) {
        const params = { filter, at: null, identifierProperty: property };
        const spec = ACTORS("NAME", shapeOf(params), property);
        const run = await profile(`${spec.body} RETURN x.id`, params);
        expect({ property, filter, scans: run.operators.filter((op) => SCANS_ALL.includes(op)) }).toEqual({ property, filter, scans: [] });
        const [{ n }] = await connection.executor.read(
          `MATCH (a:Actor) WHERE ${filter.identifierValue ? `a.${property} = $value` : `a.${property} IS NOT NULL`} RETURN count(a) AS n`,
          { value: filter.identifierValue },
        );
        expect({ property, rows: run.rows }).toEqual({ property, rows: Number(n) });
      }
    }
  });

  it("search by an identifier: a seek beside the full-text indexes", async () => {
    const values = await heldValues();
    const run = await profile(`${SEARCH(["siren"], true).body} RETURN x.node.id`, {
      query: `"${values.siren}"`, identifiers: { siren: values.siren }, kinds: Object.values(SearchKind),
    });
    expect(run.operators.filter((op) => SCANS_ALL.includes(op))).toEqual([]);
    expect(run.operators).toContain("NodeUniqueIndexSeek");
    expect(run.rows).toBe(1);
  });
});
