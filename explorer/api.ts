// The explorer's only door to the data: the public GraphQL API (POST /graphql, reads need no key).
import OPERATIONS from "./operations.graphql";

// Both pages (/explore/ and /explore/dashboard/) live under <prefix>/explore/, the API at <prefix>/graphql.
const ENDPOINT = location.pathname.includes("/explore/") ? location.pathname.replace(/\/explore\/.*$/, "/graphql") : "/graphql";

/** A GraphQL answer with errors: their messages, joined. */
export class ApiError extends Error {}

/** The explorer's operations, by name (explorer/operations.graphql). */
type OperationName = "Search" | "TerritorySeeds" | "Network" | "Analytics" | "ActorDetails" | "Sdgs";

/**
 * Runs one operation of operations.graphql, sending the whole document (as registered, so it
 * runs on a server that accepts only trusted documents); throws ApiError when the answer carries errors.
 */
export async function gql<T>(operationName: OperationName | string, variables: Record<string, unknown> = {}, query: string = OPERATIONS): Promise<T> {
  const response = await fetch(ENDPOINT, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, operationName, variables }),
  });
  const body = await response.json().catch(() => null);
  if (body?.errors?.length) throw new ApiError(body.errors.map((e: { message: string }) => e.message).join("; "));
  if (!response.ok || !body?.data) throw new ApiError(`GraphQL: HTTP ${response.status}`);
  return body.data as T;
}

export interface AllianceFilter {
  kinds?: string[];
  memberIds?: string[];
  sdgs?: number[];
  territory?: string;
}

export interface Hit {
  kind: "ACTOR" | "TERRITORY";
  id: string;
  label: string;
  detail: string;
}

export async function search(text: string): Promise<Hit[]> {
  const data = await gql<any>("Search", { text });
  return data.search.edges.map(({ node }: any): Hit =>
    node.actor
      ? { kind: "ACTOR", id: node.actor.id, label: node.actor.name, detail: node.actor.kind }
      : { kind: "TERRITORY", id: node.territory.id, label: node.territory.name, detail: node.territory.level },
  );
}

/**
 * The seeds of a territory's network, at most 50: the members of the alliances acting in it
 * (or inside it); when none does, the actors based in it.
 */
export async function territorySeeds(territory: string, filter: AllianceFilter, at?: string): Promise<string[]> {
  const data = await gql<any>("TerritorySeeds", { code: territory, filter: nonEmpty({ ...filter, territory }), at });
  const members: string[] = data.alliances.edges.flatMap((a: any) => a.node.members.edges.map((m: any) => m.node.actor.id));
  const based: string[] = data.territory?.actors.edges.map((e: any) => e.node.id) ?? [];
  return [...new Set(members.length ? members : based)].slice(0, 50);
}

export interface NetworkNode {
  id: string;
  entityId: string;
  label: string;
  type: string;
  kind: string;
  degree: number;
  weightedDegree: number;
  x: number;
  y: number;
  seed: boolean;
  distance: number;
}

export interface NetworkEdge {
  id: string;
  source: string;
  target: string;
  weight: number;
  alliances: string[] | null;
}

export interface Network {
  nodes: NetworkNode[];
  edges: NetworkEdge[];
  truncated: boolean;
}

export interface NetworkQuery {
  seeds: string[];
  depth: number;
  filter: AllianceFilter;
  at?: string;
}

export async function network(q: NetworkQuery): Promise<Network> {
  const data = await gql<any>("Network", { ...q, filter: nonEmpty(q.filter) });
  return data.network;
}

/** Per-actor metrics computed by the API (networkAnalytics), by actor id. */
export type Analytics = Map<string, { community: number | null; betweenness: number | null; pageRank: number | null }>;

const ANALYTICS_PAGES = 10;

/**
 * Communities and centralities from `networkAnalytics`, over the alliances having one of
 * `actorIds` (at most 100) as member, matching `filter`, on `at`. The field is newer than
 * the page may be: any error means "not available", and the community colour and the
 * betweenness / PageRank sizes stay off.
 */
export async function analytics(actorIds: string[], filter: AllianceFilter, at?: string): Promise<Analytics | null> {
  const metrics: Analytics = new Map();
  try {
    let after: string | null = null;
    for (let page = 0; page < ANALYTICS_PAGES; page++) {
      const data: any = await gql<any>("Analytics", { filter: nonEmpty({ ...filter, memberIds: actorIds.slice(0, 100) }), at, after });
      const { edges, pageInfo } = data.networkAnalytics.actors;
      for (const { node } of edges) metrics.set(node.actor.id, { community: node.community, betweenness: node.betweenness, pageRank: node.pageRank });
      if (!pageInfo.hasNextPage) break;
      after = pageInfo.endCursor;
    }
    return metrics;
  } catch {
    return null;
  }
}

export interface SourceRef {
  title: string;
  publisher: string | null;
  date: string | null;
  url: string | null;
}

export interface ActorDetails {
  id: string;
  name: string;
  kind: string;
  description: string | null;
  basedIn: { id: string; name: string } | null;
  sources: SourceRef[];
  alliances: { role: string; alliance: { id: string; name: string; kind: string; sources: SourceRef[] }; sources: SourceRef[] }[];
  outcomes: { id: string; title: string; kind: string; alliance: { name: string }; sources: SourceRef[] }[];
}

export async function actorDetails(id: string, at?: string): Promise<ActorDetails | null> {
  const data = await gql<any>("ActorDetails", { id, at });
  const actor = data.actor;
  if (!actor) return null;
  return {
    ...actor,
    alliances: actor.alliances.edges.map((e: any) => e.node),
    outcomes: actor.impact.edges.map((e: any) => e.node),
  };
}

export async function sdgs(): Promise<{ number: number; titleFr: string }[]> {
  return (await gql<any>("Sdgs")).sdgs;
}

// Empty lists and blank strings mean "no criterion": leave them out of the filter.
function nonEmpty(filter: AllianceFilter): AllianceFilter | undefined {
  const kept = Object.fromEntries(
    Object.entries(filter).filter(([, v]) => (Array.isArray(v) ? v.length > 0 : v != null && v !== "")),
  );
  return Object.keys(kept).length ? kept : undefined;
}
