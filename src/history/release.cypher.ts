import { Label } from "../neo4j/graph-model";
import { ListSpec } from "../neo4j/paging";

const { Change, Release } = Label;

/** A release node as the API has it (instants as ISO text, nanoseconds kept). */
const RELEASE_MAP = (r: string) => `${r} {.name, .seq, at: toString(${r}.at), .checksum, .createdBy, createdAt: toString(${r}.createdAt)}`;

// The release named $name, or no row.
export const RELEASE_BY_NAME = `MATCH (r:${Release} {name: $name}) RETURN ${RELEASE_MAP("r")} AS release`;

// Creates the release unless one has the name already (re-checked here: the checksum took time); `created` says which.
// Its instant is the clock's rounded up to the millisecond the API serves, so `asRecordedOn: at` reads seq again
// (the clock keeps finer digits), unless a later write fell inside that millisecond: then the exact instant.
export const CREATE_RELEASE = `WITH datetime($at) AS exact
WITH exact, datetime.truncate('millisecond', exact) AS floor
WITH exact, CASE WHEN floor = exact THEN exact ELSE floor + duration({milliseconds: 1}) END AS ceiling
WITH CASE WHEN EXISTS { MATCH (x:${Change}) WHERE x.seq > $seq AND x.at <= ceiling } THEN exact ELSE ceiling END AS at
OPTIONAL MATCH (old:${Release} {name: $name})
FOREACH (_ IN CASE WHEN old IS NULL THEN [1] ELSE [] END |
  CREATE (:${Release} {name: $name, seq: $seq, at: at, checksum: $checksum, createdBy: $createdBy, createdAt: datetime.transaction()}))
WITH old
MATCH (r:${Release} {name: $name})
RETURN old IS NULL AS created, ${RELEASE_MAP("r")} AS release`;

/** Every release, newest first: by seq, then when it was made, then name (a cursor holds these three). */
export const RELEASES: ListSpec = {
  body: `MATCH (x:${Release})`,
  sortKey: "[x.seq, x.createdAt.epochMillis, x.name]",
  project: RELEASE_MAP("x"),
};
