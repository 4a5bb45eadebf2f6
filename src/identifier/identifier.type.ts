import { Field, InputType, ObjectType, registerEnumType } from "type-graphql";
import { IsEnum, IsOptional, IsString, Length } from "class-validator";
import { IDENTIFIER_SCHEMES, IdentifierScheme } from "./schemes";

registerEnumType(IdentifierScheme, {
  name: "IdentifierScheme",
  description: "A register that identifies organisations",
  valuesConfig: Object.fromEntries(IDENTIFIER_SCHEMES.map((spec) => [spec.scheme, { description: spec.form }])),
});

/** Longest identifier text a client may give (a website address is the longest). */
export const MAX_IDENTIFIER_LENGTH = 500;

@ObjectType({ simpleResolvers: true, description: "An identifier of an actor in an external register" })
export class ActorIdentifier {
  @Field(() => IdentifierScheme)
  scheme!: IdentifierScheme;

  @Field({ description: "In its normal form (552032534, 03yrm5c26, Q90)" })
  value!: string;

  @Field(() => String, { nullable: true, description: "The identifier as a web address, when its register gives one" })
  uri!: string | null;
}

@InputType({ description: "An identifier to look an actor up by; the value is normalised first (\"552 032 534\", https://ror.org/03yrm5c26)" })
export class ActorIdentifierInput {
  @Field(() => IdentifierScheme)
  @IsEnum(IdentifierScheme)
  scheme!: IdentifierScheme;

  @Field()
  @IsString()
  @Length(1, MAX_IDENTIFIER_LENGTH)
  value!: string;
}

@InputType({ description: "Actors holding an identifier of this scheme: this value (normalised first), or any value when it is omitted" })
export class IdentifierCriterion {
  @Field(() => IdentifierScheme)
  @IsEnum(IdentifierScheme)
  scheme!: IdentifierScheme;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, MAX_IDENTIFIER_LENGTH)
  value?: string | null;
}
