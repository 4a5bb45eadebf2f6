import { inKeyOrder } from "../common/loader";
import { Executor } from "../neo4j/executor";
import { territoriesNamed } from "../neo4j/references";
import { Territory } from "./territory.type";
import * as Q from "./territory.cypher";

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

  async parentsOf(ids: readonly string[]): Promise<(Territory | null)[]> {
    const rows = await this.read(Q.PARENTS, { keys: ids });
    return inKeyOrder(ids.length, rows as { i: number; value: Territory | null }[], null);
  }
}
