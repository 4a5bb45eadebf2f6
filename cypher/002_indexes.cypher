// Range indexes behind the filters and lookups the API offers.
CREATE INDEX territory_code IF NOT EXISTS FOR (n:Territory) ON (n.code);
CREATE INDEX territory_level IF NOT EXISTS FOR (n:Territory) ON (n.level);
CREATE INDEX territory_siren IF NOT EXISTS FOR (n:Territory) ON (n.siren);
CREATE INDEX actor_kind IF NOT EXISTS FOR (n:Actor) ON (n.kind);
CREATE INDEX actor_name IF NOT EXISTS FOR (n:Actor) ON (n.name);
CREATE INDEX alliance_kind IF NOT EXISTS FOR (n:Alliance) ON (n.kind);
CREATE INDEX alliance_status IF NOT EXISTS FOR (n:Alliance) ON (n.status);
CREATE INDEX alliance_name IF NOT EXISTS FOR (n:Alliance) ON (n.name);
CREATE INDEX alliance_start IF NOT EXISTS FOR (n:Alliance) ON (n.startDate);
CREATE INDEX outcome_kind IF NOT EXISTS FOR (n:Outcome) ON (n.kind);
