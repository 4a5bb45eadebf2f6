/**
 * The five workloads, each as three equivalent requests — Maillage GraphQL, @neo4j/graphql 7
 * GraphQL and hand-written Cypher (the floor) — plus normalisers that bring the three answers
 * to one comparable shape (sorted lists, ids and counts).
 */
import { readFileSync } from "node:fs";
import { Executor } from "../../src/neo4j/executor";

export type Server = "maillage" | "neo4jGraphql" | "floor";

export interface Workload {
  name: string;
  description: string;
  maillage: { query: string; variables: Record<string, unknown> };
  neo4jGraphql: { query: string; variables: Record<string, unknown> };
  floor: { cypher: string; params: Record<string, unknown> };
  normalise: Record<Server, (answer: any) => unknown>;
  /** What is equivalent, and what is not, between the three. */
  equivalence: string;
}

export interface BenchParams {
  hub: { id: string; memberships: number };
  median: { id: string; memberships: number };
  pathTo: { id: string; distance: number };
  region: { id: string; kind: string; sdg: number; matching: number };
}

const HOP = `(:Actor)-[:HAS_MEMBERSHIP]->(:Membership)-[:IN_ALLIANCE]->(al:Alliance)<-[:IN_ALLIANCE]-(:Membership)<-[:HAS_MEMBERSHIP]-(b:Actor)`;

/** Hub (most memberships), median actor (among actors with a membership), an actor 3 hops from the hub (else the farthest ≤ 4), and the région/kind/SDG with most alliances. */
export async function chooseParams(generatedFiles: string[], executor: Executor): Promise<BenchParams> {
  const memberships: { actorId: string; allianceId: string }[] = [];
  for (const file of generatedFiles) if (!/\.(actors|outcomes|alliances)\.json$/.test(file)) for (const m of JSON.parse(readFileSync(file, "utf8")).memberships ?? []) memberships.push(m);
  const doc = { memberships };
  const byActor = new Map<string, string[]>();
  const byAlliance = new Map<string, string[]>();
  for (const m of doc.memberships) {
    if (!byActor.has(m.actorId)) byActor.set(m.actorId, []);
    if (!byAlliance.has(m.allianceId)) byAlliance.set(m.allianceId, []);
    byActor.get(m.actorId)!.push(m.allianceId);
    byAlliance.get(m.allianceId)!.push(m.actorId);
  }
  const ranked = [...byActor.entries()].map(([id, a]) => ({ id, memberships: new Set(a).size })).sort((x, y) => y.memberships - x.memberships || x.id.localeCompare(y.id));
  const hub = ranked[0];
  const median = ranked[Math.floor(ranked.length / 2)];
  // BFS from the hub over shared alliances.
  const distance = new Map<string, number>([[hub.id, 0]]);
  let frontier = [hub.id];
  for (let d = 1; d <= 4 && frontier.length; d++) {
    const next: string[] = [];
    for (const a of frontier) for (const al of byActor.get(a) ?? []) for (const b of byAlliance.get(al) ?? []) if (!distance.has(b)) { distance.set(b, d); next.push(b); }
    frontier = next.sort();
  }
  const at3 = [...distance.entries()].filter(([, d]) => d === 3).map(([id]) => id).sort();
  const farthest = [...distance.entries()].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))[0];
  const pathTo = at3.length ? { id: at3[0], distance: 3 } : { id: farthest[0], distance: farthest[1] };
  const [region] = (await executor.read(`MATCH (r:Territory {level: 'REGION'})
CALL (r) { MATCH (r)<-[:PART_OF*0..4]-(:Territory)<-[:ACTS_IN]-(al:Alliance) RETURN DISTINCT al }
MATCH (al)-[:CONTRIBUTES_TO]->(g:SDG)
WITH r.id AS id, al.kind AS kind, toInteger(g.number) AS sdg, count(DISTINCT al) AS matching
RETURN id, kind, sdg, matching ORDER BY matching DESC, id, kind, sdg LIMIT 1`)) as BenchParams["region"][];
  return { hub, median, pathTo, region };
}

const byId = (x: { id: string }, y: { id: string }) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
const pairs = (list: { key: string; count: number }[]) =>
  list.filter((p) => p.count > 0).map((p) => ({ key: String(p.key), count: Number(p.count) })).sort((a, b) => (a.key < b.key ? -1 : 1));

const ALLIANCE_KINDS = ["PHILANTHROPY", "RESPONSIBLE_PRACTICES", "ECONOMIC_COOPERATION", "SOCIETAL_INNOVATION", "TERRITORIAL_CO_CONSTRUCTION", "RESEARCH_PARTNERSHIP"];
const ALLIANCE_STATUSES = ["PROPOSED", "ACTIVE", "ENDED"];
const ACTOR_KINDS = ["LOCAL_AUTHORITY", "PUBLIC_INSTITUTION", "COMPANY", "ASSOCIATION", "FOUNDATION", "ACADEMIC", "MEDIA", "INTERMEDIARY"];

/** @neo4j/graphql filter: a territory that is $t or lies in it (PART_OF up to 4 levels, as Maillage's TERRITORIES_INSIDE for a région). */
const LIES_IN_T = `{ OR: [
  { id: { eq: $t } },
  { parents: { some: { id: { eq: $t } } } },
  { parents: { some: { parents: { some: { id: { eq: $t } } } } } },
  { parents: { some: { parents: { some: { parents: { some: { id: { eq: $t } } } } } } } },
  { parents: { some: { parents: { some: { parents: { some: { parents: { some: { id: { eq: $t } } } } } } } } } }
] }`;
const ALLIANCE_IN_T = `{ territories: { some: ${LIES_IN_T} } }`;

/** Co-constructors (actor id → shared alliance ids with their outcome ids) from nested memberships. */
function projectCoConstructors(actor: any) {
  const shared = new Map<string, Map<string, string[]>>();
  for (const m of actor?.memberships ?? []) for (const al of m.alliance) for (const mm of al.memberships) for (const c of mm.actor) {
    if (c.id === actor.id) continue;
    if (!shared.has(c.id)) shared.set(c.id, new Map());
    shared.get(c.id)!.set(al.id, al.outcomes.map((o: any) => o.id).sort());
  }
  return [...shared.entries()].map(([id, als]) => ({ id, shared: [...als.entries()].map(([aid, outcomes]) => ({ id: aid, outcomes })).sort(byId) })).sort(byId);
}

function w1(name: string, actorId: string): Workload {
  return {
    name,
    description: `co-constructors of ${actorId} with shared alliances and their outcomes`,
    maillage: {
      query: `query W1($id: ID!) { actor(id: $id) { id coConstructors(first: 100) { edges { node {
        actor { id name } sharedAllianceCount sharedAlliances { id name outcomes(first: 20) { edges { node { id title } } } } } } } } }`,
      variables: { id: actorId },
    },
    neo4jGraphql: {
      query: `query W1($id: ID!) { actors(where: { id: { eq: $id } }) { id memberships { alliance {
        id name outcomes { id title } memberships { actor { id name } } } } } }`,
      variables: { id: actorId },
    },
    floor: {
      cypher: `MATCH (a:Actor {id: $id})-[:HAS_MEMBERSHIP]->(:Membership)-[:IN_ALLIANCE]->(al:Alliance)<-[:IN_ALLIANCE]-(:Membership)<-[:HAS_MEMBERSHIP]-(c:Actor)
WHERE c <> a
WITH c, al ORDER BY al.nameKey, al.id
WITH c, collect(DISTINCT al) AS shared
ORDER BY size(shared) DESC, c.nameKey, c.id LIMIT 100
RETURN c.id AS id, c.name AS name, [s IN shared | {id: s.id, name: s.name,
  outcomes: COLLECT { MATCH (s)-[:PRODUCED]->(o:Outcome) WITH o ORDER BY o.titleKey, o.id LIMIT 20 RETURN o {.id, .title} }}] AS shared`,
      params: { id: actorId },
    },
    normalise: {
      maillage: (d) => d.actor.coConstructors.edges.map((e: any) => ({ id: e.node.actor.id, shared: e.node.sharedAlliances.map((s: any) => ({ id: s.id, outcomes: s.outcomes.edges.map((o: any) => o.node.id).sort() })).sort(byId) })).sort(byId),
      neo4jGraphql: (d) => projectCoConstructors(d.actors[0]),
      floor: (rows) => rows.map((r: any) => ({ id: r.id, shared: r.shared.map((s: any) => ({ id: s.id, outcomes: s.outcomes.map((o: any) => o.id).sort() })).sort(byId) })).sort(byId),
    },
    equivalence: "Maillage: Actor.coConstructors(first: 100) with sharedAlliances and their outcomes(first: 20). @neo4j/graphql: actor → memberships → alliance {outcomes, memberships → actor}, co-constructors projected client-side (not counted in its timings). Floor: one Cypher. Compared: co-constructor ids, each with its shared alliance ids and their outcome ids.",
  };
}

export function buildWorkloads(p: BenchParams): Workload[] {
  const { region } = p;
  const w2Vars = { t: region.id, k: region.kind, s: region.sdg };
  const count = (alias: string, type: "alliancesConnection" | "actorsConnection", where: string) => `${alias}: ${type}(where: ${where}) { aggregate { count { nodes } } }`;
  const ACTOR_IN_T = `{ memberships: { some: { alliance: { some: ${ALLIANCE_IN_T} } } } }`;
  const w3NgQuery = `query W3($t: ID!) {
  ${count("allianceCount", "alliancesConnection", ALLIANCE_IN_T)}
  ${ALLIANCE_KINDS.map((k) => count(`kind_${k}`, "alliancesConnection", `{ AND: [${ALLIANCE_IN_T}, { kind: { eq: "${k}" } }] }`)).join("\n  ")}
  ${ALLIANCE_STATUSES.map((s) => count(`status_${s}`, "alliancesConnection", `{ AND: [${ALLIANCE_IN_T}, { status: { eq: "${s}" } }] }`)).join("\n  ")}
  ${ACTOR_KINDS.map((k) => count(`actors_${k}`, "actorsConnection", `{ AND: [${ACTOR_IN_T}, { kind: { eq: "${k}" } }] }`)).join("\n  ")}
}`;
  const fromPrefixed = (d: any, prefix: string) => pairs(Object.entries(d).filter(([k]) => k.startsWith(prefix)).map(([k, v]: any) => ({ key: k.slice(prefix.length), count: v.aggregate.count.nodes })));

  return [
    w1("W1-hub", p.hub.id),
    w1("W1-median", p.median.id),
    {
      name: "W2",
      description: `alliances acting in ${region.id} of kind ${region.kind} contributing to SDG ${region.sdg}, first 20 by name`,
      maillage: {
        query: `query W2($t: String!, $k: AllianceKind!, $s: Int!) { alliances(filter: { territory: $t, kinds: [$k], sdgs: [$s] }, first: 20) { edges { node { id name kind } } } }`,
        variables: w2Vars,
      },
      neo4jGraphql: {
        query: `query W2($t: ID!, $k: String!, $s: Int!) { alliances(
          where: { AND: [{ kind: { eq: $k } }, { sdgs: { some: { number: { eq: $s } } } }, ${ALLIANCE_IN_T}] },
          sort: [{ nameKey: ASC }, { id: ASC }], limit: 20) { id name kind } }`,
        variables: w2Vars,
      },
      floor: {
        cypher: `MATCH (t:Territory {id: $t})
CALL (t) { MATCH (t)<-[:PART_OF*0..4]-(:Territory)<-[:ACTS_IN]-(al:Alliance)
  WHERE al.kind = $k AND EXISTS { (al)-[:CONTRIBUTES_TO]->(g:SDG) WHERE g.number = $s } RETURN DISTINCT al }
RETURN al.id AS id, al.name AS name, al.kind AS kind ORDER BY al.nameKey, al.id LIMIT 20`,
        params: w2Vars,
      },
      normalise: {
        maillage: (d) => d.alliances.edges.map((e: any) => e.node.id),
        neo4jGraphql: (d) => d.alliances.map((a: any) => a.id),
        floor: (rows) => rows.map((r: any) => r.id),
      },
      equivalence: "Same page (ids in order). @neo4j/graphql: `territories: { some: { OR: [id = t, parent = t, …4 levels of PART_OF] } }` stands for Maillage's territory filter (a région holds its départements, EPCI and communes), sorted by nameKey then id.",
    },
    {
      name: "W3",
      description: `territory profile statistics of ${region.id}`,
      maillage: {
        query: `query W3($t: String!) { territoryProfile(territory: $t) { allianceCount actorsByKind { key count }
          statistics { allianceCount byKind { key count } byStatus { key count } } } }`,
        variables: { t: region.id },
      },
      neo4jGraphql: { query: w3NgQuery, variables: { t: region.id } },
      floor: {
        cypher: `MATCH (t:Territory {id: $t})
CALL (t) { MATCH (t)<-[:PART_OF*0..4]-(:Territory)<-[:ACTS_IN]-(al:Alliance) RETURN DISTINCT al }
WITH collect(al) AS als
RETURN size(als) AS allianceCount,
  COLLECT { UNWIND als AS al WITH al.kind AS key, count(*) AS count RETURN {key: key, count: count} } AS byKind,
  COLLECT { UNWIND als AS al WITH al.status AS key, count(*) AS count RETURN {key: key, count: count} } AS byStatus,
  COLLECT { UNWIND als AS al MATCH (al)<-[:IN_ALLIANCE]-(:Membership)<-[:HAS_MEMBERSHIP]-(a:Actor)
            WITH a.kind AS key, count(DISTINCT a) AS count RETURN {key: key, count: count} } AS actorsByKind`,
        params: { t: region.id },
      },
      normalise: {
        maillage: (d) => ({ allianceCount: d.territoryProfile.allianceCount, statsAllianceCount: d.territoryProfile.statistics.allianceCount, byKind: pairs(d.territoryProfile.statistics.byKind), byStatus: pairs(d.territoryProfile.statistics.byStatus), actorsByKind: pairs(d.territoryProfile.actorsByKind) }),
        neo4jGraphql: (d) => ({ allianceCount: d.allianceCount.aggregate.count.nodes, statsAllianceCount: d.allianceCount.aggregate.count.nodes, byKind: fromPrefixed(d, "kind_"), byStatus: fromPrefixed(d, "status_"), actorsByKind: fromPrefixed(d, "actors_") }),
        floor: (rows) => ({ allianceCount: rows[0].allianceCount, statsAllianceCount: rows[0].allianceCount, byKind: pairs(rows[0].byKind), byStatus: pairs(rows[0].byStatus), actorsByKind: pairs(rows[0].actorsByKind) }),
      },
      equivalence: "Maillage territoryProfile {allianceCount, actorsByKind, statistics {allianceCount, byKind, byStatus}}. @neo4j/graphql has no group-by: one aliased `…Connection { aggregate { count { nodes } } }` per kind/status/actor kind (18 root fields, same territory filter as W2); zero counts dropped before comparing.",
    },
    {
      name: "W4",
      description: `shortest path ${p.hub.id} → ${p.pathTo.id} (${p.pathTo.distance} hops), maxHops 4`,
      maillage: {
        query: `query W4($from: ID!, $to: ID!) { path(from: $from, to: $to, maxHops: 4) { length actors { id } alliances { id } } }`,
        variables: { from: p.hub.id, to: p.pathTo.id },
      },
      neo4jGraphql: { query: `query W4($from: ID!, $to: ID!) { benchPath(from: $from, to: $to) }`, variables: { from: p.hub.id, to: p.pathTo.id } },
      floor: { cypher: PATH_CYPHER, params: { from: p.hub.id, to: p.pathTo.id } },
      normalise: {
        maillage: (d) => (d.path ? d.path.actors.flatMap((a: any, i: number) => (i === 0 ? [`actor:${a.id}`] : [`alliance:${d.path.alliances[i - 1].id}`, `actor:${a.id}`])) : []),
        neo4jGraphql: (d) => d.benchPath,
        floor: (rows) => rows[0].ids,
      },
      equivalence: "@neo4j/graphql has no shortest path: a Query field with @cypher runs the floor's Cypher (ALL SHORTEST over actor–membership–alliance hops, ≤ 4, ties broken by names then ids as Maillage does). Compared: the chain of actor and alliance ids.",
    },
    {
      name: "W5",
      description: `network(seeds: [${p.median.id}], depth: 2), projected (actors, co-construction edges)`,
      maillage: {
        query: `query W5($id: ID!) { network(seeds: [$id], depth: 2, maxNodes: 2000) { nodeCount edgeCount truncated nodes { entityId distance } edges { source target weight } } }`,
        variables: { id: p.median.id },
      },
      neo4jGraphql: {
        query: `query W5($id: ID!) { actors(where: { id: { eq: $id } }) { id memberships { alliance { id memberships { actor {
          id memberships { alliance { id memberships { actor { id } } } } } } } } } }`,
        variables: { id: p.median.id },
      },
      floor: { cypher: NETWORK_CYPHER, params: { id: p.median.id } },
      normalise: {
        maillage: (d) => normaliseNetwork(
          d.network.nodes.map((n: any) => ({ id: n.entityId, distance: n.distance })),
          d.network.edges.map((e: any) => ({ source: e.source.replace(/^actor:/, ""), target: e.target.replace(/^actor:/, ""), weight: e.weight })),
        ),
        neo4jGraphql: (d) => projectNetwork(d.actors[0]),
        floor: (rows) => normaliseNetwork(
          [{ id: rows[0].seed, distance: 0 }, ...rows[0].d1.map((id: string) => ({ id, distance: 1 })), ...rows[0].d2.map((id: string) => ({ id, distance: 2 }))],
          rows[0].links,
        ),
      },
      equivalence: "Maillage network(depth: 2) PROJECTED. @neo4j/graphql: actor → memberships → alliance → memberships → actor, twice (two levels), projected client-side into actors with distances and weighted co-construction edges. Two levels cannot see edges between two distance-2 actors (that needs a third level), so edges are compared only when one end is at distance ≤ 1; nodes (id, distance) are compared in full.",
    },
  ];
}

export const PATH_CYPHER = `OPTIONAL MATCH (origin:Actor {id: $from})
OPTIONAL MATCH (target:Actor {id: $to})
OPTIONAL CALL (origin, target) {
  MATCH ALL SHORTEST (origin) ((a:Actor)-[:HAS_MEMBERSHIP]->(:Membership)-[:IN_ALLIANCE]->(al:Alliance)<-[:IN_ALLIANCE]-(:Membership)<-[:HAS_MEMBERSHIP]-(b:Actor) WHERE a <> b){0,4} (target)
  WITH [origin] + b AS actors, al AS alliances
  ORDER BY [x IN actors | x.nameKey], [x IN actors | x.id], [x IN alliances | x.nameKey], [x IN alliances | x.id]
  LIMIT 1
  RETURN [i IN range(0, size(actors) - 1) | CASE WHEN i = 0 THEN ['actor:' + actors[0].id] ELSE ['alliance:' + alliances[i - 1].id, 'actor:' + actors[i].id] END] AS steps
}
RETURN reduce(acc = [], s IN coalesce(steps, []) | acc + s) AS ids`;

const NETWORK_CYPHER = `MATCH (s:Actor {id: $id})
OPTIONAL MATCH (s)-[:HAS_MEMBERSHIP]->(:Membership)-[:IN_ALLIANCE]->(:Alliance)<-[:IN_ALLIANCE]-(:Membership)<-[:HAS_MEMBERSHIP]-(b:Actor) WHERE b <> s
WITH s, collect(DISTINCT b) AS d1
CALL (s, d1) {
  UNWIND d1 AS b
  MATCH (b)-[:HAS_MEMBERSHIP]->(:Membership)-[:IN_ALLIANCE]->(:Alliance)<-[:IN_ALLIANCE]-(:Membership)<-[:HAS_MEMBERSHIP]-(c:Actor)
  WHERE c <> s AND NOT c IN d1
  RETURN collect(DISTINCT c) AS d2
}
WITH s, d1, d2, [s] + d1 + d2 AS reached
CALL (reached) {
  UNWIND reached AS a
  MATCH (a)-[:HAS_MEMBERSHIP]->(:Membership)-[:IN_ALLIANCE]->(al:Alliance)<-[:IN_ALLIANCE]-(:Membership)<-[:HAS_MEMBERSHIP]-(b:Actor)
  WHERE a.id < b.id AND b IN reached
  WITH a, b, count(DISTINCT al) AS weight
  RETURN collect({source: a.id, target: b.id, weight: weight}) AS links
}
RETURN s.id AS seed, [x IN d1 | x.id] AS d1, [x IN d2 | x.id] AS d2, links`;

function normaliseNetwork(nodes: { id: string; distance: number }[], edges: { source: string; target: string; weight: number }[]) {
  const distance = new Map(nodes.map((n) => [n.id, n.distance]));
  const near = (id: string) => (distance.get(id) ?? 9) <= 1;
  return {
    nodes: nodes.map((n) => `${n.id}@${n.distance}`).sort(),
    edges: edges
      .map((e) => (e.source < e.target ? e : { ...e, source: e.target, target: e.source }))
      .filter((e) => near(e.source) || near(e.target))
      .map((e) => `${e.source}|${e.target}|${e.weight}`)
      .sort(),
  };
}

function projectNetwork(seed: any) {
  const distance = new Map<string, number>([[seed.id, 0]]);
  const members = new Map<string, Set<string>>(); // alliance → member ids
  const walk = (actor: any, d: number) => {
    for (const m of actor.memberships ?? []) for (const al of m.alliance) {
      const set = members.get(al.id) ?? new Set<string>();
      members.set(al.id, set);
      set.add(actor.id);
      for (const mm of al.memberships) for (const b of mm.actor) {
        set.add(b.id);
        if (!distance.has(b.id) || distance.get(b.id)! > d + 1) distance.set(b.id, d + 1);
      }
    }
  };
  walk(seed, 0);
  for (const m of seed.memberships) for (const al of m.alliance) for (const mm of al.memberships) for (const b of mm.actor) if (b.id !== seed.id) walk(b, 1);
  const weights = new Map<string, number>();
  for (const ids of members.values()) {
    const list = [...ids].sort();
    for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) {
      const key = `${list[i]}|${list[j]}`;
      weights.set(key, (weights.get(key) ?? 0) + 1);
    }
  }
  return normaliseNetwork(
    [...distance.entries()].filter(([, d]) => d <= 2).map(([id, d]) => ({ id, distance: d })),
    [...weights.entries()].map(([key, weight]) => { const [source, target] = key.split("|"); return { source, target, weight }; }),
  );
}
