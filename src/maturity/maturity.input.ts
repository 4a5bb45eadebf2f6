import { Field, ID, InputType } from "type-graphql";
import { LocalDateResolver } from "graphql-scalars";
import { ArrayMaxSize, ArrayMinSize, IsEnum, IsOptional, Length, registerDecorator, ValidationOptions } from "class-validator";
import { MaturityLevel } from "../common/enums";
import { IsExternalId } from "../common/validators";
import { MaturitySubjectType } from "./maturity.type";

/** The decorated ISO date ("YYYY-MM-DD") is not after today: an assessment reports what was observed. */
function NotInFuture(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: "notInFuture",
      target: target.constructor,
      propertyName,
      options: { message: "must not be in the future", ...options },
      validator: { validate: (value: unknown) => value == null || String(value) <= new Date().toISOString().slice(0, 10) },
    });
}

/** An assessment to record; an existing id is replaced (so replays never duplicate). */
@InputType({ description: "A maturity assessment; an existing id is replaced in place" })
export class MaturityAssessmentInput {
  @Field(() => ID, { nullable: true, description: "External id; generated when omitted" })
  @IsOptional()
  @IsExternalId()
  id?: string;

  @Field(() => MaturitySubjectType)
  @IsEnum(MaturitySubjectType)
  subjectType!: MaturitySubjectType;

  @Field({ description: "Actor id, or territory INSEE code / id (\"94028\", \"REGION:11\")" })
  @IsExternalId()
  subjectId!: string;

  @Field(() => MaturityLevel)
  @IsEnum(MaturityLevel)
  level!: MaturityLevel;

  @Field(() => LocalDateResolver)
  @NotInFuture()
  assessedOn!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(0, 4000)
  note?: string | null;

  @Field(() => [String], { description: "Sources making the assessment: at least one, all existing" })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsExternalId({ each: true })
  sourceIds!: string[];
}
