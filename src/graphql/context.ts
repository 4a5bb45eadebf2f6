import { randomUUID } from "node:crypto";
import { Executor } from "../neo4j/executor";
import { ActorRepository } from "../actor/actor.repository";
import { AllianceRepository } from "../alliance/alliance.repository";
import { MembershipRepository } from "../membership/membership.repository";
import { OutcomeRepository } from "../outcome/outcome.repository";
import { SdgRepository } from "../sdg/sdg.repository";
import { SourceRepository } from "../source/source.repository";
import { TerritoryRepository } from "../territory/territory.repository";
import { PathRepository } from "../path/path.repository";
import { NetworkRepository } from "../network/network.repository";
import { StatisticsRepository } from "../statistics/statistics.repository";
import { MaturityRepository } from "../maturity/maturity.repository";
import { AnalyticsRepository } from "../analytics/analytics.repository";
import { MergeRepository } from "../duplicate/merge.repository";
import { bumpGraphGeneration } from "../analytics/generation";
import { createActorLoaders } from "../actor/actor.loaders";
import { createAllianceLoaders } from "../alliance/alliance.loaders";
import { createMembershipLoaders } from "../membership/membership.loaders";
import { createOutcomeLoaders } from "../outcome/outcome.loaders";
import { createSdgLoaders } from "../sdg/sdg.loaders";
import { createSourceLoaders } from "../source/source.loaders";
import { createTerritoryLoaders } from "../territory/territory.loaders";
import { createMaturityLoaders } from "../maturity/maturity.loaders";
import { PageLoaders } from "../neo4j/paging";
import { ANONYMOUS, Viewer } from "../auth/viewer";
import { IN_PROCESS, QuotaClient } from "../quota/quota-client";

/** What every resolver receives: repositories for root fields, loaders for relationship fields. */
export interface Context {
  /** Given to clients in errors and the x-request-id header, and in every log line of the request. */
  requestId: string;
  /** Who is asking (role and subject); `@Authorized` fields check it (see auth/auth-checker.ts). */
  viewer: Viewer;
  /** Whom the request's quotas count against (its credential's subject, else its IP). */
  client: QuotaClient;
  executor: Executor;
  repos: ReturnType<typeof createRepositories>;
  loaders: ReturnType<typeof createLoaders>;
}

function createRepositories(executor: Executor) {
  return {
    actors: new ActorRepository(executor),
    alliances: new AllianceRepository(executor),
    memberships: new MembershipRepository(executor),
    outcomes: new OutcomeRepository(executor),
    sdgs: new SdgRepository(executor),
    sources: new SourceRepository(executor),
    territories: new TerritoryRepository(executor),
    paths: new PathRepository(executor),
    network: new NetworkRepository(executor),
    statistics: new StatisticsRepository(executor),
    maturity: new MaturityRepository(executor),
    analytics: new AnalyticsRepository(executor),
    merges: new MergeRepository(executor),
  };
}

function createLoaders(repos: ReturnType<typeof createRepositories>, executor: Executor) {
  return {
    ...createActorLoaders(repos.actors),
    ...createAllianceLoaders(repos.alliances),
    ...createMembershipLoaders(repos.memberships),
    ...createOutcomeLoaders(repos.outcomes),
    ...createSdgLoaders(repos.sdgs),
    ...createSourceLoaders(repos.sources),
    ...createTerritoryLoaders(repos.territories),
    ...createMaturityLoaders(repos.maturity),
    pages: new PageLoaders(executor),
  };
}

/**
 * A fresh context per request: its own executor (so round trips are counted per
 * request) and its own loaders (so caching never leaks between requests). Anonymous
 * unless the caller passes the authenticated viewer.
 */
export function createContext(root: Executor, request: { requestId?: string; viewer?: Viewer; client?: QuotaClient } = {}): Context {
  root.onCommit(bumpGraphGeneration); // cached analytics of the old graph go stale on commit (a no-op once added)
  const viewer = request.viewer ?? ANONYMOUS;
  const executor = root.forRequest(viewer.caller); // the request's writes are the viewer's; an anonymous one has none
  const repos = createRepositories(executor);
  const client = request.client ?? IN_PROCESS;
  return { requestId: request.requestId ?? randomUUID(), viewer, client, executor, repos, loaders: createLoaders(repos, executor) };
}

/** Makes every resolver of the request read through `executor` (a recorded view: src/history/view/view.plugin.ts), before any runs. */
export function readThrough(context: Context, executor: Executor): void {
  context.executor = executor;
  context.repos = createRepositories(executor);
  context.loaders = createLoaders(context.repos, executor);
}
