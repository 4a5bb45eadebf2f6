import { Label, Rel } from "../neo4j/graph-model";
import { replaceLinks } from "../neo4j/links";
import { NODE_PROPS } from "../neo4j/projection";

const { Actor, Alliance, Membership } = Label;
const { HAS_MEMBERSHIP, IN_ALLIANCE, CITES } = Rel;

/** A membership node `m` as the API maps it, with its actor and alliance ids. */
export const MEMBERSHIP_MAP = (m: string) =>
  `${m} {${NODE_PROPS}, actorId: head([(${m})<-[:${HAS_MEMBERSHIP}]-(ms_actor) | ms_actor.id]), allianceId: head([(${m})-[:${IN_ALLIANCE}]->(ms_alliance) | ms_alliance.id])}`;

// Memberships by id, in key order.
export const MEMBERSHIPS_BY_ID = `UNWIND range(0, size($keys) - 1) AS i
MATCH (m:${Membership} {id: $keys[i]})
RETURN i, ${MEMBERSHIP_MAP("m")} AS value`;

// Creates or updates the membership of $actorId in $allianceId (id "<allianceId>/<actorId>").
export const UPSERT_MEMBERSHIP = `MATCH (a:${Actor} {id: $actorId}), (al:${Alliance} {id: $allianceId})
MERGE (m:${Membership} {id: $id})
ON CREATE SET m.createdAt = datetime()
SET m += $props, m.updatedAt = datetime()
MERGE (a)-[:${HAS_MEMBERSHIP}]->(m)
MERGE (m)-[:${IN_ALLIANCE}]->(al)
WITH m
${replaceLinks("m", CITES, Label.Source, "sourceIds")}
RETURN ${MEMBERSHIP_MAP("m")} AS membership`;

// Changes fields of an existing membership.
export const PATCH_MEMBERSHIP = `MATCH (m:${Membership} {id: $id})
SET m += $props, m.updatedAt = datetime()
WITH m
${replaceLinks("m", CITES, Label.Source, "sourceIds")}
RETURN ${MEMBERSHIP_MAP("m")} AS membership`;

export const DELETE_MEMBERSHIP = `MATCH (m:${Membership} {id: $id}) DETACH DELETE m RETURN count(*) AS deleted`;
