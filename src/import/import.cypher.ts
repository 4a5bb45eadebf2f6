import { Label } from "../neo4j/graph-model";
import { StoredLink, storedLinks } from "../entity/stored";
import { ENTITIES, Entity, SPECS } from "./entities";

/**
 * The batched upserts, the only writers of these entities (imports, mutations as batches of
 * one, the seed): each query takes `$rows` (one map per row, built by import.params.ts) and
 * writes them with UNWIND, with the links the input's fields declare. Links are
 * synchronised, not deleted and re-created, and `updatedAt` moves only when a property
 * or a link changes, so writing the same rows twice changes nothing.
 * Each returns one row: how many nodes it created, changed and left unchanged.
 */

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

/** Makes n's links exactly to the nodes listed in row[param]: drops the others, merges the listed. */
const SYNC_LINKS = (link: StoredLink) => `CALL (n, row) {
  OPTIONAL MATCH ${ALONG(link, "gone", "old")} WHERE NOT gone.${link.keyProperty} IN row.${link.param}
  DELETE old
}
CALL (n, row) {
  UNWIND row.${link.param} AS key
  MATCH (linked:${link.target} {${link.keyProperty}: key})
  MERGE ${ALONG(link, "linked", "", true)}
}`;

/** The batched upsert of `label` nodes by `row.id`, with their links. */
function upsert(label: Label, links: StoredLink[]): string {
  const changes = [PROPS_DIFFER, ...links.map(LINKS_DIFFER)].join("\n    OR ");
  return `UNWIND $rows AS row
MERGE (n:${label} {id: row.id})
ON CREATE SET n.createdAt = datetime()
WITH n, row, n.updatedAt IS NULL AS created,
  (n.updatedAt IS NULL
    OR ${changes}) AS changed
SET n += row.props
SET n.updatedAt = CASE WHEN changed THEN datetime() ELSE n.updatedAt END
WITH n, row, created, changed
${links.map(SYNC_LINKS).join("\n")}
RETURN sum(CASE WHEN created THEN 1 ELSE 0 END) AS created,
  sum(CASE WHEN changed AND NOT created THEN 1 ELSE 0 END) AS updated,
  sum(CASE WHEN changed THEN 0 ELSE 1 END) AS unchanged`;
}

export const UPSERT_BY_ENTITY = Object.fromEntries(
  ENTITIES.map((entity) => [entity, upsert(SPECS[entity].label, storedLinks(SPECS[entity].input))]),
) as Record<Entity, string>;
