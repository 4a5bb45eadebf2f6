import { ArgsType, Field, InputType, registerEnumType } from "type-graphql";
import { LocalDateResolver } from "graphql-scalars";
import { IsEnum, IsOptional, ValidateNested } from "class-validator";
import { ConnectionArgs } from "../common/connection";
import { SortDirection } from "../common/ordering";
import { AllianceFilter } from "./alliance-filter.input";

export enum AllianceOrderField {
  NAME = "NAME",
  START_DATE = "START_DATE",
  MEMBER_COUNT = "MEMBER_COUNT",
}
registerEnumType(AllianceOrderField, {
  name: "AllianceOrderField",
  valuesConfig: {
    NAME: { description: "Name, accents and case folded" },
    START_DATE: { description: "Start date (unknown dates first when ascending), then name" },
    MEMBER_COUNT: { description: "Number of members (active on `at` when given), then name" },
  },
});

@InputType({ description: "Sort order; ties are broken by name, then id, so pages are stable" })
export class AllianceOrder {
  @Field(() => AllianceOrderField)
  @IsEnum(AllianceOrderField)
  field: AllianceOrderField = AllianceOrderField.NAME;

  @Field(() => SortDirection)
  @IsEnum(SortDirection)
  direction: SortDirection = SortDirection.ASC;
}

/** Arguments of every alliance list: scope, date, order and page. */
@ArgsType()
export class AllianceListArgs extends ConnectionArgs {
  @Field(() => AllianceFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: AllianceFilter | null;

  @Field(() => LocalDateResolver, { nullable: true, description: "Only alliances active on this date" })
  @IsOptional()
  at?: string | null;

  @Field(() => AllianceOrder, { nullable: true })
  @IsOptional()
  @ValidateNested()
  orderBy?: AllianceOrder | null;
}
