import { Field, Float, Int, ObjectType, registerEnumType } from "type-graphql";
import { Actor } from "../actor/actor.type";
import { ConnectionOf } from "../common/connection";
import { MAX_CENTRALITY_ACTORS, MAX_EXACT_PATH_ACTORS, PATH_SAMPLE_SOURCES } from "./analytics.budget";
import { ScopeAnalysis } from "./analytics.graph";
import { ReasonKind } from "./analytics.recommend";

export enum ActorMetricOrder {
  DEGREE = "DEGREE",
  WEIGHTED_DEGREE = "WEIGHTED_DEGREE",
  BETWEENNESS = "BETWEENNESS",
  CLOSENESS = "CLOSENESS",
  PAGERANK = "PAGERANK",
}

registerEnumType(ActorMetricOrder, {
  name: "ActorMetricOrder",
  description: "Highest first; ties by name then id",
});

registerEnumType(ReasonKind, {
  name: "RecommendationReasonKind",
  valuesConfig: {
    SHARED_PARTNERS: { description: "Partners both co-construct with (1 per partner)" },
    ADAMIC_ADAR: { description: "Σ 1/ln(degree) over shared partners: a partner with few ties says more" },
    SAME_TERRITORY: { description: "Both based in the same département (0.5)" },
    COMPLEMENTARY_KIND: { description: "A kind not yet among its partners (0.5), +0.25 across sectors" },
    SHARED_SDGS: { description: "SDGs both pursue through alliances in scope (0.25 each)" },
  },
});

/** One actor's place in the scope's network; metrics are read from the (cached) analysis on demand. */
@ObjectType({ simpleResolvers: true, description: "An actor's centrality in the scope's co-construction network" })
export class ActorMetrics {
  constructor(
    private readonly analysis: ScopeAnalysis,
    private readonly node: string,
  ) {}

  @Field(() => Actor)
  get actor(): Actor {
    return this.analysis.graph.getNodeAttribute(this.node, "record").actor;
  }

  @Field(() => Int, { description: "Co-constructors in scope" })
  get degree(): number {
    return this.analysis.graph.degree(this.node);
  }

  @Field(() => Int, { description: "Shared alliances in scope, summed over its co-constructors" })
  get weightedDegree(): number {
    return this.analysis.weightedDegree(this.node);
  }

  @Field(() => Float, {
    nullable: true,
    description: `Share of shortest paths between other actors through it (hops; normalised by (n-1)(n-2)/2); null above ${MAX_CENTRALITY_ACTORS} actors`,
  })
  get betweenness(): number | null {
    return this.analysis.betweenness?.[this.node] ?? null;
  }

  @Field(() => Float, {
    nullable: true,
    description: `Closeness (Wasserman–Faust: reachable/Σ hops × reachable/(n-1)); 0 when isolated; null above ${MAX_CENTRALITY_ACTORS} actors`,
  })
  get closeness(): number | null {
    return this.analysis.closeness?.[this.node] ?? null;
  }

  @Field(() => Float, { description: "PageRank weighted by shared alliances (damping 0.85); sums to 1 over the scope" })
  get pageRank(): number {
    return this.analysis.pageRank[this.node];
  }

  @Field(() => Int, { description: "Its community (Community.id)" })
  get community(): number {
    return this.analysis.communities.of[this.node];
  }
}

@ObjectType({ simpleResolvers: true, description: "A page of actors with their network metrics" })
export class ActorMetricsConnection extends ConnectionOf(ActorMetrics) {}

@ObjectType({ simpleResolvers: true, description: "A Louvain community: actors tied more among themselves than to the rest" })
export class Community {
  @Field(() => Int, { description: "0 for the largest, then by size and first member's name" })
  id!: number;

  @Field(() => Int, { description: "Actors in it" })
  size!: number;

  @Field(() => Int, { description: "Ties between its members" })
  internalTieCount!: number;

  @Field(() => Float, { description: "Internal ties over possible ones (0 for a single actor)" })
  density!: number;

  @Field(() => [ActorMetrics], { description: "Its best-connected members (by degree, then name), as many as `topMembers`" })
  topMembers!: ActorMetrics[];
}

/** The network analytics of a scope; `actors` and `communities` are resolved in analytics.resolver.ts. */
@ObjectType({ simpleResolvers: true, description: "Social-network analytics of the co-construction network of a scope (actors tied by shared alliances)" })
export class NetworkAnalytics {
  constructor(readonly analysis: ScopeAnalysis) {}

  @Field(() => Int, { description: "Actors with a membership in scope" })
  get actorCount(): number {
    return this.analysis.actorCount;
  }

  @Field(() => Int, { description: "Pairs of actors sharing at least one alliance in scope" })
  get tieCount(): number {
    return this.analysis.tieCount;
  }

  @Field(() => Float, { description: "Ties over possible ties, 2m/(n(n-1)); 0 with fewer than 2 actors" })
  get density(): number {
    return this.analysis.density;
  }

  @Field(() => Int, { description: "Connected components (an isolated actor is one)" })
  get componentCount(): number {
    return this.analysis.componentCount;
  }

  @Field(() => Float, {
    nullable: true,
    description: `Mean hops between connected actors; exact up to ${MAX_EXACT_PATH_ACTORS} actors, else from ${PATH_SAMPLE_SOURCES} seeded random sources; null without ties`,
  })
  get averagePathLength(): number | null {
    return this.analysis.averagePath.value;
  }

  @Field(() => Boolean, { description: "Whether averagePathLength is a sampled estimate" })
  get averagePathLengthSampled(): boolean {
    return this.analysis.averagePath.sampled;
  }

  @Field(() => Float, { nullable: true, description: "Modularity of the Louvain partition (weighted); null without ties" })
  get modularity(): number | null {
    return this.analysis.communities.modularity;
  }

  @Field(() => Int, { description: "Louvain communities (an isolated actor is its own)" })
  get communityCount(): number {
    return this.analysis.communities.list.length;
  }

  @Field(() => Boolean, {
    description: `Whether the scope has over ${MAX_CENTRALITY_ACTORS} actors, so betweenness and closeness were not computed (null)`,
  })
  get budgetExceeded(): boolean {
    return this.analysis.budgetExceeded;
  }
}

@ObjectType({ simpleResolvers: true, description: "One reason for a recommendation and what it adds to the score" })
export class RecommendationReason {
  @Field(() => ReasonKind)
  kind!: ReasonKind;

  @Field(() => Float)
  weight!: number;

  @Field({ description: 'Readable, e.g. "3 shared partners: A, B, C"' })
  detail!: string;
}

@ObjectType({ simpleResolvers: true, description: "An actor to ally with next: not yet a co-constructor in the scope" })
export class PartnerRecommendation {
  @Field(() => Actor)
  actor!: Actor;

  @Field(() => Float, { description: "Sum of the reasons' weights" })
  score!: number;

  @Field(() => [RecommendationReason])
  reasons!: RecommendationReason[];

  @Field(() => [Actor], { description: "Co-constructors of both, by name" })
  sharedPartners!: Actor[];
}
