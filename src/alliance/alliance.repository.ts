import { randomUUID } from "node:crypto";
import { NotFoundError } from "../common/errors";
import { writeOne } from "../import/write-one";
import { inKeyOrder } from "../common/loader";
import { Page, PagePlan, toPage } from "../common/connection";
import { Executor } from "../neo4j/executor";
import { byIdBatch } from "../neo4j/batch";
import { Label } from "../neo4j/graph-model";
import { BatchPageKey, countQuery, ListSpec, pageParams, pageQuery, PageRow, runBatchCounts, runBatchPages } from "../neo4j/paging";
import { Membership } from "../membership/membership.type";
import { Outcome } from "../outcome/outcome.type";
import { toOutcomeRows } from "../outcome/outcome.repository";
import { SDG } from "../sdg/sdg.type";
import { Territory } from "../territory/territory.type";
import { AllianceFilterParams, scopeShape } from "./alliance-filter";
import { AllianceInput, AlliancePatch } from "./alliance.input";
import { Alliance } from "./alliance.type";
import * as Q from "./alliance.cypher";

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

  /**
   * One page of the alliances in scope; `totalCount` runs its query only when asked.
   * A territory in the filter is walked down from (ALLIANCES_WITHIN) rather than checked
   * on every alliance of the graph.
   */
  async page(scope: { filter: AllianceFilterParams; at: unknown }, plan: PagePlan): Promise<Page<Alliance>> {
    const { territoryId } = scope.filter;
    const params = territoryId ? { territoryId, filter: { ...scope.filter, territoryId: null }, at: scope.at } : scope;
    const shape = scopeShape(params.filter, params.at);
    const spec = territoryId ? Q.ALLIANCES_WITHIN(plan.order, shape) : Q.ALLIANCES(plan.order, shape);
    const rows = await this.read(pageQuery(spec, plan), { ...params, ...pageParams(plan) });
    return toPage(rows as PageRow<Alliance>[], plan, () => this.count(spec, params));
  }

  inTerritories(keys: readonly BatchPageKey[]): Promise<PageRow<Alliance>[][]> {
    return runBatchPages(this.read, Q.ALLIANCES_IN_TERRITORY, keys);
  }

  countInTerritories(keys: readonly object[]): Promise<number[]> {
    return runBatchCounts(this.read, Q.ALLIANCES_IN_TERRITORY("NAME"), keys);
  }

  forSdgs(keys: readonly BatchPageKey[]): Promise<PageRow<Alliance>[][]> {
    return runBatchPages(this.read, Q.ALLIANCES_FOR_SDG, keys);
  }

  countForSdgs(keys: readonly object[]): Promise<number[]> {
    return runBatchCounts(this.read, Q.ALLIANCES_FOR_SDG("NAME"), keys);
  }

  membersOf(keys: readonly BatchPageKey[]): Promise<PageRow<Membership>[][]> {
    return runBatchPages(this.read, () => Q.MEMBERS_OF_ALLIANCE, keys);
  }

  countMembersOf(keys: readonly object[]): Promise<number[]> {
    return runBatchCounts(this.read, Q.MEMBERS_OF_ALLIANCE, keys);
  }

  async outcomesOf(keys: readonly BatchPageKey[]): Promise<PageRow<Outcome>[][]> {
    const pages = await runBatchPages<object>(this.read, () => Q.OUTCOMES_OF_ALLIANCE, keys);
    return pages.map(toOutcomeRows);
  }

  countOutcomesOf(keys: readonly object[]): Promise<number[]> {
    return runBatchCounts(this.read, Q.OUTCOMES_OF_ALLIANCE, keys);
  }

  async territoriesOf(ids: readonly string[]): Promise<Territory[][]> {
    const rows = await this.read(Q.TERRITORIES_OF_ALLIANCES, { keys: ids });
    return inKeyOrder(ids.length, rows as { i: number; value: Territory[] }[], []);
  }

  async sdgsOf(ids: readonly string[]): Promise<SDG[][]> {
    const rows = await this.read(Q.SDGS_OF_ALLIANCES, { keys: ids });
    return inKeyOrder(ids.length, rows as { i: number; value: SDG[] }[], []);
  }

  /** Creates the alliance, or replaces it when `input.id` exists (idempotent replays): an import of one row. */
  async upsert(input: AllianceInput): Promise<Alliance> {
    return writeOne(this.executor, "alliances", { ...input, id: input.id ?? randomUUID() }, byIdBatch(Label.Alliance));
  }

  /** Changes the given fields; the dates must still be in order afterwards (the patched row is validated whole). */
  async update(id: string, patch: AlliancePatch): Promise<Alliance> {
    return writeOne(this.executor, "alliances", patch, byIdBatch(Label.Alliance), { existing: id, patch: true });
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
}
