import { Label, Rel } from "../neo4j/graph-model";
import { NODE_PROPS } from "../neo4j/projection";

const { Membership } = Label;
const { HAS_MEMBERSHIP, IN_ALLIANCE } = Rel;

/** A membership node `m` as the API maps it, with its actor and alliance ids. */
export const MEMBERSHIP_MAP = (m: string) =>
  `${m} {${NODE_PROPS}, actorId: head([(${m})<-[:${HAS_MEMBERSHIP}]-(ms_actor) | ms_actor.id]), allianceId: head([(${m})-[:${IN_ALLIANCE}]->(ms_alliance) | ms_alliance.id])}`;

// Memberships by id, in key order.
export const MEMBERSHIPS_BY_ID = `UNWIND range(0, size($keys) - 1) AS i
MATCH (m:${Membership} {id: $keys[i]})
RETURN i, ${MEMBERSHIP_MAP("m")} AS value`;


export const DELETE_MEMBERSHIP = `MATCH (m:${Membership} {id: $id}) DETACH DELETE m RETURN count(*) AS deleted`;
