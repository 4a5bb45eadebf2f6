// Range indexes behind actor(identifier:), the actors filter's identifier criterion and search by identifier
// (src/identifier/schemes.ts). siren and rna already have theirs: the uniqueness constraints of 001.
CREATE INDEX actor_siret IF NOT EXISTS FOR (n:Actor) ON (n.siret);
CREATE INDEX actor_ror IF NOT EXISTS FOR (n:Actor) ON (n.ror);
CREATE INDEX actor_uai IF NOT EXISTS FOR (n:Actor) ON (n.uai);
CREATE INDEX actor_wikidata IF NOT EXISTS FOR (n:Actor) ON (n.wikidata);
CREATE INDEX actor_insee_cog IF NOT EXISTS FOR (n:Actor) ON (n.inseeCog);
CREATE INDEX actor_website IF NOT EXISTS FOR (n:Actor) ON (n.website);
