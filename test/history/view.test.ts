import { useGraphQLClient } from "../support/database";
import { Connection } from "../../src/neo4j/connect";
import { configureViews, openRecordedView } from "../../src/history/view/recorded-view";
import { historyClock } from "../../src/history/view/recorded-point";
import { clearSlot } from "../../src/history/view/view-materialise";
import { createContext, readThrough } from "../../src/graphql/context";
import { createApollo } from "../../src/server";
import { createSchema } from "../../src/graphql/schema";
import { exportText, openExport } from "../../src/export/export.service";
import { ExportFormat } from "../../src/export/export.formats";
import { WHOLE_GRAPH } from "../../src/export/export.scope";
import { Label } from "../../src/neo4j/graph-model";
import { VIEW_CALLER } from "../../src/history/view/view-materialise";
import { Role } from "../../src/auth/viewer";
import { ViewCache } from "../../src/history/view/view-cache";
import * as materialiser from "../../src/history/view/view-materialise";

/** Recorded views on the bg- graph: a view of the current seq answers exactly what the live graph answers. */
const db = useGraphQLClient();
const SLOTS = [1, 2, 3];

const STATISTICS = `query { statistics { allianceCount byKind { key count } byStatus { key count } bySdg { key count } byStartYear { key count } } }`;

/** Many reads at once (lists, filters with index hints, nested loaders, profiles, analytics, duplicates): the view must answer each as live. */
const BROAD = `query {
  actors(first: 10, filter: { kinds: [ASSOCIATION] }) { totalCount edges { node { id name basedIn { id } coConstructors(first: 3) { totalCount edges { node { actor { id } sharedAllianceCount } } } } } }
  alliances(first: 10, filter: { memberKinds: [COMPANY] }) { totalCount edges { node { id name members(first: 3) { totalCount edges { node { actor { id } role } } } sdgs { number } } } }
  territoryProfile(territory: "DEPARTEMENT:94") { allianceCount actorsByKind { key count } coConstructionShare }
  networkAnalytics(filter: { territory: "DEPARTEMENT:94" }) { actorCount density communityCount componentCount }
  duplicateCandidates(first: 5) { totalCount edges { node { score a { id } b { id } } } }
  factsWithoutSource(first: 5) { totalCount }
  maturityDistribution(subjectType: ACTOR) { key count }
  territory(code: "94028") { actors(first: 5) { totalCount edges { node { id } } } }
  sdg(number: 4) { alliances(first: 3) { totalCount edges { node { id } } } }
}`;

beforeAll(() => {
  configureViews(db.connection.executor, SLOTS.length);
});

/** Empties every slot and forgets them, so no other test file meets them. */
async function clearSlots(connection: Connection): Promise<void> {
  const writer = connection.executor.forRequest(VIEW_CALLER);
  for (let slot = 0; slot <= 8; slot++) await clearSlot(writer, slot);
  await writer.write((tx) => tx.run(`MATCH (v:${Label.HistoryView}) DELETE v`));
}

/** Node counts per versioned label, live and in slot `slot`, by an independent query. */
async function counts(connection: Connection, slot: number): Promise<{ live: Record<string, number>; view: Record<string, number> }> {
  const rows = await connection.executor.read(
    `UNWIND $labels AS l
     CALL (l) { MATCH (n) WHERE l IN labels(n) RETURN count(n) AS live }
     CALL (l) { MATCH (n) WHERE 'H' + $slot + '_' + l IN labels(n) RETURN count(n) AS view }
     RETURN l, live, view`,
    { labels: ["Actor", "Alliance", "Membership", "Outcome", "Source", "MaturityAssessment"], slot: String(slot) },
  );
  return { live: Object.fromEntries(rows.map((r) => [r.l, r.live])), view: Object.fromEntries(rows.map((r) => [r.l, r.view])) };
}

describe("a view of the current seq on the bg- graph", () => {
  beforeAll(() => clearSlots(db.connection));
  afterAll(() => clearSlots(db.connection)); // before the connection closes (the outer afterAll)

  it("holds exactly the live nodes and relationships, and answers whole-graph statistics and the JSON export as the live graph does", async () => {
    const { executor } = db.connection;
    const { seq } = await historyClock(executor);
    const view = await openRecordedView(executor, { seq, at: new Date().toISOString() }, { live: false });
    try {
      expect(view.executor.recordedSeq).toBe(seq);
      const slot = await db.connection.executor.read(`MATCH (v:${Label.HistoryView} {seq: $seq, complete: true}) RETURN v.slot AS slot`, { seq });
      expect(slot).toHaveLength(1);
      const { live, view: copied } = await counts(db.connection, slot[0].slot);
      expect(copied).toEqual(live);
      expect(live.Actor).toBeGreaterThanOrEqual(3000);
      // Relationships: each versioned type, live and as the slot's.
      const rels = await executor.read(`MATCH ()-[r]->() WITH type(r) AS t, count(*) AS c RETURN t, c`);
      const byType = Object.fromEntries(rels.map((r) => [r.t, r.c]));
      for (const type of ["BASED_IN", "HAS_MEMBERSHIP", "IN_ALLIANCE", "ACTS_IN", "CONTRIBUTES_TO", "PRODUCED", "ADVANCES", "BENEFITS", "CITES", "ASSESSES"]) {
        expect([type, byType[`H${slot[0].slot}_${type}`] ?? 0]).toEqual([type, byType[type] ?? 0]);
      }

      const apollo = createApollo(await createSchema());
      await apollo.start();
      try {
        const run = async (viewed: boolean, query: string) => {
          const context = createContext(executor, { viewer: { role: Role.ADMIN, subject: "test", caller: { kind: "script", id: "test" } } });
          if (viewed) readThrough(context, view.executor);
          const response = await apollo.executeOperation({ query }, { contextValue: context });
          if (response.body.kind !== "single") throw new Error("single");
          expect(response.body.singleResult.errors).toBeUndefined();
          return response.body.singleResult.data;
        };
        const [viewed, current] = [await run(true, STATISTICS), await run(false, STATISTICS)];
        expect(viewed).toEqual(current);
        expect((viewed as any).statistics.allianceCount).toBe(live.Alliance);
        const [broadView, broadLive] = [await run(true, BROAD), await run(false, BROAD)];
        expect(broadView).toEqual(broadLive);
        expect((broadLive as any).alliances.totalCount).toBeGreaterThan(0);
        expect((broadLive as any).networkAnalytics.actorCount).toBeGreaterThan(0);
      } finally {
        await apollo.stop();
      }

      const [recorded, now] = [await exportText(await openExport(view.executor, ExportFormat.JSON, WHOLE_GRAPH)), await exportText(await openExport(executor, ExportFormat.JSON, WHOLE_GRAPH))];
      expect(recorded.length).toBeGreaterThan(100_000);
      expect(recorded === now).toBe(true);
    } finally {
      view.release();
    }
  });

  it("refuses to write, and to run full-text search, through a view", async () => {
    const { executor } = db.connection;
    const { seq } = await historyClock(executor);
    const view = await openRecordedView(executor, { seq, at: new Date().toISOString() }, { live: false });
    try {
      await expect(view.executor.forRequest({ kind: "script", id: "test" }).write(async () => 1)).rejects.toThrow("a recorded view is read-only");
      await expect(view.executor.read("CALL db.index.fulltext.queryNodes('actor_alliance_text', 'x') YIELD node RETURN node")).rejects.toThrow(/full-text search/);
    } finally {
      view.release();
    }
  });

  it("leases: one build for concurrent requests of a seq, 503 with every slot in use, a rebuild when the slot's node no longer says it holds the seq", async () => {
    const { executor } = db.connection;
    const { seq } = await historyClock(executor);
    const cache = new ViewCache(executor.forRequest(null), [5]);
    const builds = jest.spyOn(materialiser, "materialise");
    try {
      const [first, second] = await Promise.all([cache.lease(seq), cache.lease(seq)]);
      expect(builds).toHaveBeenCalledTimes(1);
      expect(first.rewriter).toBe(second.rewriter);
      expect(first.rewriter.slot).toBe(5);
      // Every slot pinned: another state cannot be built now.
      await expect(cache.lease(seq - 1)).rejects.toMatchObject({ extensions: { code: "SERVICE_UNAVAILABLE", retryAfterSeconds: 5 } });
      first.release();
      second.release();
      // Held and complete: no rebuild.
      (await cache.lease(seq)).release();
      expect(builds).toHaveBeenCalledTimes(1);
      // A restore (or another process) wiped the slot's node: the next lease builds it again.
      await executor.forRequest(VIEW_CALLER).withoutHistory().write((tx) => tx.run(`MATCH (v:${Label.HistoryView} {slot: 5}) DELETE v`));
      const again = await cache.lease(seq);
      expect(builds).toHaveBeenCalledTimes(2);
      const [node] = await executor.read(`MATCH (v:${Label.HistoryView} {slot: 5}) RETURN v.seq AS seq, v.complete AS complete`);
      expect(node).toEqual({ seq, complete: true });
      again.release();
      // A new process (a restarted server) takes up the complete slot it finds.
      const restarted = new ViewCache(executor.forRequest(null), [5]);
      expect(await restarted.heldSeqs()).toEqual([seq]);
    } finally {
      builds.mockRestore();
    }
  });
});
