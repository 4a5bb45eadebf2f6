import { ArgsType, Field } from "type-graphql";
import { IsEnum, IsOptional, Matches, MaxLength } from "class-validator";
import { ConnectionArgs } from "../common/connection";
import { SearchKind } from "./search.type";

export const MAX_SEARCH_LENGTH = 200;

/** Arguments of `search`: the text, which kinds of thing to look for, and the page. */
@ArgsType()
export class SearchArgs extends ConnectionArgs {
  @Field({ description: `Words to look for (case and accents ignored; the last word also matches as a prefix), 1–${MAX_SEARCH_LENGTH} characters` })
  @Matches(/\S/, { message: "must not be empty or only whitespace" })
  @MaxLength(MAX_SEARCH_LENGTH)
  text!: string;

  @Field(() => [SearchKind], { nullable: true, description: "Only these kinds (default: all four)" })
  @IsOptional()
  @IsEnum(SearchKind, { each: true })
  kinds?: SearchKind[] | null;
}
