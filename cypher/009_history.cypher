// History (issue 16): the change log, its clock and named releases. See README "History and reproducibility".
// The clock orders every write to a versioned entity. The first logged write creates it (src/history/change-log.cypher.ts:
// startedAt, when history began); a backup carries it, so a restored graph's log goes on from its own seq.
CREATE CONSTRAINT history_clock_id IF NOT EXISTS FOR (n:HistoryClock) REQUIRE n.id IS UNIQUE;
// One Change per entity a write changed: by seq (the log's order), by entity (an entity's history, state at a seq), by instant.
CREATE INDEX change_seq IF NOT EXISTS FOR (n:Change) ON (n.seq);
CREATE INDEX change_entity IF NOT EXISTS FOR (n:Change) ON (n.entityId, n.seq);
CREATE INDEX change_at IF NOT EXISTS FOR (n:Change) ON (n.at);
CREATE CONSTRAINT release_name IF NOT EXISTS FOR (n:Release) REQUIRE n.name IS UNIQUE;
