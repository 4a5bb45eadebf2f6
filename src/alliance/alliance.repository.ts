import { randomUUID } from "node:crypto";
import { BadUserInputError, NotFoundError } from "../common/errors";
import { inKeyOrder } from "../common/loader";
import { nameKey } from "../common/text";
import { Page, PagePlan, toPage } from "../common/connection";
import { Executor, WriteTx } from "../neo4j/executor";
import { byIdBatch } from "../neo4j/batch";
import { Label } from "../neo4j/graph-model";
import { BatchPageKey, countQuery, ListSpec, pageParams, pageQuery, PageRow, runBatchCounts, runBatchPages } from "../neo4j/paging";
import { propsOf } from "../neo4j/props";
import { requireExisting, resolveTerritoryRefs } from "../neo4j/references";
import { Membership } from "../membership/membership.type";
import { Outcome } from "../outcome/outcome.type";
import { toOutcomeRows } from "../outcome/outcome.repository";
import { SDG } from "../sdg/sdg.type";
import { Territory } from "../territory/territory.type";
import { AllianceFilterParams, scopeShape } from "./alliance-filter";
import { byShape } from "../scope/shape";
import { AllianceInput, AlliancePatch } from "./alliance.input";
import { Alliance } from "./alliance.type";
import * as Q from "./alliance.cypher";

const ALLIANCE_FIELDS = ["name", "description", "kind", "objectives", "status", "startDate", "endDate"] as const;
const DATE_FIELDS = ["startDate", "endDate"] as const;

interface AllianceLinks {
  territories: string[] | null;
  sdgs: number[] | null;
  sourceIds: string[] | null;
}

/** The only code that runs Cypher for alliances. */
export class AllianceRepository {
  private readonly read: Executor["read"];

  constructor(private readonly executor: Executor) {
    this.read = executor.read.bind(executor);
  }

  async byIds(ids: readonly string[]): Promise<(Alliance | null)[]> {
    const rows = await this.read(byIdBatch(Label.Alliance), { keys: ids });
    return inKeyOrder(ids.length, rows as { i: number; value: Alliance | null }[], null);
  }

  /** One page of the alliances in scope; `totalCount` runs its query only when asked. */
  async page(scope: { filter: AllianceFilterParams; at: unknown }, plan: PagePlan): Promise<Page<Alliance>> {
    const spec = Q.ALLIANCES(plan.order, scopeShape(scope.filter, scope.at));
    const rows = await this.read(pageQuery(spec, plan), { ...scope, ...pageParams(plan) });
    return toPage(rows as PageRow<Alliance>[], plan, () => this.count(spec, scope));
  }

  inTerritories(keys: readonly BatchPageKey[]): Promise<PageRow<Alliance>[][]> {
    return byShape(keys, (group, shape) => runBatchPages(this.read, (order) => Q.ALLIANCES_IN_TERRITORY(order, shape), group));
  }

  countInTerritories(keys: readonly object[]): Promise<number[]> {
    return byShape(keys, (group, shape) => runBatchCounts(this.read, Q.ALLIANCES_IN_TERRITORY("NAME", shape), group));
  }

  forSdgs(keys: readonly BatchPageKey[]): Promise<PageRow<Alliance>[][]> {
    return byShape(keys, (group, shape) => runBatchPages(this.read, (order) => Q.ALLIANCES_FOR_SDG(order, shape), group));
  }

  countForSdgs(keys: readonly object[]): Promise<number[]> {
    return byShape(keys, (group, shape) => runBatchCounts(this.read, Q.ALLIANCES_FOR_SDG("NAME", shape), group));
  }

  membersOf(keys: readonly BatchPageKey[]): Promise<PageRow<Membership>[][]> {
    return byShape(keys, (group, shape) => runBatchPages(this.read, () => Q.MEMBERS_OF_ALLIANCE(shape), group));
  }

  countMembersOf(keys: readonly object[]): Promise<number[]> {
    return byShape(keys, (group, shape) => runBatchCounts(this.read, Q.MEMBERS_OF_ALLIANCE(shape), group));
  }

  async outcomesOf(keys: readonly BatchPageKey[]): Promise<PageRow<Outcome>[][]> {
    const pages = await byShape(keys, (group, shape) => runBatchPages<object>(this.read, () => Q.OUTCOMES_OF_ALLIANCE(shape), group));
    return pages.map(toOutcomeRows);
  }

  countOutcomesOf(keys: readonly object[]): Promise<number[]> {
    return byShape(keys, (group, shape) => runBatchCounts(this.read, Q.OUTCOMES_OF_ALLIANCE(shape), group));
  }

  async territoriesOf(ids: readonly string[]): Promise<Territory[][]> {
    const rows = await this.read(Q.TERRITORIES_OF_ALLIANCES, { keys: ids });
    return inKeyOrder(ids.length, rows as { i: number; value: Territory[] }[], []);
  }

  async sdgsOf(ids: readonly string[]): Promise<SDG[][]> {
    const rows = await this.read(Q.SDGS_OF_ALLIANCES, { keys: ids });
    return inKeyOrder(ids.length, rows as { i: number; value: SDG[] }[], []);
  }

  /** Creates the alliance, or replaces it when `input.id` exists (idempotent replays). */
  async upsert(input: AllianceInput): Promise<Alliance> {
    const id = input.id ?? randomUUID();
    const props = propsOf(input, ALLIANCE_FIELDS, "replace", DATE_FIELDS);
    return this.executor.write((tx) => this.save(tx, id, props, input));
  }

  /** Changes the given fields; the stored dates must still be in order afterwards. */
  async update(id: string, patch: AlliancePatch): Promise<Alliance> {
    return this.executor.write(async (tx) => {
      const [{ exists }] = await tx.run(Q.ALLIANCE_EXISTS, { id });
      if (!exists) throw new NotFoundError("Alliance", id);
      const props = propsOf(patch, ALLIANCE_FIELDS, "patch", DATE_FIELDS);
      return this.save(tx, id, props, {
        territories: patch.territories ?? null,
        sdgs: patch.sdgs ?? null,
        sourceIds: patch.sourceIds ?? null,
      });
    });
  }

  async delete(id: string): Promise<boolean> {
    const [row] = await this.executor.write((tx) => tx.run(Q.DELETE_ALLIANCE, { id }));
    if (!row || row.deleted === 0) throw new NotFoundError("Alliance", id);
    return true;
  }

  private async count(spec: ListSpec, params: object): Promise<number> {
    const [row] = await this.read(countQuery(spec), params as Record<string, unknown>);
    return row.total;
  }

  /** Checks references and writes in the caller's transaction; any failure writes nothing. */
  private async save(tx: WriteTx, id: string, props: Record<string, unknown>, links: AllianceLinks): Promise<Alliance> {
    const run = tx.run.bind(tx);
    const territoryIds = links.territories && (await resolveTerritoryRefs(run, links.territories, "input.territories"));
    if (links.sdgs) await requireExisting(run, Label.SDG, links.sdgs, "input.sdgs", "number");
    if (links.sourceIds) await requireExisting(run, Label.Source, links.sourceIds, "input.sourceIds");
    if (typeof props.name === "string") props.nameKey = nameKey(props.name);
    const [row] = await tx.run(Q.UPSERT_ALLIANCE, { id, props, territoryIds, sdgs: links.sdgs, sourceIds: links.sourceIds });
    assertDatesInOrder(row.alliance);
    return row.alliance;
  }
}

/** A patch may move one date past the stored other one; that is refused (and rolled back). */
export function assertDatesInOrder(record: { startDate?: string | null; endDate?: string | null }): void {
  if (record.startDate && record.endDate && record.endDate < record.startDate) {
    throw new BadUserInputError("input.endDate", `must not be before startDate (${record.startDate}); got ${record.endDate}`);
  }
}
