import { randomUUID } from "node:crypto";
import { NotFoundError } from "../common/errors";
import { writeOne } from "../import/write-one";
import { ActorKind } from "../common/enums";
import { inKeyOrder } from "../common/loader";
import { nameKey } from "../common/text";
import { Page, PagePlan, toPage } from "../common/connection";
import { Executor } from "../neo4j/executor";
import { BatchPageKey, countQuery, pageParams, pageQuery, PageRow, runBatchCounts, runBatchPages } from "../neo4j/paging";
import { Alliance } from "../alliance/alliance.type";
import { Membership } from "../membership/membership.type";
import { Outcome } from "../outcome/outcome.type";
import { toOutcomeRows } from "../outcome/outcome.repository";
import { ActorInput, ActorPatch } from "./actor.input";
import { Actor, CoConstructor } from "./actor.type";
import * as Q from "./actor.cypher";
import { NEIGHBOURHOOD as Q_NEIGHBOURHOOD } from "./neighbourhood.cypher";

/** An ActorFilter as Cypher receives it: territory resolved, name prefix folded. */
export interface ActorFilterParams {
  kinds: ActorKind[] | null;
  territoryId: string | null;
  sdgs: number[] | null;
  namePrefix: string | null;
}

/** The only code that runs Cypher for actors. */
export class ActorRepository {
  private readonly read: Executor["read"];

  constructor(private readonly executor: Executor) {
    this.read = executor.read.bind(executor);
  }

  async byIds(ids: readonly string[]): Promise<(Actor | null)[]> {
    const rows = await this.read(Q.ACTORS_BY_ID, { keys: ids });
    return inKeyOrder(ids.length, rows as { i: number; value: Actor | null }[], null);
  }

  /** One page of actors in scope; `totalCount` runs its query only when asked. */
  async page(scope: { filter: ActorFilterParams; at: unknown }, plan: PagePlan): Promise<Page<Actor>> {
    const spec = Q.ACTORS(plan.order);
    const params = { ...scope, filter: { ...scope.filter, namePrefix: scope.filter.namePrefix && nameKey(scope.filter.namePrefix) } };
    const rows = await this.read(pageQuery(spec, plan), { ...params, ...pageParams(plan) });
    return toPage(rows as PageRow<Actor>[], plan, async () => (await this.read(countQuery(spec), params))[0].total);
  }

  membershipsOf(keys: readonly BatchPageKey[]): Promise<PageRow<Membership>[][]> {
    return runBatchPages(this.read, Q.MEMBERSHIPS_OF_ACTOR, keys);
  }

  countMembershipsOf(keys: readonly object[]): Promise<number[]> {
    return runBatchCounts(this.read, Q.MEMBERSHIPS_OF_ACTOR("NAME"), keys);
  }

  coConstructorsOf(keys: readonly BatchPageKey[]): Promise<PageRow<CoConstructor>[][]> {
    return runBatchPages(this.read, () => Q.CO_CONSTRUCTORS, keys);
  }

  /**
   * The actor, its co-constructors page and the outcome pages of their shared alliances in one
   * round trip (NEIGHBOURHOOD): rows as `coConstructorsOf` and `AllianceRepository.outcomesOf` give them.
   */
  async neighbourhood(
    id: string,
    co: { key: BatchPageKey },
    outcomes: { key: BatchPageKey } | null,
  ): Promise<{ actor: Actor | null; coRows: PageRow<CoConstructor>[]; outcomePages: { id: string; rows: PageRow<Outcome>[] }[] }> {
    const cypher = Q_NEIGHBOURHOOD(co.key, outcomes?.key ?? null);
    const [row] = await this.read(cypher, { id, coKey: co.key, outcomeKey: outcomes?.key ?? null });
    const outcomePages = (row.outcomePages as { id: string; rows: PageRow<object>[] }[]).map(({ id, rows }) => ({
      id,
      rows: toOutcomeRows(rows),
    }));
    // Shared alliances come by id, each alliance once: put the objects back in.
    const alliances = new Map((row.alliances as Alliance[]).map((alliance) => [alliance.id, alliance]));
    type SlimRow = PageRow<Omit<CoConstructor, "sharedAlliances"> & { sharedAlliances: string[] }>;
    const coRows = (row.coRows as SlimRow[]).map(({ node, sortKey }) => ({
      sortKey,
      node: { ...node, sharedAlliances: node.sharedAlliances.map((allianceId) => alliances.get(allianceId)!) },
    }));
    return { actor: row.actor, coRows, outcomePages };
  }

  countCoConstructorsOf(keys: readonly object[]): Promise<number[]> {
    return runBatchCounts(this.read, Q.CO_CONSTRUCTORS, keys);
  }

  async impactOf(keys: readonly BatchPageKey[]): Promise<PageRow<Outcome>[][]> {
    const pages = await runBatchPages<object>(this.read, () => Q.IMPACT_OF_ACTOR, keys);
    return pages.map(toOutcomeRows);
  }

  countImpactOf(keys: readonly object[]): Promise<number[]> {
    return runBatchCounts(this.read, Q.IMPACT_OF_ACTOR, keys);
  }

  /** What actors `a` and `b` share (on `at` when given); null when either does not exist. */
  async coConstruction(a: string, b: string, at: unknown): Promise<{ a: Actor; b: Actor; alliances: Alliance[] } | null> {
    const [row] = await this.read(Q.CO_CONSTRUCTION, { a, b, at });
    return (row as { a: Actor; b: Actor; alliances: Alliance[] }) ?? null;
  }

  /** Creates the actor, or replaces its fields when `input.id` exists (idempotent replays): an import of one row. */
  async upsert(input: ActorInput): Promise<Actor> {
    return writeOne(this.executor, "actors", { ...input, id: input.id ?? randomUUID() }, Q.ACTORS_BY_ID);
  }

  /** Changes the given fields of an existing actor. */
  async update(id: string, patch: ActorPatch): Promise<Actor> {
    return writeOne(this.executor, "actors", patch, Q.ACTORS_BY_ID, { existing: id, patch: true });
  }

  async delete(id: string): Promise<boolean> {
    const [row] = await this.executor.write((tx) => tx.run(Q.DELETE_ACTOR, { id }));
    if (!row || row.deleted === 0) throw new NotFoundError("Actor", id);
    return true;
  }
}
