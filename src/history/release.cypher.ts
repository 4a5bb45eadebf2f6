import { Label } from "../neo4j/graph-model";
import { ListSpec } from "../neo4j/paging";

const { Release } = Label;

/** A release node as the API has it (instants as ISO text, nanoseconds kept). */
const RELEASE_MAP = (r: string) => `${r} {.name, .seq, at: toString(${r}.at), .checksum, .createdBy, createdAt: toString(${r}.createdAt)}`;

// The release named $name, or no row.
export const RELEASE_BY_NAME = `MATCH (r:${Release} {name: $name}) RETURN ${RELEASE_MAP("r")} AS release`;

// Creates the release unless one has the name already (re-checked here: the checksum took time); `created` says which.
export const CREATE_RELEASE = `OPTIONAL MATCH (old:${Release} {name: $name})
FOREACH (_ IN CASE WHEN old IS NULL THEN [1] ELSE [] END |
  CREATE (:${Release} {name: $name, seq: $seq, at: datetime($at), checksum: $checksum, createdBy: $createdBy, createdAt: datetime.transaction()}))
WITH old
MATCH (r:${Release} {name: $name})
RETURN old IS NULL AS created, ${RELEASE_MAP("r")} AS release`;

/** Every release, newest first: by seq, then when it was made, then name (a cursor holds these three). */
export const RELEASES: ListSpec = {
  body: `MATCH (x:${Release})`,
  sortKey: "[x.seq, x.createdAt.epochMillis, x.name]",
  project: RELEASE_MAP("x"),
};
