import { Label } from "../neo4j/graph-model";
import { ListSpec } from "../neo4j/paging";
import { Shape, whereGiven } from "../scope/shape";

const { Change } = Label;

/** A Change node as the API maps it (its instant as epoch milliseconds: Neo4j's text has nanoseconds). */
const CHANGE_MAP = `x {.seq, .n, .who, .whoSha256, .how, .op, .entity, .entityId, .before, .after, .fields, atMs: x.at.epochMillis}`;

/** Newest first; within a write, in the order it logged them. */
const SORT_KEY = "[x.seq, -x.n]";

/**
 * `changes`: the log, filtered by the criteria given (each uses an index when it leads: entityId
 * → change_entity, since/until → change_at, none → change_seq).
 */
export const CHANGES = (shape: Shape): ListSpec => ({
  body: `MATCH (x:${Change}) WHERE ${whereGiven(shape, {
    entityId: "x.entityId = $entityId",
    entity: "x.entity = $entity",
    how: "x.how = $how",
    op: "x.op = $op",
    who: "x.who = $who",
    since: "x.at >= $since",
    until: "x.at < $until",
  })}`,
  sortKey: SORT_KEY,
  project: CHANGE_MAP,
});

/** An entity's `history`, for a batch of keys {id, entity} (neo4j/paging.ts batchPageQuery). */
export const HISTORY_OF: ListSpec = {
  body: `MATCH (x:${Change} {entityId: key.id}) WHERE x.entity = key.entity`,
  sortKey: SORT_KEY,
  project: CHANGE_MAP,
};
