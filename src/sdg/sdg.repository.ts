import { inKeyOrder } from "../common/loader";
import { Executor } from "../neo4j/executor";
import { Label, Rel } from "../neo4j/graph-model";
import { byIdBatch, relatedBatch } from "../neo4j/batch";
import { SDG, SDGTarget } from "./sdg.type";
import { NODE_PROPS } from "../neo4j/projection";

// All goals, by number.
const LIST_SDGS = `MATCH (g:${Label.SDG}) RETURN g {${NODE_PROPS}} AS sdg ORDER BY g.number`;

// For each key {id: number}: the goal's targets, by code.
const TARGETS = relatedBatch({
  from: Label.SDG,
  keyProperty: "number",
  pattern: `<-[:${Rel.TARGET_OF}]-(x:${Label.SDGTarget})`,
  orderBy: "x.order, x.code",
});

/** The only code that runs Cypher for SDGs (reads only: goals come from the seed). */
export class SdgRepository {
  constructor(private readonly executor: Executor) {}

  async byNumbers(numbers: readonly number[]): Promise<(SDG | null)[]> {
    const rows = await this.executor.read(byIdBatch(Label.SDG, "number"), { keys: numbers });
    return inKeyOrder(numbers.length, rows as { i: number; value: SDG | null }[], null);
  }

  async list(): Promise<SDG[]> {
    return (await this.executor.read(LIST_SDGS)).map((row) => row.sdg);
  }

  async targetsOf(numbers: readonly number[]): Promise<SDGTarget[][]> {
    const rows = await this.executor.read(TARGETS, { keys: numbers.map((id) => ({ id })) });
    return inKeyOrder(numbers.length, rows as { i: number; value: SDGTarget[] }[], []);
  }
}
