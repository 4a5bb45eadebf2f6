import { randomUUID } from "node:crypto";
import { NotFoundError } from "../common/errors";
import { inKeyOrder } from "../common/loader";
import { Executor } from "../neo4j/executor";
import { writeOne } from "../import/write-one";
import { Actor } from "../actor/actor.type";
import { SDG } from "../sdg/sdg.type";
import { Territory } from "../territory/territory.type";
import { OutcomeInput } from "./outcome.input";
import { Outcome } from "./outcome.type";
import * as Q from "./outcome.cypher";
import { Label } from "../neo4j/graph-model";
import { deleteLogged } from "../history/delete-logged";

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

  async sdgsOf(ids: readonly string[]): Promise<SDG[][]> {
    return this.related(Q.SDGS_OF_OUTCOMES, ids);
  }

  async beneficiaryTerritoriesOf(ids: readonly string[]): Promise<Territory[][]> {
    return this.related(Q.TERRITORIES_BENEFITING, ids);
  }

  async beneficiaryActorsOf(ids: readonly string[]): Promise<Actor[][]> {
    return this.related(Q.ACTORS_BENEFITING, ids);
  }

  /** Creates the outcome, or replaces it entirely when its id exists: an import of one row. */
  async upsert(input: OutcomeInput): Promise<Outcome> {
    return toOutcome(await writeOne(this.executor, "outcomes", { ...input, id: input.id ?? randomUUID() }, Q.OUTCOMES_BY_ID));
  }

  /** Replaces an existing outcome (NOT_FOUND when it does not exist). */
  async update(id: string, input: OutcomeInput): Promise<Outcome> {
    return toOutcome(await writeOne(this.executor, "outcomes", { ...input, id }, Q.OUTCOMES_BY_ID, { existing: id }));
  }

  async delete(id: string): Promise<boolean> {
    const [row] = await deleteLogged(this.executor, Label.Outcome, id, Q.DELETE_OUTCOME);
    if (!row || row.deleted === 0) throw new NotFoundError("Outcome", id);
    return true;
  }

  private async related<T>(cypher: string, ids: readonly string[]): Promise<T[][]> {
    const rows = await this.executor.read(cypher, { keys: ids.map((id) => ({ id })) });
    return inKeyOrder(ids.length, rows as { i: number; value: T[] }[], []);
  }
}
