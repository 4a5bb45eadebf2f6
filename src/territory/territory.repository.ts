import { BadUserInputError } from "../common/errors";
import { TerritoryLevel } from "../common/enums";
import { inKeyOrder } from "../common/loader";
import { nameKey } from "../common/text";
import { Executor } from "../neo4j/executor";
import { pickTerritory, RESOLVE_TERRITORY_REFS } from "../neo4j/references";
import { Alliance } from "../alliance/alliance.type";
import { Actor } from "../actor/actor.type";
import { Territory } from "./territory.type";
import * as Q from "./territory.cypher";

export interface TerritoryFilter {
  level?: TerritoryLevel | null;
  withinId?: string | null;
  namePrefix?: string | null;
  first: number;
}

export interface PageKey {
  id: string;
  first: number;
}

/** The only code that runs Cypher for territories (reads only: geography comes from the seed). */
export class TerritoryRepository {
  constructor(private readonly executor: Executor) {}

  async byIds(ids: readonly string[]): Promise<(Territory | null)[]> {
    const rows = await this.executor.read(Q.TERRITORIES_BY_ID, { keys: ids });
    return inKeyOrder(ids.length, rows as { i: number; value: Territory | null }[], null);
  }

  /**
   * The territory a code names: "94028", "REGION:11", or "11" with level REGION.
   * A bare code shared by two levels (région 11, département 11) is ambiguous: the
   * error lists the candidates so the client can pick one.
   */
  async byCode(code: string, level: TerritoryLevel | null, field = "code"): Promise<Territory | null> {
    const rows = await this.executor.read(Q.TERRITORIES_BY_CODE, { code, level });
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
    const rows = await this.executor.read(RESOLVE_TERRITORY_REFS, { keys: refs });
    return rows.map((row) => {
      try {
        return pickTerritory<Territory>(row.ref, row.matches, field);
      } catch (error) {
        return error as Error;
      }
    });
  }

  async list(filter: TerritoryFilter): Promise<Territory[]> {
    const rows = await this.executor.read(Q.LIST_TERRITORIES, {
      level: filter.level ?? null,
      withinId: filter.withinId ?? null,
      namePrefix: filter.namePrefix ? nameKey(filter.namePrefix) : null,
      first: filter.first,
    });
    return rows.map((row) => row.territory);
  }

  async parentsOf(ids: readonly string[]): Promise<(Territory | null)[]> {
    const rows = await this.executor.read(Q.PARENTS, { keys: ids });
    return inKeyOrder(ids.length, rows as { i: number; value: Territory | null }[], null);
  }

  async childrenOf(keys: readonly PageKey[]): Promise<Territory[][]> {
    return this.paged(Q.CHILDREN, keys);
  }

  async alliancesIn(keys: readonly PageKey[]): Promise<Alliance[][]> {
    return this.paged(Q.ALLIANCES_IN, keys);
  }

  async actorsIn(keys: readonly PageKey[]): Promise<Actor[][]> {
    return this.paged(Q.ACTORS_IN, keys);
  }

  private async paged<T>(cypher: string, keys: readonly PageKey[]): Promise<T[][]> {
    const rows = await this.executor.read(cypher, { keys });
    return inKeyOrder(keys.length, rows as { i: number; value: T[] }[], []);
  }
}
