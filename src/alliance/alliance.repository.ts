import { randomUUID } from "node:crypto";
import { NotFoundError } from "../common/errors";
import { writeOne } from "../import/write-one";
import { inKeyOrder } from "../common/loader";
import { Executor } from "../neo4j/executor";
import { byIdBatch } from "../neo4j/batch";
import { Label } from "../neo4j/graph-model";
import { SDG } from "../sdg/sdg.type";
import { Territory } from "../territory/territory.type";
import { AllianceInput, AlliancePatch } from "./alliance.input";
import { Alliance } from "./alliance.type";
import * as Q from "./alliance.cypher";
import { deleteLogged } from "../history/delete-logged";

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
    const [row] = await deleteLogged(this.executor, Label.Alliance, id, Q.DELETE_ALLIANCE);
    if (!row || row.deleted === 0) throw new NotFoundError("Alliance", id);
    return true;
  }
}
