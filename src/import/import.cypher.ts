import { Label } from "../neo4j/graph-model";
import { StoredLink } from "../entity/stored";
import { ENTITIES, Entity, SPECS } from "./entities";
import { propertyNames } from "./import.params";

/**
 * The batched upserts, the only writers of these entities (imports, mutations as batches of
 * one, the seed). Each statement takes `$rows` (one map per row, built by import.params.ts,
 * ids distinct) and runs in the batch's write transaction:
 * - `existing` finds which rows are stored (by id: the rows themselves are sent once, to the
 *   statement that needs them), and `changes` which of those differ (a property or a link);
 * - `create` writes the new rows' nodes and creates their links (a new node has none, and
 *   MERGE would walk every relationship of a non-dense target to find that out);
 * - `update` rewrites the changed stored rows: their properties (`updatedAt` moves only for
 *   them), and per link drops the links a row no longer lists and merges the listed ones.
 * Writing the same rows twice so writes nothing. The statements are split, and set each property
 * by name, so that no write precedes a read of the same statement: no Eager operator (a
 * whole-batch buffer) in the plans a bulk import runs; `update` keeps them (it deletes what
 * it reads), as it only runs for changed rows: one round trip for a mutation's update.
 */
export interface Upsert {
  /** Which of $ids are stored. */
  existing: string;
  changes: string;
  /** New rows: their nodes and links, in one statement. */
  create: string;
  /** Changed rows already stored: their nodes and links. */
  update: string;
}

/** Cypher boolean: some property in row.props differs from node n's (null = absent). */
const PROPS_DIFFER = `any(k IN keys(row.props) WHERE NOT coalesce(n[k] = row.props[k], n[k] IS NULL AND row.props[k] IS NULL))`;

/** The pattern from n along a link to `to` (labelled unless already bound), through relationship `r`. */
const ALONG = ({ rel, target, incoming }: StoredLink, to = "", r = "", bound = false) => {
  const other = bound ? `(${to})` : `(${to}:${target})`;
  return incoming ? `(n)<-[${r}:${rel}]-${other}` : `(n)-[${r}:${rel}]->${other}`;
};

/** Cypher boolean: n's links are not exactly to the nodes listed in row[param] (distinct keys). */
const LINKS_DIFFER = (link: StoredLink) =>
  `(size(row.${link.param}) <> COUNT { ${ALONG(link)} } OR any(key IN row.${link.param} WHERE NOT EXISTS { ${ALONG(link, "linked")} WHERE linked.${link.keyProperty} = key }))`;

/** The ids of the stored rows that differ from their node (`updatedAt` unset counts as a difference). */
function changes(label: Label, links: StoredLink[]): string {
  const differ = [PROPS_DIFFER, ...links.map(LINKS_DIFFER)].join("\n    OR ");
  return `UNWIND $rows AS row
MATCH (n:${label} {id: row.id})
WITH row, n
WHERE n.updatedAt IS NULL
    OR ${differ}
RETURN collect(row.id) AS changed`;
}

/** Writes the rows' nodes: every stored property by name (null removes it), `updatedAt` now. */
function nodes(label: Label, properties: string[]): string {
  const set = [...properties.map((p) => `n.${p} = row.props.${p}`), "n.updatedAt = datetime()"].join(",\n  ");
  return `UNWIND $rows AS row
MERGE (n:${label} {id: row.id})
ON CREATE SET n.createdAt = datetime()
SET ${set}`;
}

/** Writes new rows' nodes and creates each of their links. */
const create = (label: Label, properties: string[], links: StoredLink[]) =>
  [
    nodes(label, properties),
    ...(links.length > 0 ? ["WITH n, row"] : []),
    ...links.map((l) => `CALL (n, row) {
  UNWIND row.${l.param} AS key
  MATCH (linked:${l.target} {${l.keyProperty}: key})
  CREATE ${ALONG(l, "linked", "", true)}
}`),
  ].join("\n");

/** Makes n's links exactly to the nodes listed in row[param]: drops the others, merges the listed. */
const syncLinks = (link: StoredLink) => `CALL (n, row) {
  OPTIONAL MATCH ${ALONG(link, "gone", "old")} WHERE NOT gone.${link.keyProperty} IN row.${link.param}
  DELETE old
}
CALL (n, row) {
  UNWIND row.${link.param} AS key
  MATCH (linked:${link.target} {${link.keyProperty}: key})
  MERGE ${ALONG(link, "linked", "", true)}
}`;

/** Rewrites changed stored rows: nodes, then each link synchronised. */
const update = (label: Label, properties: string[], links: StoredLink[]) =>
  [nodes(label, properties), ...(links.length > 0 ? ["WITH n, row"] : []), ...links.map(syncLinks)].join("\n");

function upsert(entity: Entity): Upsert {
  const { label, links } = SPECS[entity];
  return {
    existing: `UNWIND $ids AS id MATCH (n:${label} {id: id}) RETURN collect(id) AS stored`,
    changes: changes(label, links),
    create: create(label, propertyNames(entity), links),
    update: update(label, propertyNames(entity), links),
  };
}

export const UPSERT_BY_ENTITY = Object.fromEntries(ENTITIES.map((entity) => [entity, upsert(entity)])) as Record<Entity, Upsert>;
