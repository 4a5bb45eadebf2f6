// Full-text search over names and descriptions; 'standard-folding' folds accents and case,
// so "collectivite" finds "collectivité" and "Creteil" finds "Créteil".
CREATE FULLTEXT INDEX actor_alliance_text IF NOT EXISTS FOR (n:Actor|Alliance) ON EACH [n.name, n.description] OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-folding' } };
CREATE FULLTEXT INDEX outcome_text IF NOT EXISTS FOR (n:Outcome) ON EACH [n.title, n.description] OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-folding' } };
CREATE FULLTEXT INDEX territory_text IF NOT EXISTS FOR (n:Territory) ON EACH [n.name] OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-folding' } };
