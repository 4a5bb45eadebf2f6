import { TerritoryLevel } from "../common/enums";
import { inKeyOrder } from "../common/loader";
import { nameKey } from "../common/text";
import { Page, PagePlan, toPage } from "../common/connection";
import { Executor } from "../neo4j/executor";
import { BatchPageKey, countQuery, pageParams, pageQuery, PageRow, runBatchCounts, runBatchPages } from "../neo4j/paging";
import { territoriesNamed } from "../neo4j/references";
import { Actor } from "../actor/actor.type";
import { Territory } from "./territory.type";
import * as Q from "./territory.cypher";
import { byShape, shapeOf } from "../scope/shape";

export interface TerritoryScope {
  level: TerritoryLevel | null;
  withinId: string | null;
  namePrefix: string | null;
}

/** The only code that runs Cypher for territories (reads only: geography comes from the seed). */
export class TerritoryRepository {
  private readonly read: Executor["read"];

  constructor(executor: Executor) {
    this.read = executor.read.bind(executor);
  }

  async byIds(ids: readonly string[]): Promise<(Territory | null)[]> {
    const rows = await this.read(Q.TERRITORIES_BY_ID, { keys: ids });
    return inKeyOrder(ids.length, rows as { i: number; value: Territory | null }[], null);
  }

  /** For each reference ("94028", "REGION:11"), every territory it names (see scope/territory-ref.ts). */
  byRefs(refs: readonly string[]): Promise<Territory[][]> {
    return territoriesNamed<Territory>(this.read, refs);
  }

  /** One page of territories in scope, by name. */
  async page(scope: TerritoryScope, plan: PagePlan): Promise<Page<Territory>> {
    const params = { ...scope, namePrefix: scope.namePrefix && nameKey(scope.namePrefix) };
    const spec = Q.TERRITORIES(shapeOf(params));
    const rows = await this.read(pageQuery(spec, plan), { ...params, ...pageParams(plan) });
    return toPage(rows as PageRow<Territory>[], plan, async () => (await this.read(countQuery(spec), params))[0].total);
  }

  async parentsOf(ids: readonly string[]): Promise<(Territory | null)[]> {
    const rows = await this.read(Q.PARENTS, { keys: ids });
    return inKeyOrder(ids.length, rows as { i: number; value: Territory | null }[], null);
  }

  childrenOf(keys: readonly BatchPageKey[]): Promise<PageRow<Territory>[][]> {
    return byShape(keys, (group, shape) => runBatchPages(this.read, () => Q.CHILDREN(shape), group));
  }

  countChildrenOf(keys: readonly object[]): Promise<number[]> {
    return byShape(keys, (group, shape) => runBatchCounts(this.read, Q.CHILDREN(shape), group));
  }

  actorsIn(keys: readonly BatchPageKey[]): Promise<PageRow<Actor>[][]> {
    return byShape(keys, (group, shape) => runBatchPages(this.read, () => Q.ACTORS_IN(shape), group));
  }

  countActorsIn(keys: readonly object[]): Promise<number[]> {
    return byShape(keys, (group, shape) => runBatchCounts(this.read, Q.ACTORS_IN(shape), group));
  }
}
