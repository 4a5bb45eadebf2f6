import { Label } from "../neo4j/graph-model";
import { INPUT_ROW } from "../entity/input-row";
import { ENTITIES, Entity, SPECS } from "../import/entities";

const { Change, HistoryClock } = Label;

/** The labels whose nodes have a history: the entities an import writes (Territory, SDG… are reference data). */
export const VERSIONED_LABELS: readonly Label[] = ENTITIES.map((entity) => SPECS[entity].label);
const VERSIONED = VERSIONED_LABELS.join("|");

/** The entity a versioned label holds. */
export const ENTITY_OF_LABEL = new Map<string, Entity>(ENTITIES.map((entity) => [SPECS[entity].label, entity]));

/**
 * Takes the history clock for this transaction: the next seq, and an instant never earlier than
 * the last one. Every write to a versioned entity takes it before reading what it changes, so
 * such writes run one at a time and seq follows commit order (Datomic's single transactor).
 * MERGE: a restore of an old backup may bring no clock; history then starts now.
 */
export const TAKE_CLOCK = `WITH datetime.realtime() AS now
MERGE (c:${HistoryClock} {id: 'clock'})
  ON CREATE SET c.seq = 0, c.startedAt = now, c.at = now
SET c.seq = c.seq + 1, c.at = CASE WHEN c.at IS NULL OR now > c.at THEN now ELSE c.at END
RETURN c.seq AS seq`;

/** The rows of `entity`'s nodes $ids as the JSON export writes them (INPUT_ROW), by id. */
export const ROWS_OF = (entity: Entity) => `UNWIND $ids AS id
MATCH (n:${SPECS[entity].label} {id: id})
RETURN n.id AS id, ${INPUT_ROW(SPECS[entity].input, "n")} AS row`;

/**
 * The versioned nodes whose rows a delete or merge of the `label` nodes $ids may change: the
 * roots, their versioned neighbours, and the neighbours of the memberships, outcomes and
 * assessments among those (what deleting an actor or an alliance deletes with it, and whose
 * links then go). A row lists only its own links, so nothing further can change.
 */
export const AROUND = (label: Label) => `UNWIND $ids AS id
MATCH (r:${label} {id: id})
OPTIONAL MATCH (r)--(x1:${VERSIONED})
OPTIONAL MATCH (x1)--(x2:${VERSIONED}) WHERE x1:${Label.Membership}|${Label.Outcome}|${Label.MaturityAssessment}
WITH collect(DISTINCT r) + collect(DISTINCT x1) + collect(DISTINCT x2) AS nodes
UNWIND nodes AS n
WITH DISTINCT n
RETURN [l IN labels(n) WHERE l IN $versioned][0] AS label, n.id AS id`;

/** Appends the transaction's changes: one Change node each, at the clock's instant. */
export const APPEND_CHANGES = `MATCH (c:${HistoryClock} {id: 'clock'})
UNWIND $changes AS change
CREATE (x:${Change})
SET x = change, x.seq = c.seq, x.at = c.at, x.who = $who, x.whoSha256 = $whoSha256`;
