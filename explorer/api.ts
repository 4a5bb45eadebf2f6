// The pages' only door to the data: the public GraphQL API (POST /graphql), with the reader's
// API key when the server requires one for reads (MAILLAGE_READS_REQUIRE_KEY).
import { MAX_SEEDS } from "./limits";
import OPERATIONS from "./operations.graphql";

// Both pages (/explore/ and /explore/dashboard/) live under <prefix>/explore/, the API at <prefix>/graphql.
const ENDPOINT = location.pathname.includes("/explore/") ? location.pathname.replace(/\/explore\/.*$/, "/graphql") : "/graphql";

/** Where the API key is kept for the tab's life (sessionStorage: gone when the tab closes). */
export const API_KEY_STORAGE = "maillage.apiKey";

/** A GraphQL answer with errors: their messages, joined. */
export class ApiError extends Error {}

/** The server wants a credential (HTTP 401 or an UNAUTHENTICATED error): none was sent, or it was refused. */
export class AuthRequiredError extends ApiError {}

export function apiKey(): string | null {
  return sessionStorage.getItem(API_KEY_STORAGE);
}

/** Keeps the key for every later request; a blank key forgets it. */
export function setApiKey(key: string | null): void {
  if (key?.trim()) sessionStorage.setItem(API_KEY_STORAGE, key.trim());
  else sessionStorage.removeItem(API_KEY_STORAGE);
}

/** The explorer's operations, by name (explorer/operations.graphql). */
export type OperationName = "Search" | "TerritorySeeds" | "Network" | "ScopeSize" | "Analytics" | "ActorDetails" | "Sdgs";

/** Runs one operation of operations.graphql (sent whole, as registered: it runs on a server that accepts only trusted documents). */
export function gql<T>(operationName: OperationName, variables: Record<string, unknown> = {}): Promise<T> {
  return runOperation<T>(OPERATIONS, operationName, variables);
}

/**
 * Posts one operation of a registered document with the API key when one is kept (for pages
 * with a document of their own: the dashboard); throws AuthRequiredError when the server wants
 * a (valid) key, ApiError on any other error.
 */
export async function runOperation<T>(document: string, operationName: string, variables: Record<string, unknown> = {}): Promise<T> {
  const key = apiKey();
  const response = await fetch(ENDPOINT, {
    method: "POST",
    headers: { "content-type": "application/json", ...(key ? { "x-api-key": key } : {}) },
    body: JSON.stringify({ query: document, operationName, variables }),
  });
  const body = await response.json().catch(() => null);
  const errors: { message: string; extensions?: { code?: string } }[] = body?.errors ?? [];
  const message = errors.map((e) => e.message).join("; ");
  if (response.status === 401 || errors.some((e) => e.extensions?.code === "UNAUTHENTICATED")) {
    throw new AuthRequiredError(message || "Clé d'API requise");
  }
  if (errors.length) throw new ApiError(message);
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
  return [
    ...data.places.edges.map(({ node }: any): Hit => ({ kind: "TERRITORY", id: node.territory.id, label: node.territory.name, detail: node.territory.level })),
    ...data.actors.edges.map(({ node }: any): Hit => ({ kind: "ACTOR", id: node.actor.id, label: node.actor.name, detail: node.actor.kind })),
  ];
}

/** Where a territory's seeds come from, and how many there were to take them from. */
export interface TerritorySeeds {
  /** At most MAX_SEEDS actor ids. */
  seeds: string[];
  /** "alliances": members of the alliances acting in it (or inside it); "based": none does, the actors based in it. */
  from: "alliances" | "based";
  /** How many actors the seeds were taken from: the based-in list's total; for alliances, the members read (first 50 alliances, 100 members each). */
  available: number;
}

/**
 * The seeds of a territory's network, at most MAX_SEEDS: the members of the alliances acting in
 * it (or inside it); when none does, the actors based in it.
 */
export async function territorySeeds(territory: string, filter: AllianceFilter, at?: string): Promise<TerritorySeeds> {
  const data = await gql<any>("TerritorySeeds", { code: territory, filter: nonEmpty({ ...filter, territory }), at });
  const members = [...new Set<string>(data.alliances.edges.flatMap((a: any) => a.node.members.edges.map((m: any) => m.node.actor.id)))];
  if (members.length) return { seeds: members.slice(0, MAX_SEEDS), from: "alliances", available: members.length };
  const based: string[] = data.territory?.actors.edges.map((e: any) => e.node.id) ?? [];
  return { seeds: based.slice(0, MAX_SEEDS), from: "based", available: data.territory?.actors.totalCount ?? based.length };
}

/** The size of a scope's whole co-construction network (networkAnalytics), or null when the API cannot tell. */
export async function scopeSize(filter: AllianceFilter, at?: string): Promise<{ actors: number; ties: number } | null> {
  try {
    const data = await gql<any>("ScopeSize", { filter: nonEmpty(filter), at });
    return { actors: data.networkAnalytics.actorCount, ties: data.networkAnalytics.tieCount };
  } catch (error) {
    if (error instanceof AuthRequiredError) throw error;
    return null;
  }
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
  /** Nodes and edges before the maxNodes cap; null when the API could not tell. */
  totalNodeCount: number | null;
  totalEdgeCount: number | null;
}

export interface NetworkQuery {
  seeds: string[];
  depth: number;
  filter: AllianceFilter;
  at?: string;
  /** 1–MAX_NODES; the nearest nodes are kept first. */
  maxNodes: number;
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
  } catch (error) {
    if (error instanceof AuthRequiredError) throw error;
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
