import { randomUUID } from "node:crypto";
import { byShape } from "../scope/shape";
import { NotFoundError } from "../common/errors";
import { inKeyOrder } from "../common/loader";
import { Executor } from "../neo4j/executor";
import { Label, Rel } from "../neo4j/graph-model";
import { relatedBatch } from "../neo4j/batch";
import { writeOne } from "../import/write-one";
import { Actor } from "../actor/actor.type";
import { Source } from "../source/source.type";
import { Territory } from "../territory/territory.type";
import type { MaturityAssessmentInput } from "./maturity.input";
import type { MaturityAssessment } from "./maturity.type";
import * as Q from "./maturity.cypher";
import { SubjectLabel } from "./maturity.cypher";
import { deleteLogged } from "../history/delete-logged";

/** A latest-assessment key: the subject's id and the date ("YYYY-MM-DD") it is wanted on, or null for today's. */
export interface MaturityKey {
  id: string;
  at: string | null;
}

// The sources an assessment cites, by date then title.
const SOURCES_OF_ASSESSMENTS = relatedBatch({
  from: Label.MaturityAssessment,
  pattern: `-[:${Rel.CITES}]->(x:${Label.Source})`,
  orderBy: "x.date, x.title, x.id",
});

/**
 * A row of ASSESSMENT_MAP → the API object. The subject becomes an Actor or Territory
 * instance so the MaturitySubject union can tell them apart; the subject type is kept as is.
 */
export function toAssessment(row: any): MaturityAssessment {
  if (row == null) return row;
  const subject = row.subject && Object.assign(row.subjectType === "ACTOR" ? new Actor() : new Territory(), row.subject);
  return { ...row, subject } as MaturityAssessment;
}

/** The only code that runs Cypher for maturity assessments. */
export class MaturityRepository {
  constructor(private readonly executor: Executor) {}

  async byIds(ids: readonly string[]): Promise<(MaturityAssessment | null)[]> {
    const rows = await this.executor.read(Q.ASSESSMENTS_BY_ID, { keys: ids });
    return inKeyOrder(ids.length, rows as { i: number; value: object | null }[], null).map(toAssessment);
  }

  /** For each key, the subject's latest assessment on or before `at` (null when none). */
  async latestOf(subject: SubjectLabel, keys: readonly MaturityKey[]): Promise<(MaturityAssessment | null)[]> {
    return byShape(keys, async (group, shape) => {
      const rows = await this.executor.read(Q.LATEST_ASSESSMENT(subject, shape.has("at")), { keys: group });
      return inKeyOrder(group.length, rows as { i: number; value: object | null }[], null).map(toAssessment);
    });
  }

  /** For each subject id, its assessments oldest first. */
  async historyOf(subject: SubjectLabel, ids: readonly string[]): Promise<MaturityAssessment[][]> {
    const rows = await this.executor.read(Q.ASSESSMENT_HISTORY(subject), { keys: ids });
    return inKeyOrder(ids.length, rows as { i: number; value: object[] }[], []).map((history) => history.map(toAssessment));
  }

  async sourcesOf(ids: readonly string[]): Promise<Source[][]> {
    const rows = await this.executor.read(SOURCES_OF_ASSESSMENTS, { keys: ids.map((id) => ({ id })) });
    return inKeyOrder(ids.length, rows as { i: number; value: Source[] }[], []);
  }

  /** Records an assessment, replacing the one with the same id: an import of one row. */
  async upsert(input: MaturityAssessmentInput): Promise<MaturityAssessment> {
    return toAssessment(await writeOne(this.executor, "maturityAssessments", { ...input, id: input.id ?? randomUUID() }, Q.ASSESSMENTS_BY_ID));
  }

  async delete(id: string): Promise<boolean> {
    const [row] = await deleteLogged(this.executor, Label.MaturityAssessment, id, Q.DELETE_ASSESSMENT);
    if (!row || row.deleted === 0) throw new NotFoundError("MaturityAssessment", id);
    return true;
  }
}
