// Uniqueness constraints: one node per external id, and no two actors sharing a SIREN or RNA.
CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (n:Actor) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT actor_siren IF NOT EXISTS FOR (n:Actor) REQUIRE n.siren IS UNIQUE;
CREATE CONSTRAINT actor_rna IF NOT EXISTS FOR (n:Actor) REQUIRE n.rna IS UNIQUE;
CREATE CONSTRAINT alliance_id IF NOT EXISTS FOR (n:Alliance) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT membership_id IF NOT EXISTS FOR (n:Membership) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT outcome_id IF NOT EXISTS FOR (n:Outcome) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE;
// Territory ids are "<LEVEL>:<INSEE code>": a region and a département can share a code (11).
CREATE CONSTRAINT territory_id IF NOT EXISTS FOR (n:Territory) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT sdg_number IF NOT EXISTS FOR (n:SDG) REQUIRE n.number IS UNIQUE;
CREATE CONSTRAINT sdg_target_code IF NOT EXISTS FOR (n:SDGTarget) REQUIRE n.code IS UNIQUE;
