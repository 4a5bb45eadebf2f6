import { ConnectionArgs } from "../common/connection";
import { Label } from "../neo4j/graph-model";
import { pagedList } from "../neo4j/paged-relation";
import { ListSpec } from "../neo4j/paging";
import { NODE_PROPS } from "../neo4j/projection";

// All sources, by title.
const SOURCES: ListSpec = { body: `MATCH (x:${Label.Source})`, sortKey: "[toLower(x.title), x.id]", project: `x {${NODE_PROPS}}` };

/** `sources`, by title, declared once (see neo4j/paged-relation.ts). */
export const SOURCE_PAGE = pagedList({ name: "sources", order: "TITLE", params: (_args: ConnectionArgs) => ({}), spec: () => SOURCES });
