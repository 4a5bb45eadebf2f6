import { ID, InputType } from "type-graphql";
import { MaturityLevel, MaturitySubjectType } from "../common/enums";
import { NotInFuture } from "../common/validators";
import { field } from "../entity/field";
import { date, enumOf, externalId, sourceIds, text } from "../entity/kinds";
import { CITES_SOURCES } from "../entity/links";
import { Label, Rel } from "../neo4j/graph-model";

const onTerritory = (row: Record<string, any>) => row.subjectType === MaturitySubjectType.TERRITORY;

/** An assessment's fields, declared once (src/entity/field.ts); an existing id is replaced (so replays never duplicate). */
@InputType({ description: "A maturity assessment; an existing id is replaced in place" })
export class MaturityAssessmentInput {
  @field(externalId(() => ID), { optional: true, key: true, description: "External id; generated when omitted" })
  id?: string;

  // Stored as which node the subjectId link reaches.
  @field(enumOf(MaturitySubjectType), { derived: (n) => `CASE WHEN EXISTS { (${n})-[:${Rel.ASSESSES}]->(:${Label.Actor}) } THEN "ACTOR" ELSE "TERRITORY" END` })
  subjectType!: MaturitySubjectType;

  @field(externalId(), {
    description: "Actor id, or territory INSEE code / id (\"94028\", \"REGION:11\")",
    links: [
      { rel: Rel.ASSESSES, target: Label.Actor, when: (row) => !onTerritory(row) },
      { rel: Rel.ASSESSES, target: Label.Territory, when: onTerritory },
    ],
  })
  subjectId!: string;

  @field(enumOf(MaturityLevel))
  level!: MaturityLevel;

  @field(date, { rules: [NotInFuture("an assessment reports what was observed")] })
  assessedOn!: string;

  @field(text(0, 4000, "many"), { optional: true })
  note?: string | null;

  @field(sourceIds(1), { description: "Sources making the assessment: at least one, all existing", links: [CITES_SOURCES] })
  sourceIds!: string[];
}
