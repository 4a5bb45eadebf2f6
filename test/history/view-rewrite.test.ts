import { VERSIONED_LABELS } from "../../src/history/change-log.cypher";
import { rewriteForSlot, SlotRewriter, VERSIONED_RELS } from "../../src/history/view/view-rewrite";
import { slotSchema } from "../../src/history/view/view-schema";
import { Label, Rel } from "../../src/neo4j/graph-model";
import { MATCH_ALLIANCES } from "../../src/alliance/alliance-filter";

describe("rewriteForSlot", () => {
  it("prefixes versioned labels and relationship types in patterns, alternatives and label predicates", () => {
    expect(rewriteForSlot("MATCH (a:Actor)-[:HAS_MEMBERSHIP]->(m:Membership)-[:IN_ALLIANCE]->(x:Alliance) RETURN a", 2)).toBe(
      "MATCH (a:H2_Actor)-[:H2_HAS_MEMBERSHIP]->(m:H2_Membership)-[:H2_IN_ALLIANCE]->(x:H2_Alliance) RETURN a",
    );
    expect(rewriteForSlot("MATCH (o)-[:CITES|ADVANCES]->(x) WHERE x:Actor|Alliance AND NOT x:!Outcome RETURN o", 1)).toBe(
      "MATCH (o)-[:H1_CITES|H1_ADVANCES]->(x) WHERE x:H1_Actor|H1_Alliance AND NOT x:!H1_Outcome RETURN o",
    );
    expect(rewriteForSlot("MATCH (n)-[r: CITES]->(s: Source)", 3)).toBe("MATCH (n)-[r: H3_CITES]->(s: H3_Source)");
  });

  it("rewrites index hints, so a hint names the slot's own index", () => {
    expect(rewriteForSlot("MATCH (ma_member:Actor) USING INDEX ma_member:Actor(kind) WHERE ma_member.kind IN $kinds", 1)).toBe(
      "MATCH (ma_member:H1_Actor) USING INDEX ma_member:H1_Actor(kind) WHERE ma_member.kind IN $kinds",
    );
    // The hint the alliance filter really writes (src/alliance/alliance-filter.ts).
    const real = MATCH_ALLIANCES("al", "$filter", "$at", { filter: new Set(["memberKinds"]), at: false });
    expect(real).toContain(`USING INDEX ma_member:${Label.Actor}(kind)`);
    expect(rewriteForSlot(real, 1)).toContain("USING INDEX ma_member:H1_Actor(kind)");
    expect(rewriteForSlot(real, 1)).not.toMatch(/[:|]\s*(Actor|Membership|Alliance|HAS_MEMBERSHIP|IN_ALLIANCE)\b/);
  });

  it("leaves reference data, variables, property keys, map keys, longer names and string literals alone", () => {
    const text =
      "MATCH (actor:Territory)-[:PART_OF]->(:Territory)<-[:IN_EPCI]-(t) MATCH (:SDGTarget)-[:TARGET_OF]->(:SDG) " +
      "MATCH (alias:ActorAlias) WHERE n.Actor = 'x:Actor' AND m.name = \"a|Alliance\" RETURN {Actor: actor.id, Source: 1}, `Outcome`, actor, alliance";
    expect(rewriteForSlot(text, 1)).toBe(text);
  });

  it("prefixes ALIAS_OF (it touches an Actor) but not the ActorAlias label: a view resolves no alias", () => {
    expect(rewriteForSlot("MATCH (:ActorAlias {id: $id})-[:ALIAS_OF]->(k:Actor)", 1)).toBe("MATCH (:ActorAlias {id: $id})-[:H1_ALIAS_OF]->(k:H1_Actor)");
  });

  it("refuses full-text procedures rather than read live nodes", () => {
    expect(() => rewriteForSlot("CALL db.index.fulltext.queryNodes('actor_alliance_text', $q) YIELD node", 1)).toThrow(/full-text search reads the current graph only/);
  });

  it("derives its names from the enums: the six entities, every relationship but the three among reference nodes", () => {
    expect([...VERSIONED_LABELS].sort()).toEqual([Label.Actor, Label.Alliance, Label.MaturityAssessment, Label.Membership, Label.Outcome, Label.Source].sort());
    expect(Object.values(Rel).filter((rel) => !VERSIONED_RELS.includes(rel)).sort()).toEqual([Rel.IN_EPCI, Rel.PART_OF, Rel.TARGET_OF]);
  });

  it("caches rewritten texts per slot", () => {
    const rewriter = new SlotRewriter(4);
    const once = rewriter.rewrite("MATCH (a:Actor) RETURN a");
    expect(rewriter.rewrite("MATCH (a:Actor) RETURN a")).toBe(once);
    expect(once).toBe("MATCH (a:H4_Actor) RETURN a");
  });
});

describe("slotSchema", () => {
  it("gives a slot the migrations' range indexes and constraints on versioned labels, renamed, and no full-text index", () => {
    const statements = slotSchema(2);
    expect(statements).toContain("CREATE CONSTRAINT h2_actor_id IF NOT EXISTS FOR (n:H2_Actor) REQUIRE n.id IS UNIQUE");
    expect(statements).toContain("CREATE INDEX h2_actor_kind IF NOT EXISTS FOR (n:H2_Actor) ON (n.kind)");
    expect(statements).toContain("CREATE INDEX h2_alliance_name_key IF NOT EXISTS FOR (n:H2_Alliance) ON (n.nameKey)");
    expect(statements).toContain("CREATE CONSTRAINT h2_maturity_assessment_id IF NOT EXISTS FOR (n:H2_MaturityAssessment) REQUIRE n.id IS UNIQUE");
    expect(statements.some((s) => /FULLTEXT|Territory|HistoryClock|Change\)/.test(s))).toBe(false);
    expect(statements).toHaveLength(24);
  });
});
