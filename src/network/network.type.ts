import { Field, Float, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { MembershipRole } from "../common/enums";

export enum NetworkMode {
  PROJECTED = "PROJECTED",
  BIPARTITE = "BIPARTITE",
}

registerEnumType(NetworkMode, {
  name: "NetworkMode",
  valuesConfig: {
    PROJECTED: { description: "Actors only; one CO_CONSTRUCTS edge per pair sharing alliances, weight = how many" },
    BIPARTITE: { description: "Actors and the alliances crossed to reach them; MEMBER_OF edges actor → alliance" },
  },
});

/**
 * A node of a network. `id` is "actor:<id>" or "alliance:<id>" in both modes, so ids never
 * collide across types and a node keeps its id (and a client its position) when the mode changes.
 */
@ObjectType({ simpleResolvers: true, description: "A node, flat: vis-network takes it as is; see Network.graphology and Network.cytoscape" })
export class NetworkNode {
  @Field(() => ID, { description: '"actor:<actor id>" or "alliance:<alliance id>": unique across types, same in both modes' })
  id!: string;

  @Field(() => ID, { description: "The actor's or alliance's own id, for actor(id:) / alliance(id:)" })
  entityId!: string;

  @Field({ description: "Name of the actor or alliance" })
  label!: string;

  @Field({ description: '"Actor" or "Alliance"' })
  type!: "Actor" | "Alliance";

  @Field({ description: "ActorKind of an actor, AllianceKind of an alliance" })
  kind!: string;

  @Field(() => Boolean, { description: "Whether it is one of the seeds" })
  seed!: boolean;

  @Field(() => Int, { description: "Edges from the nearest seed (bipartite: actor → alliance → actor counts 2)" })
  distance!: number;

  @Field(() => Int, { description: "Neighbours within the returned graph" })
  degree!: number;

  @Field(() => Int, { description: "Sum of the weights of its edges within the returned graph" })
  weightedDegree!: number;

  @Field(() => Float, { description: "Initial position: concentric rings by distance (seeds innermost); run a force layout from it" })
  x!: number;

  @Field(() => Float)
  y!: number;
}

@ObjectType({ simpleResolvers: true, description: "An edge, flat: alias source/target as from/to for vis-network" })
export class NetworkEdge {
  @Field(() => ID, { description: 'CO_CONSTRUCTS: "<source>|<target>"; MEMBER_OF: "membership:<membership id>"' })
  id!: string;

  @Field(() => ID, { description: "Node id; for CO_CONSTRUCTS the smaller of the two (edges are undirected)" })
  source!: string;

  @Field(() => ID, { description: "Node id; the alliance for MEMBER_OF" })
  target!: string;

  @Field({ description: '"CO_CONSTRUCTS" (projected) or "MEMBER_OF" (bipartite)' })
  type!: "CO_CONSTRUCTS" | "MEMBER_OF";

  @Field(() => Int, { description: "CO_CONSTRUCTS: shared alliances in scope; MEMBER_OF: 1" })
  weight!: number;

  @Field(() => [ID], { nullable: true, description: "CO_CONSTRUCTS: ids of the shared alliances in scope, sorted" })
  alliances?: string[] | null;

  @Field(() => MembershipRole, { nullable: true, description: "MEMBER_OF: the actor's role in the alliance" })
  role?: MembershipRole | null;
}

/** A network around seed actors, capped; the JSON fields are resolved in network.resolver.ts. */
@ObjectType({ simpleResolvers: true, description: "A subgraph around seed actors, ready for sigma.js/graphology, Cytoscape.js or vis-network" })
export class Network {
  @Field(() => [NetworkNode], { description: "Seeds first, then by distance, then by degree, name and id" })
  nodes!: NetworkNode[];

  @Field(() => [NetworkEdge], { description: "Edges between returned nodes only, by id" })
  edges!: NetworkEdge[];

  @Field(() => Boolean, { description: "Whether nodes were dropped to respect maxNodes" })
  truncated!: boolean;

  @Field(() => Int)
  nodeCount!: number;

  @Field(() => Int)
  edgeCount!: number;

  @Field(() => Int, {
    nullable: true,
    description: "Nodes within `depth` of the seeds before the maxNodes cap (nodeCount when not truncated); null when exploring stopped early (depth 3, the nodes within one hop already over maxNodes)",
  })
  totalNodeCount!: number | null;

  @Field(() => Int, { nullable: true, description: "Edges between those nodes; null likewise" })
  totalEdgeCount!: number | null;
}
