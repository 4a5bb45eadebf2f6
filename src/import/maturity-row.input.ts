import { ArrayMaxSize, ArrayMinSize, IsEnum, IsIn, IsString, registerDecorator, ValidationArguments } from "class-validator";
import { MaturityLevel } from "../common/enums";
import { ID_PATTERN, IsExternalId, isTerritoryRef } from "../common/validators";

/** What a maturity assessment is about: an actor (by id) or a territory (by INSEE code or territory id). */
export enum MaturitySubjectType {
  ACTOR = "ACTOR",
  TERRITORY = "TERRITORY",
}

/** `subjectId` is an actor id for ACTOR, a territory reference ("94028", "REGION:11") for TERRITORY. */
function IsSubjectRef() {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: "isSubjectRef",
      target: target.constructor,
      propertyName,
      options: {
        message: (args: ValidationArguments) =>
          (args.object as MaturityRowInput).subjectType === MaturitySubjectType.TERRITORY
            ? 'must be an INSEE code ("94028") or a level-qualified territory id ("REGION:11")'
            : "must be an actor id: 1–100 characters, letters, digits and . _ ~ : -",
      },
      validator: {
        validate(value: unknown, args: ValidationArguments) {
          if ((args.object as MaturityRowInput).subjectType === MaturitySubjectType.TERRITORY) return isTerritoryRef(value);
          return typeof value === "string" && ID_PATTERN.test(value);
        },
      },
    });
}

/**
 * One row of an import's `maturityAssessments` section (or maturity.csv): a study set
 * `level` for an actor or a territory on `assessedOn`, citing at least one source.
 * (The GraphQL API has its own maturity input; this one is the file format's.)
 */
export class MaturityRowInput {
  @IsExternalId()
  id!: string;

  @IsIn(Object.values(MaturitySubjectType), { message: "must be ACTOR or TERRITORY" })
  subjectType!: MaturitySubjectType;

  @IsSubjectRef()
  subjectId!: string;

  @IsEnum(MaturityLevel)
  level!: MaturityLevel;

  /** "YYYY-MM-DD"; import.validate.ts checks it is a real calendar date. */
  @IsString()
  assessedOn!: string;

  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsExternalId({ each: true })
  sourceIds!: string[];
}
