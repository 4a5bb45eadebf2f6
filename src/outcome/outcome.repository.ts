import { randomUUID } from "node:crypto";
import { NotFoundError } from "../common/errors";
import { OutcomeKind } from "../common/enums";
import { inKeyOrder } from "../common/loader";
import { Executor } from "../neo4j/executor";
import { Page, PagePlan, toPage } from "../common/connection";
import { countQuery, pageParams, pageQuery, PageRow } from "../neo4j/paging";
import { Label } from "../neo4j/graph-model";
import { toNeo4jDate } from "../neo4j/props";
import { requireExisting, resolveTerritoryRefs } from "../neo4j/references";
import { Actor } from "../actor/actor.type";
import { SDG } from "../sdg/sdg.type";
import { Territory } from "../territory/territory.type";
import { OutcomeInput } from "./outcome.input";
import { Outcome } from "./outcome.type";
import * as Q from "./outcome.cypher";
import { shapeOf } from "../scope/shape";

/** An OutcomeFilter as Cypher receives it (territory resolved to an id). */
export interface OutcomeFilterParams {
  kinds: OutcomeKind[] | null;
  sdgs: number[] | null;
  allianceIds: string[] | null;
  territoryId: string | null;
}

/** Stored outcome properties (indicator kept flat on the node) → the API's Outcome. */
export function toOutcome(row: any): Outcome {
  const { indicatorValue, indicatorUnit, indicatorMeasuredOn, ...rest } = row;
  const indicator = indicatorValue == null ? null : { value: indicatorValue, unit: indicatorUnit, measuredOn: indicatorMeasuredOn ?? null };
  return { ...rest, indicator };
}

/** Page rows whose nodes are outcome maps as Cypher returns them → rows of Outcomes. */
export function toOutcomeRows<R extends { node: any }>(rows: readonly R[]): (Omit<R, "node"> & { node: Outcome })[] {
  return rows.map((row) => ({ ...row, node: toOutcome(row.node) }));
}

/** The only code that runs Cypher for outcomes. */
export class OutcomeRepository {
  constructor(private readonly executor: Executor) {}

  async byIds(ids: readonly string[]): Promise<(Outcome | null)[]> {
    const rows = await this.executor.read(Q.OUTCOMES_BY_ID, { keys: ids });
    return inKeyOrder(ids.length, rows as { i: number; value: object | null }[], null).map((o) => o && toOutcome(o));
  }

  /** One page of outcomes in scope; `totalCount` runs its query only when asked. */
  async page(scope: { filter: OutcomeFilterParams; at: unknown }, plan: PagePlan): Promise<Page<Outcome>> {
    const spec = Q.OUTCOMES(shapeOf(scope));
    const rows = await this.executor.read(pageQuery(spec, plan), { ...scope, ...pageParams(plan) });
    const outcomes = toOutcomeRows(rows as PageRow<object>[]);
    return toPage(outcomes, plan, async () => (await this.executor.read(countQuery(spec), scope))[0].total);
  }

  async sdgsOf(ids: readonly string[]): Promise<SDG[][]> {
    return this.related(Q.SDGS_OF_OUTCOMES, ids);
  }

  async beneficiaryTerritoriesOf(ids: readonly string[]): Promise<Territory[][]> {
    return this.related(Q.TERRITORIES_BENEFITING, ids);
  }

  async beneficiaryActorsOf(ids: readonly string[]): Promise<Actor[][]> {
    return this.related(Q.ACTORS_BENEFITING, ids);
  }

  /** Creates the outcome, or replaces it entirely when its id exists. */
  async upsert(input: OutcomeInput, id = input.id ?? randomUUID()): Promise<Outcome> {
    return this.executor.write(async (tx) => {
      const run = tx.run.bind(tx);
      await requireExisting(run, Label.Alliance, [input.allianceId], "input.allianceId");
      const territoryIds = await resolveTerritoryRefs(run, input.beneficiaryTerritories, "input.beneficiaryTerritories");
      await requireExisting(run, Label.Actor, input.beneficiaryActorIds, "input.beneficiaryActorIds");
      await requireExisting(run, Label.SDG, input.sdgs, "input.sdgs", "number");
      await requireExisting(run, Label.Source, input.sourceIds, "input.sourceIds");
      const props = {
        kind: input.kind,
        title: input.title,
        description: input.description ?? null,
        indicatorValue: input.indicator?.value ?? null,
        indicatorUnit: input.indicator?.unit ?? null,
        indicatorMeasuredOn: toNeo4jDate(input.indicator?.measuredOn),
      };
      const [row] = await tx.run(Q.UPSERT_OUTCOME, {
        id,
        allianceId: input.allianceId,
        props,
        sdgs: input.sdgs,
        territoryIds,
        actorIds: input.beneficiaryActorIds,
        sourceIds: input.sourceIds,
      });
      return toOutcome(row.outcome);
    });
  }

  /** Replaces an existing outcome (NOT_FOUND when it does not exist). */
  async update(id: string, input: OutcomeInput): Promise<Outcome> {
    const [existing] = await this.byIds([id]);
    if (!existing) throw new NotFoundError("Outcome", id);
    return this.upsert(input, id);
  }

  async delete(id: string): Promise<boolean> {
    const [row] = await this.executor.write((tx) => tx.run(Q.DELETE_OUTCOME, { id }));
    if (!row || row.deleted === 0) throw new NotFoundError("Outcome", id);
    return true;
  }

  private async related<T>(cypher: string, ids: readonly string[]): Promise<T[][]> {
    const rows = await this.executor.read(cypher, { keys: ids.map((id) => ({ id })) });
    return inKeyOrder(ids.length, rows as { i: number; value: T[] }[], []);
  }
}
