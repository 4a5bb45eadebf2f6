/**
 * The requests of bench/public-load.ts: the most expensive an anonymous client may send with
 * the default limits (maxCost 50 000, two analytics fields, pages of 100, depth 3, 2 000 nodes,
 * 6 hops), each under the cost limit (the bench reports any that is refused as too complex).
 */
import { Label, Rel } from "../src/neo4j/graph-model";
import { Executor } from "../src/neo4j/executor";

export interface Targets {
  /** The best-connected actors (most memberships), seeds of the deep reads. */
  hubs: string[];
  /** A weakly connected actor, the far end of the longest path asked. */
  remote: string;
}

// Hubs and a remote actor, by number of memberships.
const PICK_ACTORS = `MATCH (a:${Label.Actor})
WITH a, COUNT { (a)-[:${Rel.HAS_MEMBERSHIP}]->() } AS memberships
ORDER BY memberships DESC, a.id
WITH collect(a.id) AS ids
RETURN ids[0..5] AS hubs, ids[size(ids) / 2] AS remote`;

export async function pickTargets(executor: Executor): Promise<Targets> {
  const [row] = await executor.read(PICK_ACTORS, {});
  if (!row?.hubs?.length) throw new Error("public-load: the database has no actors; import a bench graph first");
  return { hubs: row.hubs, remote: row.remote };
}

const FRANCE = `{ territory: "FR" }`;
const ANALYTICS_SELECTION = `actorCount modularity averagePathLength communityCount
  actors(first: 100, orderBy: BETWEENNESS) { edges { node { betweenness closeness pageRank community actor { id name } } } }`;

/** A request kind: its name and the body of its n-th request (n makes `at` distinct where it matters). */
export interface RequestKind {
  name: string;
  body(n: number): string;
}

/** A date per request, so analytics never hit the cache: 2015-01-01 plus n days (the generated graphs run 2010–2025). */
const dateOf = (n: number) => new Date(Date.UTC(2015, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);

export function requestKinds({ hubs, remote }: Targets): RequestKind[] {
  const json = (query: string, variables: Record<string, unknown> = {}) => JSON.stringify({ query, variables });
  return [
    {
      name: "analytics-france-x2",
      body: (n) =>
        json(`query ($a: LocalDate, $b: LocalDate) {
          a: networkAnalytics(filter: ${FRANCE}, at: $a) { ${ANALYTICS_SELECTION} }
          b: networkAnalytics(filter: ${FRANCE}, at: $b) { ${ANALYTICS_SELECTION} } }`, { a: dateOf(2 * n), b: dateOf(2 * n + 1) }),
    },
    {
      name: "co-constructors-depth-2",
      body: () =>
        json(`query ($id: ID!) { actor(id: $id) { coConstructors(depth: 2, first: 100) { totalCount
          edges { node { distance sharedAllianceCount actor { id name kind } via { id name } sharedAlliances { id name kind } } } } } }`, { id: hubs[0] }),
    },
    {
      name: "path-6-hops",
      body: () => json(`query ($from: ID!, $to: ID!) { path(from: $from, to: $to, maxHops: 6) { length steps { from { id name } alliance { id name } to { id name } } } }`, { from: hubs[0], to: remote }),
    },
    {
      name: "network-depth-3-2000-nodes",
      body: () =>
        json(`query ($seeds: [ID!]!) { network(seeds: $seeds, depth: 3, maxNodes: 2000) { truncated
          nodes { id entityId label type kind degree weightedDegree x y seed distance } edges { id source target weight alliances } } }`, { seeds: hubs }),
    },
    {
      name: "statistics-france",
      body: (n) =>
        json(`query ($at: LocalDate) { statistics(filter: ${FRANCE}, at: $at) { allianceCount
          byKind { key count } byObjective { key count } bySdg { key label count } byStartYear { key count }
          byStatus { key count } byTerritoryLevel { key count } partnershipMix { a b allianceCount } } }`, { at: dateOf(n) }),
    },
    {
      name: "alliances-100x80-members",
      body: () => json(`{ alliances(first: 100) { edges { node { id name members(first: 80) { edges { node { role actor { id name } } } } } } } }`),
    },
  ];
}
