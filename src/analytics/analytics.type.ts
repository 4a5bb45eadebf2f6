import { Field, Float, Int, ObjectType, registerEnumType } from "type-graphql";
import { Actor } from "../actor/actor.type";
import { ConnectionOf } from "../common/connection";
import { ANALYTICS_SEED, CENTRALITY_BUDGET, PAGERANK } from "./analytics.budget";
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

const { exactCentralityActors, sampleSources, exactPathActors, pathSampleSources } = CENTRALITY_BUDGET;
const ESTIMATED = `exact up to ${exactCentralityActors} actors, above estimated from sampled sources (see NetworkAnalytics.centralitySample)`;

/** One actor's place in the scope's network; metrics are read from the (cached) analysis, computed before. */
@ObjectType({ simpleResolvers: true, description: "An actor's centrality in the scope's co-construction network" })
export class ActorMetrics {
  constructor(
    private readonly analysis: ScopeAnalysis,
    readonly node: number,
    private readonly loadActor: (id: string) => Promise<Actor | null>,
  ) {}

  @Field(() => Actor)
  actor(): Promise<Actor | null> {
    return this.loadActor(this.analysis.graph.actors[this.node].id);
  }

  @Field(() => Int, { description: "Co-constructors in scope" })
  get degree(): number {
    return this.analysis.graph.degree(this.node);
  }

  @Field(() => Int, { description: "Shared alliances in scope, summed over its co-constructors" })
  get weightedDegree(): number {
    return this.analysis.graph.weightedDegree(this.node);
  }

  @Field(() => Float, {
    nullable: true,
    description: `Share of shortest paths between other actors through it (hops; normalised by (n-1)(n-2)/2); ${ESTIMATED}`,
  })
  get betweenness(): number | null {
    return this.analysis.metric("betweenness").values[this.node];
  }

  @Field(() => Float, {
    nullable: true,
    description: `Closeness (Wasserman–Faust: reachable/Σ hops × reachable/(n-1)); 0 when isolated; ${ESTIMATED}`,
  })
  get closeness(): number | null {
    return this.analysis.metric("closeness").values[this.node];
  }

  @Field(() => Float, { description: `PageRank weighted by shared alliances (damping ${PAGERANK.damping}); sums to 1 over the scope` })
  get pageRank(): number {
    return this.analysis.metric("pageRank").values[this.node];
  }

  @Field(() => Int, { description: "Its community (Community.id)" })
  get community(): number {
    return this.analysis.metric("communities").of[this.node];
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

@ObjectType({
  simpleResolvers: true,
  description: `How betweenness and closeness were computed: exactly (a breadth-first search from every actor) up to ${exactCentralityActors} actors; above, each connected component of more than ${sampleSources} actors is searched from ${sampleSources} seeded random sources of its own (the same every time), smaller ones from all their actors`,
})
export class CentralitySample {
  @Field(() => Boolean, { description: "Whether every actor was a source, so the values are exact" })
  exact!: boolean;

  @Field(() => Int, { description: "Breadth-first searches run (actorCount when exact)" })
  sources!: number;

  @Field(() => Int, { description: "Seed of the pseudo-random choice of sources" })
  seed!: number;

  @Field(() => Float, {
    description:
      "Largest standard error of one actor's betweenness estimate over the scope (same units as betweenness; 0 when exact): the sampled sources' spread of that actor's dependency, over √sources, scaled to its component",
  })
  betweennessStandardError!: number;

  @Field(() => Float, {
    description: "Largest standard error of one actor's closeness estimate (same units as closeness; 0 when exact), from the spread of its distances to the sampled sources",
  })
  closenessStandardError!: number;
}

@ObjectType({ simpleResolvers: true, description: "How PageRank's power iteration ended: it stops when an iteration changes the ranks by less than `tolerance` (L1), or after `maxIterations`" })
export class PageRankConvergence {
  @Field(() => Float, { description: "Damping factor" })
  damping!: number;

  @Field(() => Float, { description: "The L1 change under which iteration stops" })
  tolerance!: number;

  @Field(() => Int, { description: "Iterations run" })
  iterations!: number;

  @Field(() => Int, { description: "Iterations allowed" })
  maxIterations!: number;

  @Field(() => Float, { description: "L1 change of the last iteration (under `tolerance` when converged)" })
  residual!: number;

  @Field(() => Boolean, { description: "Whether `residual` fell under `tolerance`; when not, the ranks are the last iteration's" })
  converged!: boolean;
}

/** The network analytics of a scope; `actors` and `communities` are resolved in analytics.resolver.ts. */
@ObjectType({ simpleResolvers: true, description: "Social-network analytics of the co-construction network of a scope (actors tied by shared alliances)" })
export class NetworkAnalytics {
  constructor(
    readonly analysis: ScopeAnalysis,
    readonly loadActor: (id: string) => Promise<Actor | null>,
  ) {}

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
    return this.analysis.metric("components").count;
  }

  @Field(() => Float, {
    nullable: true,
    description: `Mean hops between connected actors; exact up to ${exactPathActors} actors, else from ${pathSampleSources} seeded random sources; null without ties`,
  })
  get averagePathLength(): number | null {
    return this.analysis.metric("averagePath").value;
  }

  @Field(() => Boolean, { description: "Whether averagePathLength is a sampled estimate" })
  get averagePathLengthSampled(): boolean {
    return this.analysis.metric("averagePath").sampled;
  }

  @Field(() => Float, { nullable: true, description: "Modularity of the Louvain partition (weighted); null without ties" })
  get modularity(): number | null {
    return this.analysis.metric("communities").modularity;
  }

  @Field(() => Int, { description: "Louvain communities (an isolated actor is its own)" })
  get communityCount(): number {
    return this.analysis.metric("communities").list.length;
  }

  @Field(() => Boolean, {
    description: `Whether the scope has over ${exactCentralityActors} actors, so betweenness and closeness are estimates from sampled sources`,
    deprecationReason: "Use centralitySample.exact",
  })
  get budgetExceeded(): boolean {
    return this.analysis.sampled;
  }

  @Field(() => CentralitySample, { description: "How betweenness and closeness were computed, and their estimated error" })
  get centralitySample(): CentralitySample {
    const [b, c] = [this.analysis.metric("betweenness").sample, this.analysis.metric("closeness").sample];
    return { exact: b.exact, sources: b.sources, seed: ANALYTICS_SEED, betweennessStandardError: b.standardError, closenessStandardError: c.standardError };
  }

  @Field(() => PageRankConvergence, { description: "How PageRank's iteration ended (it never fails: see converged)" })
  get pageRankConvergence(): PageRankConvergence {
    const { tolerance, iterations, residual, converged } = this.analysis.metric("pageRank");
    return { damping: PAGERANK.damping, maxIterations: PAGERANK.maxIterations, tolerance, iterations, residual, converged };
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
