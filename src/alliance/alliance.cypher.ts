import { Label, LIES_IN, Rel } from "../neo4j/graph-model";
import { relatedBatch } from "../neo4j/batch";
import { replaceLinks } from "../neo4j/links";

const { Actor, Alliance, Membership, Outcome, Territory, SDG } = Label;
const { HAS_MEMBERSHIP, IN_ALLIANCE, ACTS_IN, CONTRIBUTES_TO, PRODUCED, CITES } = Rel;

// Alliances matching optional kind, status, SDG and territory (acting in it or inside it), by name.
export const LIST_ALLIANCES = `OPTIONAL MATCH (t:${Territory} {id: $territoryId})
WITH t
MATCH (al:${Alliance})
WHERE ($kind IS NULL OR al.kind = $kind)
  AND ($status IS NULL OR al.status = $status)
  AND ($sdg IS NULL OR EXISTS { MATCH (al)-[:${CONTRIBUTES_TO}]->(:${SDG} {number: $sdg}) })
  AND ($territoryId IS NULL OR EXISTS { MATCH (al)-[:${ACTS_IN}]->(x:${Territory}) WHERE ${LIES_IN("x", "t")} })
RETURN al {.*} AS alliance
ORDER BY al.nameKey, al.id
LIMIT toInteger($first)`;

// For each key {id, first}: the alliance's memberships, leaders first, then by member name.
export const MEMBERS_OF_ALLIANCES = `UNWIND range(0, size($keys) - 1) AS i
WITH i, $keys[i] AS key
MATCH (al:${Alliance} {id: key.id})<-[:${IN_ALLIANCE}]-(m:${Membership})<-[:${HAS_MEMBERSHIP}]-(a:${Actor})
WITH i, key, al, m, a ORDER BY CASE m.role WHEN 'LEADER' THEN 0 ELSE 1 END, a.nameKey, a.id
WITH i, key, collect(m {.*, actorId: a.id, allianceId: al.id}) AS items
RETURN i, items[0..key.first] AS value`;

// For each key {id}: territories where the alliance acts, by name.
export const TERRITORIES_OF_ALLIANCES = relatedBatch({
  from: Alliance,
  pattern: `-[:${ACTS_IN}]->(x:${Territory})`,
  orderBy: "x.nameKey, x.id",
});

// For each key {id}: SDGs the alliance contributes to, by number.
export const SDGS_OF_ALLIANCES = relatedBatch({
  from: Alliance,
  pattern: `-[:${CONTRIBUTES_TO}]->(x:${SDG})`,
  orderBy: "x.number",
});

// For each key {id, first}: outcomes the alliance produced, by title.
export const OUTCOMES_OF_ALLIANCES = relatedBatch({
  from: Alliance,
  pattern: `-[:${PRODUCED}]->(x:${Outcome})`,
  orderBy: "x.title, x.id",
  project: "x {.*, allianceId: n.id}",
});

// Creates or updates alliance $id; null link lists keep the current links.
export const UPSERT_ALLIANCE = `MERGE (al:${Alliance} {id: $id})
ON CREATE SET al.createdAt = datetime()
SET al += $props, al.updatedAt = datetime()
WITH al
${replaceLinks("al", ACTS_IN, Territory, "territoryIds")}
${replaceLinks("al", CONTRIBUTES_TO, SDG, "sdgs", "number")}
${replaceLinks("al", CITES, Label.Source, "sourceIds")}
RETURN al {.*} AS alliance`;

export const ALLIANCE_EXISTS = `RETURN EXISTS { MATCH (:${Alliance} {id: $id}) } AS exists`;

// Deletes an alliance with its memberships and outcomes, which have no meaning without it.
export const DELETE_ALLIANCE = `MATCH (al:${Alliance} {id: $id})
OPTIONAL MATCH (al)<-[:${IN_ALLIANCE}]-(m:${Membership})
OPTIONAL MATCH (al)-[:${PRODUCED}]->(o:${Outcome})
DETACH DELETE m, o, al
RETURN count(*) AS deleted`;
