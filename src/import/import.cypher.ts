import { Label, Rel } from "../neo4j/graph-model";
import { Entity } from "./entities";

/**
 * Batched upserts: each query takes `$rows` (one map per row, built by import.params.ts)
 * and writes them with UNWIND, linking what the API's single-row upserts link
 * (actor.cypher.ts UPSERT_ACTOR, alliance.cypher.ts UPSERT_ALLIANCE, …). Links are
 * synchronised, not deleted and re-created, and `updatedAt` moves only when a property
 * or a link changes, so importing the same rows twice changes nothing.
 * Each returns one row: how many nodes it created, changed and left unchanged.
 */

const { Actor, Alliance, Membership, Outcome, Territory, SDG, Source, MaturityAssessment } = Label;
const { BASED_IN, HAS_MEMBERSHIP, IN_ALLIANCE, ACTS_IN, CONTRIBUTES_TO, PRODUCED, ADVANCES, BENEFITS, CITES, ASSESSES } = Rel;

interface Link {
  rel: Rel;
  target: Label;
  /** The row field listing the targets' keys. */
  field: string;
  keyProperty?: string;
}

const CITES_SOURCES: Link = { rel: CITES, target: Source, field: "sourceIds" };

/** Cypher boolean: some property in row.props differs from node n's (null = absent). */
const PROPS_DIFFER = `any(k IN keys(row.props) WHERE NOT coalesce(n[k] = row.props[k], n[k] IS NULL AND row.props[k] IS NULL))`;

/** Cypher boolean: n's `rel` links to `target` are not exactly the nodes listed in row[field] (distinct keys). */
const LINKS_DIFFER = ({ rel, target, field, keyProperty = "id" }: Link) =>
  `(size(row.${field}) <> COUNT { (n)-[:${rel}]->(:${target}) } OR any(key IN row.${field} WHERE NOT EXISTS { (n)-[:${rel}]->(:${target} {${keyProperty}: key}) }))`;

/** Makes n's `rel` links to `target` exactly the nodes listed in row[field]: drops the others, merges the listed. */
const SYNC_LINKS = ({ rel, target, field, keyProperty = "id" }: Link) => `CALL (n, row) {
  OPTIONAL MATCH (n)-[old:${rel}]->(gone:${target}) WHERE NOT gone.${keyProperty} IN row.${field}
  DELETE old
}
CALL (n, row) {
  UNWIND row.${field} AS key
  MATCH (linked:${target} {${keyProperty}: key})
  MERGE (n)-[:${rel}]->(linked)
}`;

/**
 * The batched upsert of `label` nodes by `row.id`: `match` binds what must exist first,
 * `extraChange` is any other condition that counts as a change, `attach` writes fixed links.
 */
function upsert(label: Label, links: Link[], options: { match?: string; carry?: string; extraChange?: string; attach?: string } = {}): string {
  const carry = options.carry ? `, ${options.carry}` : "";
  const changes = [PROPS_DIFFER, ...links.map(LINKS_DIFFER), ...(options.extraChange ? [options.extraChange] : [])].join("\n    OR ");
  return `UNWIND $rows AS row
${options.match ?? ""}
MERGE (n:${label} {id: row.id})
ON CREATE SET n.createdAt = datetime()
WITH n, row${carry}, n.updatedAt IS NULL AS created,
  (n.updatedAt IS NULL
    OR ${changes}) AS changed
SET n += row.props
SET n.updatedAt = CASE WHEN changed THEN datetime() ELSE n.updatedAt END
${options.attach ?? ""}
WITH n, row, created, changed
${links.map(SYNC_LINKS).join("\n")}
RETURN sum(CASE WHEN created THEN 1 ELSE 0 END) AS created,
  sum(CASE WHEN changed AND NOT created THEN 1 ELSE 0 END) AS updated,
  sum(CASE WHEN changed THEN 0 ELSE 1 END) AS unchanged`;
}

export const UPSERT_SOURCES = upsert(Source, []);

export const UPSERT_ACTORS = upsert(Actor, [{ rel: BASED_IN, target: Territory, field: "basedInIds" }, CITES_SOURCES]);

export const UPSERT_ALLIANCES = upsert(Alliance, [
  { rel: ACTS_IN, target: Territory, field: "territoryIds" },
  { rel: CONTRIBUTES_TO, target: SDG, field: "sdgs", keyProperty: "number" },
  CITES_SOURCES,
]);

// Membership ids are "<allianceId>/<actorId>", so the pair's links never move.
export const UPSERT_MEMBERSHIPS = upsert(Membership, [CITES_SOURCES], {
  match: `MATCH (a:${Actor} {id: row.actorId}), (al:${Alliance} {id: row.allianceId})`,
  carry: "a, al",
  attach: `MERGE (a)-[:${HAS_MEMBERSHIP}]->(n)
MERGE (n)-[:${IN_ALLIANCE}]->(al)`,
});

// An outcome moved to another alliance leaves the old one.
export const UPSERT_OUTCOMES = upsert(
  Outcome,
  [
    { rel: ADVANCES, target: SDG, field: "sdgs", keyProperty: "number" },
    { rel: BENEFITS, target: Territory, field: "territoryIds" },
    { rel: BENEFITS, target: Actor, field: "actorIds" },
    CITES_SOURCES,
  ],
  {
    match: `MATCH (al:${Alliance} {id: row.allianceId})`,
    carry: "al",
    extraChange: `NOT EXISTS { (al)-[:${PRODUCED}]->(n) }`,
    attach: `WITH n, row, al, created, changed
CALL (n, al) {
  OPTIONAL MATCH (n)<-[old:${PRODUCED}]-(other:${Alliance}) WHERE other <> al
  DELETE old
}
MERGE (al)-[:${PRODUCED}]->(n)`,
  },
);

// A maturity assessment assesses one actor or one territory (the other list is empty).
export const UPSERT_MATURITY = upsert(MaturityAssessment, [
  { rel: ASSESSES, target: Actor, field: "actorIds" },
  { rel: ASSESSES, target: Territory, field: "territoryIds" },
  CITES_SOURCES,
]);

export const UPSERT_BY_ENTITY: Record<Entity, string> = {
  sources: UPSERT_SOURCES,
  actors: UPSERT_ACTORS,
  alliances: UPSERT_ALLIANCES,
  memberships: UPSERT_MEMBERSHIPS,
  outcomes: UPSERT_OUTCOMES,
  maturityAssessments: UPSERT_MATURITY,
};
