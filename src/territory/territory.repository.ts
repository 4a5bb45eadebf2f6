import { BadUserInputError } from "../common/errors";
import { TerritoryLevel } from "../common/enums";
import { inKeyOrder } from "../common/loader";
import { Executor } from "../neo4j/executor";
import { pickTerritory, RESOLVE_TERRITORY_REFS } from "../neo4j/references";
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

  /**
   * The territory a code names: "94028", "REGION:11", or "11" with level REGION.
   * A bare code shared by two levels (région 11, département 11) is ambiguous: the
   * error lists the candidates so the client can pick one.
   */
  async byCode(code: string, level: TerritoryLevel | null, field = "code"): Promise<Territory | null> {
    const rows = await this.read(Q.TERRITORIES_BY_CODE, { code, level });
    if (rows.length > 1) {
      const ids = rows.map((row) => row.territory.id).join(", ");
      throw new BadUserInputError(field, `"${code}" names several territories (${ids}); pass a level or one of these ids`);
    }
    return rows[0]?.territory ?? null;
  }

  /**
   * For each reference ("94028", "REGION:11"), its territory, or a BAD_USER_INPUT error
   * (unknown or ambiguous) in its place, as DataLoader expects.
   */
  async byRefs(refs: readonly string[], field = "territory"): Promise<(Territory | Error)[]> {
    const rows = await this.read(RESOLVE_TERRITORY_REFS, { keys: refs });
    return rows.map((row) => {
      try {
        return pickTerritory<Territory>(row.ref, row.matches, field);
      } catch (error) {
        return error as Error;
      }
    });
  }

  async parentsOf(ids: readonly string[]): Promise<(Territory | null)[]> {
    const rows = await this.read(Q.PARENTS, { keys: ids });
    return inKeyOrder(ids.length, rows as { i: number; value: Territory | null }[], null);
  }
}
