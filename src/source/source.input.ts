import { Field, InputType } from "type-graphql";
import { LocalDateResolver } from "graphql-scalars";
import { IsEnum, IsOptional, IsString, IsUrl, Length } from "class-validator";
import { SourceKind } from "../common/enums";
import { IsExternalId } from "../common/validators";

/** A source to create; an existing id is updated in place (sources are whole records). */
@InputType({ description: "A source (study, article, report, event, register); an existing id is updated in place" })
export class SourceInput {
  @Field(() => String, { nullable: true, description: "External id; generated when omitted" })
  @IsOptional()
  @IsExternalId()
  id?: string;

  @Field()
  @IsString()
  @Length(1, 300)
  title!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200)
  publisher?: string | null;

  @Field(() => LocalDateResolver, { nullable: true })
  @IsOptional()
  date?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsUrl({ protocols: ["http", "https"], require_protocol: true })
  url?: string | null;

  @Field(() => SourceKind)
  @IsEnum(SourceKind)
  kind!: SourceKind;
}
