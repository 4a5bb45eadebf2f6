// Range index behind the scope's endedFrom / endedTo criteria (alliance_start serves startedFrom / startedTo).
CREATE INDEX alliance_end IF NOT EXISTS FOR (n:Alliance) ON (n.endDate);
