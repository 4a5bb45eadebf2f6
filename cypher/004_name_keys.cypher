// Folded name keys (lower case, no accents): lists order by them and name prefixes use them.
CREATE INDEX actor_name_key IF NOT EXISTS FOR (n:Actor) ON (n.nameKey);
CREATE INDEX alliance_name_key IF NOT EXISTS FOR (n:Alliance) ON (n.nameKey);
CREATE INDEX territory_name_key IF NOT EXISTS FOR (n:Territory) ON (n.nameKey);
