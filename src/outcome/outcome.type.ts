import { ConnectionOf } from "../common/connection";
import { Field, Float, ID, ObjectType } from "type-graphql";
import { LocalDateResolver } from "graphql-scalars";
import { OutcomeKind } from "../common/enums";

@ObjectType({ description: "A measured indicator: value, unit, date measured" })
export class Indicator {
  @Field(() => Float)
  value!: number;

  @Field()
  unit!: string;

  @Field(() => LocalDateResolver, { nullable: true })
  measuredOn?: string | null;
}

/** What an alliance produces ("les fruits de la co-construction"). */
@ObjectType({ description: "What an alliance produced: practice, result, impact, model, publication, event" })
export class Outcome {
  @Field(() => ID)
  id!: string;

  @Field(() => OutcomeKind)
  kind!: OutcomeKind;

  @Field()
  title!: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => Indicator, { nullable: true })
  indicator?: Indicator | null;

  allianceId!: string;
}

@ObjectType({ description: "A page of outcomes" })
export class OutcomeConnection extends ConnectionOf(Outcome) {}
