import { Connection } from "../../src/neo4j/connect";
import { Label, Rel } from "../../src/neo4j/graph-model";
import { BACKGROUND_PREFIX, backgroundActors, DEFAULT_BACKGROUND_ACTORS } from "./background";
import { backgroundDocument } from "./background-import";
import { openTestDatabase } from "./database";

describe("backgroundActors", () => {
  it("reads MAILLAGE_TEST_BACKGROUND_ACTORS: a default when unset, none for 0, and refuses anything else", () => {
    expect(backgroundActors({})).toBe(DEFAULT_BACKGROUND_ACTORS);
    expect(backgroundActors({ MAILLAGE_TEST_BACKGROUND_ACTORS: " 1200 " })).toBe(1200);
    expect(backgroundActors({ MAILLAGE_TEST_BACKGROUND_ACTORS: "0" })).toBe(0);
    expect(() => backgroundActors({ MAILLAGE_TEST_BACKGROUND_ACTORS: "3k" })).toThrow(
      'MAILLAGE_TEST_BACKGROUND_ACTORS must be 0 or an integer of at least 2; got "3k"',
    );
  });
});

describe("the background graph", () => {
  let connection: Connection;
  beforeAll(async () => {
    connection = await openTestDatabase();
  });
  afterAll(() => connection.close());

  it("is in the test database, whole, while the tests run (global-setup.ts imported it)", async () => {
    const actors = backgroundActors();
    if (actors === 0) return; // MAILLAGE_TEST_BACKGROUND_ACTORS=0: asked for none, nothing to find
    const doc = await backgroundDocument(actors);
    const [row] = await connection.executor.read(
      `CALL () { MATCH (a:${Label.Actor}) WHERE a.id STARTS WITH $prefix RETURN count(a) AS actors }
       CALL () { MATCH (al:${Label.Alliance}) WHERE al.id STARTS WITH $prefix RETURN count(al) AS alliances }
       CALL () { MATCH (:${Label.Actor})-[:${Rel.HAS_MEMBERSHIP}]->(m:${Label.Membership})-[:${Rel.IN_ALLIANCE}]->(al:${Label.Alliance}) WHERE al.id STARTS WITH $prefix RETURN count(m) AS memberships }
       RETURN actors, alliances, memberships`,
      { prefix: BACKGROUND_PREFIX },
    );
    expect({ actors: Number(row.actors), alliances: Number(row.alliances), memberships: Number(row.memberships) }).toEqual({
      actors: doc.actors.length,
      alliances: doc.alliances.length,
      memberships: doc.memberships.length,
    });
  });
});
