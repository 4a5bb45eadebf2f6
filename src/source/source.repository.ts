import { randomUUID } from "node:crypto";
import { BadUserInputError, NotFoundError } from "../common/errors";
import { inKeyOrder } from "../common/loader";
import { Executor } from "../neo4j/executor";
import { byIdBatch, relatedBatch } from "../neo4j/batch";
import { Label, Rel } from "../neo4j/graph-model";
import { writeOne } from "../import/write-one";
import { SourceInput } from "./source.input";
import { Source } from "./source.type";
import { deleteLogged } from "../history/delete-logged";

/** Labels whose facts cite sources. */
export type CitingLabel = Label.Actor | Label.Alliance | Label.Membership | Label.Outcome;

// Deletes a source nothing cites; returns how many facts cite it otherwise.
const DELETE_SOURCE = `MATCH (s:${Label.Source} {id: $id})
WITH s, COUNT { (s)<-[:${Rel.CITES}]-() } AS citations
FOREACH (_ IN CASE WHEN citations = 0 THEN [1] ELSE [] END | DETACH DELETE s)
RETURN citations`;

/** The only code that runs Cypher for sources. */
export class SourceRepository {
  constructor(private readonly executor: Executor) {}

  async byIds(ids: readonly string[]): Promise<(Source | null)[]> {
    const rows = await this.executor.read(byIdBatch(Label.Source), { keys: ids });
    return inKeyOrder(ids.length, rows as { i: number; value: Source | null }[], null);
  }

  /** For each id of a `label` node, the sources it cites, by date then title. */
  async citedBy(label: CitingLabel, ids: readonly string[]): Promise<Source[][]> {
    const cypher = relatedBatch({
      from: label,
      pattern: `-[:${Rel.CITES}]->(x:${Label.Source})`,
      orderBy: "x.date, x.title, x.id",
    });
    const rows = await this.executor.read(cypher, { keys: ids.map((id) => ({ id })) });
    return inKeyOrder(ids.length, rows as { i: number; value: Source[] }[], []);
  }

  /** Creates the source, or replaces it when its id exists: an import of one row. */
  async upsert(input: SourceInput): Promise<Source> {
    return writeOne(this.executor, "sources", { ...input, id: input.id ?? randomUUID() }, byIdBatch(Label.Source));
  }

  /** Replaces an existing source (NOT_FOUND when it does not exist). */
  async update(id: string, input: SourceInput): Promise<Source> {
    return writeOne(this.executor, "sources", { ...input, id }, byIdBatch(Label.Source), { existing: id });
  }

  /** Refuses to delete a source that facts still cite: provenance is never silently lost. */
  async delete(id: string): Promise<boolean> {
    const rows = await deleteLogged(this.executor, Label.Source, id, DELETE_SOURCE);
    if (rows.length === 0) throw new NotFoundError("Source", id);
    if (rows[0].citations > 0) {
      throw new BadUserInputError("id", `source "${id}" is cited by ${rows[0].citations} facts; change their sourceIds first`);
    }
    return true;
  }
}
