import { ConnectionArgs } from "../common/connection";
import { Label } from "../neo4j/graph-model";
import { ListSpec, PagedList } from "../neo4j/paging";
import { NODE_PROPS } from "../neo4j/projection";

// All sources, by title.
const SOURCES: ListSpec = { body: `MATCH (x:${Label.Source})`, sortKey: "[toLower(x.title), x.id]", project: `x {${NODE_PROPS}}` };

/** `sources`, by title, declared once (see neo4j/paging.ts). */
export const SOURCE_PAGE = new PagedList({ name: "sources", order: "TITLE", params: (_args: ConnectionArgs) => ({}), spec: () => SOURCES });
