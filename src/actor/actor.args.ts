import { ArgsType, Field, InputType, Int, registerEnumType } from "type-graphql";
import { LocalDateResolver } from "graphql-scalars";
import { IsEnum, IsInt, IsOptional, Length, Max, Min, ValidateNested } from "class-validator";
import { ConnectionArgs } from "../common/connection";
import { ActorKind } from "../common/enums";
import { SortDirection } from "../common/ordering";
import { AllianceFilter } from "../alliance/alliance-filter.input";
import { criterion } from "../entity/field";
import { listOf, sdgNumber, territoryRef } from "../entity/kinds";
import { IdentifierCriterion } from "../identifier/identifier.type";

/** Which actors a list covers. */
@InputType({ description: "Which actors to cover; lists mean any of, criteria combine with AND" })
export class ActorFilter {
  @Field(() => [ActorKind], { nullable: true })
  @IsOptional()
  @IsEnum(ActorKind, { each: true })
  kinds?: ActorKind[] | null;

  @criterion(territoryRef, "Based in this territory or anywhere inside it (INSEE code or id)")
  territory?: string | null;

  @criterion(listOf(sdgNumber), "Member of an alliance contributing to one of these SDGs")
  sdgs?: number[] | null;

  @Field(() => String, { nullable: true, description: "Name starts with this, ignoring case and accents" })
  @IsOptional()
  @Length(1, 200)
  nameStartsWith?: string | null;

  @Field(() => IdentifierCriterion, { nullable: true, description: "Holds this identifier (scheme and value), or any identifier of the scheme (scheme only)" })
  @IsOptional()
  @ValidateNested()
  identifier?: IdentifierCriterion | null;
}

export enum ActorOrderField {
  NAME = "NAME",
  ALLIANCE_COUNT = "ALLIANCE_COUNT",
}
registerEnumType(ActorOrderField, {
  name: "ActorOrderField",
  valuesConfig: {
    NAME: { description: "Name, accents and case folded" },
    ALLIANCE_COUNT: { description: "Number of alliances (active on `at` when given), then name" },
  },
});

@InputType({ description: "Sort order; ties are broken by name, then id" })
export class ActorOrder {
  @Field(() => ActorOrderField)
  @IsEnum(ActorOrderField)
  field: ActorOrderField = ActorOrderField.NAME;

  @Field(() => SortDirection)
  @IsEnum(SortDirection)
  direction: SortDirection = SortDirection.ASC;
}

/** Arguments of `actors`. With `at`, only actors with an alliance active on that date (the network then). */
@ArgsType()
export class ActorListArgs extends ConnectionArgs {
  @Field(() => ActorFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: ActorFilter | null;

  @Field(() => LocalDateResolver, { nullable: true, description: "Only actors with an alliance active on this date" })
  @IsOptional()
  at?: string | null;

  @Field(() => ActorOrder, { nullable: true })
  @IsOptional()
  @ValidateNested()
  orderBy?: ActorOrder | null;
}

/** Arguments of `Actor.coConstructors`. */
@ArgsType()
export class CoConstructorArgs extends ConnectionArgs {
  @Field(() => Int, { defaultValue: 1, description: "1: actors sharing an alliance; 2: also their co-constructors (distance 2)" })
  @IsInt()
  @Min(1)
  @Max(2)
  depth!: number;

  @Field(() => [ActorKind], { nullable: true, description: "Kinds of the co-constructors returned" })
  @IsOptional()
  @IsEnum(ActorKind, { each: true })
  kinds?: ActorKind[] | null;

  @criterion(territoryRef, "Co-constructors based in this territory or inside it")
  territory?: string | null;

  @Field(() => AllianceFilter, { nullable: true, description: "Which alliances count as shared" })
  @IsOptional()
  @ValidateNested()
  filter?: AllianceFilter | null;

  @Field(() => LocalDateResolver, { nullable: true, description: "Only alliances and memberships active on this date" })
  @IsOptional()
  at?: string | null;
}
