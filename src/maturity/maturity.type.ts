import { Field, ID, ObjectType, createUnionType } from "type-graphql";
import { MaturityAssessmentInput } from "./maturity.input";
import { Stored, storedFieldsOf } from "../entity/output";
import { MaturitySubjectType } from "../common/enums";
import { Actor } from "../actor/actor.type";
import { Territory } from "../territory/territory.type";

export { MaturitySubjectType }; // declared with the other enums, so inputs need not import this type

/** Subjects are Actor / Territory instances (see `toAssessment`), so the union tells them apart by class. */
export const MaturitySubject = createUnionType({
  name: "MaturitySubject",
  description: "An actor or a territory",
  types: () => [Actor, Territory] as const,
  resolveType: (value) => (value instanceof Territory ? Territory : Actor),
});

/**
 * A source's judgement of an actor's or a territory's maturity in allying, on a date.
 * Its `sources` are resolved (batched, only when asked) by MaturityAssessmentResolver.
 */
@ObjectType({ simpleResolvers: true, description: "A source's assessment of an actor's or a territory's maturity in allying, on a date" })
@storedFieldsOf(MaturityAssessmentInput)
export class MaturityAssessment {
  @Field(() => ID)
  id!: string;

  @Field(() => MaturitySubjectType)
  subjectType!: MaturitySubjectType;

  @Field(() => MaturitySubject, { description: "The actor or territory assessed" })
  subject!: Actor | Territory;
}
/** Its stored properties, as maturity.input.ts declares them. */
export interface MaturityAssessment extends Stored<MaturityAssessmentInput, "id" | "subjectType" | "subjectId" | "sourceIds"> {}
