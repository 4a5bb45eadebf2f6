import { randomUUID } from "node:crypto";
import { NotFoundError } from "../common/errors";
import { ActorKind } from "../common/enums";
import { inKeyOrder } from "../common/loader";
import { nameKey } from "../common/text";
import { Page, PagePlan, toPage } from "../common/connection";
import { Executor, WriteTx } from "../neo4j/executor";
import { Label } from "../neo4j/graph-model";
import { byShape, shapeOf } from "../scope/shape";
import { BatchPageKey, countQuery, pageParams, pageQuery, PageRow, runBatchCounts, runBatchPages } from "../neo4j/paging";
import { propsOf } from "../neo4j/props";
import { requireExisting, resolveTerritoryRefs } from "../neo4j/references";
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

const ACTOR_FIELDS = ["name", "kind", "description", "website", "siren", "rna"] as const;

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
    const params = { ...scope, filter: { ...scope.filter, namePrefix: scope.filter.namePrefix && nameKey(scope.filter.namePrefix) } };
    const spec = Q.ACTORS(plan.order, shapeOf(params));
    const rows = await this.read(pageQuery(spec, plan), { ...params, ...pageParams(plan) });
    return toPage(rows as PageRow<Actor>[], plan, async () => (await this.read(countQuery(spec), params))[0].total);
  }

  membershipsOf(keys: readonly BatchPageKey[]): Promise<PageRow<Membership>[][]> {
    return byShape(keys, (group, shape) => runBatchPages(this.read, (order) => Q.MEMBERSHIPS_OF_ACTOR(order, shape), group));
  }

  countMembershipsOf(keys: readonly object[]): Promise<number[]> {
    return byShape(keys, (group, shape) => runBatchCounts(this.read, Q.MEMBERSHIPS_OF_ACTOR("NAME", shape), group));
  }

  coConstructorsOf(keys: readonly BatchPageKey[]): Promise<PageRow<CoConstructor>[][]> {
    return byShape(keys, (group, shape) => runBatchPages(this.read, () => Q.coConstructorsSpec(shape), group), Q.coConstructorsShape);
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
    return byShape(keys, (group, shape) => runBatchCounts(this.read, Q.coConstructorsSpec(shape), group), Q.coConstructorsShape);
  }

  async impactOf(keys: readonly BatchPageKey[]): Promise<PageRow<Outcome>[][]> {
    const pages = await byShape(keys, (group, shape) => runBatchPages<object>(this.read, () => Q.IMPACT_OF_ACTOR(shape), group));
    return pages.map(toOutcomeRows);
  }

  countImpactOf(keys: readonly object[]): Promise<number[]> {
    return byShape(keys, (group, shape) => runBatchCounts(this.read, Q.IMPACT_OF_ACTOR(shape), group));
  }

  /** What actors `a` and `b` share (on `at` when given); null when either does not exist. */
  async coConstruction(a: string, b: string, at: unknown): Promise<{ a: Actor; b: Actor; alliances: Alliance[] } | null> {
    const [row] = await this.read(Q.CO_CONSTRUCTION(at != null), { a, b, at });
    return (row as { a: Actor; b: Actor; alliances: Alliance[] }) ?? null;
  }

  /** Creates the actor, or replaces its fields when `input.id` exists (idempotent replays). */
  async upsert(input: ActorInput): Promise<Actor> {
    const id = input.id ?? randomUUID();
    return this.executor.write((tx) =>
      this.save(tx, id, propsOf(input, ACTOR_FIELDS, "replace"), input.basedIn ?? null, input.sourceIds ?? [], true),
    );
  }

  /** Changes the given fields of an existing actor. */
  async update(id: string, patch: ActorPatch): Promise<Actor> {
    return this.executor.write(async (tx) => {
      const [{ exists }] = await tx.run(Q.ACTOR_EXISTS, { id });
      if (!exists) throw new NotFoundError("Actor", id);
      const replaceBasedIn = patch.basedIn !== undefined;
      return this.save(tx, id, propsOf(patch, ACTOR_FIELDS, "patch"), patch.basedIn ?? null, patch.sourceIds ?? null, replaceBasedIn);
    });
  }

  async delete(id: string): Promise<boolean> {
    const [row] = await this.executor.write((tx) => tx.run(Q.DELETE_ACTOR, { id }));
    if (!row || row.deleted === 0) throw new NotFoundError("Actor", id);
    return true;
  }

  /** Checks references, then writes, in the caller's transaction: a bad reference writes nothing. */
  private async save(
    tx: WriteTx,
    id: string,
    props: Record<string, unknown>,
    basedIn: string | null,
    sourceIds: string[] | null,
    replaceBasedIn: boolean,
  ): Promise<Actor> {
    const run = tx.run.bind(tx);
    const [basedInId] = basedIn ? await resolveTerritoryRefs(run, [basedIn], "input.basedIn") : [null];
    await requireExisting(run, Label.Source, sourceIds ?? [], "input.sourceIds");
    if (typeof props.name === "string") props.nameKey = nameKey(props.name);
    const [row] = await tx.run(Q.UPSERT_ACTOR, { id, props, basedInId, replaceBasedIn, sourceIds });
    return row.actor;
  }
}
