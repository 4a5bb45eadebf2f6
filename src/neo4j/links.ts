import { Label, Rel } from "./graph-model";

/**
 * Cypher that replaces the outgoing `rel` links of node `n` with links to the nodes whose
 * `keyProperty` is in `$<param>`. A null parameter keeps the current links (patch semantics).
 * Used inside write queries, after `n` is bound:
 *
 *   ${replaceLinks("a", Rel.CITES, Label.Source, "sourceIds")}
 */
export function replaceLinks(n: string, rel: Rel, target: Label, param: string, keyProperty = "id"): string {
  return `CALL (${n}) {
  OPTIONAL MATCH (${n})-[old:${rel}]->(:${target}) WHERE $${param} IS NOT NULL
  DELETE old
}
CALL (${n}) {
  UNWIND coalesce($${param}, []) AS key
  MATCH (target:${target} {${keyProperty}: key})
  MERGE (${n})-[:${rel}]->(target)
}`;
}
