import { ConnectionOf } from "../common/connection";
import { Field, ID, ObjectType } from "type-graphql";
import { Stored, storedFieldsOf } from "../entity/output";
import { IndicatorInput, OutcomeInput } from "./outcome.input";

@ObjectType({ simpleResolvers: true, description: "A measured indicator: value, unit, date measured" })
@storedFieldsOf(IndicatorInput)
export class Indicator {}
/** Its stored properties, as outcome.input.ts declares them. */
export interface Indicator extends Stored<IndicatorInput, never> {}

/** What an alliance produces ("les fruits de la co-construction"). */
@ObjectType({ simpleResolvers: true, description: "What an alliance produced: practice, result, impact, model, publication, event" })
@storedFieldsOf(OutcomeInput)
export class Outcome {
  @Field(() => ID)
  id!: string;

  @Field(() => Indicator, { nullable: true })
  indicator?: Indicator | null;

  allianceId!: string;
}
/** Its stored properties, as outcome.input.ts declares them. */
export interface Outcome extends Stored<OutcomeInput, "id" | "allianceId" | "indicator" | "sdgs" | "beneficiaryTerritories" | "beneficiaryActorIds" | "sourceIds"> {}

@ObjectType({ simpleResolvers: true, description: "A page of outcomes" })
export class OutcomeConnection extends ConnectionOf(Outcome) {}
