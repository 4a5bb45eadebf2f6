import { ArgsType, Field, Int } from "type-graphql";
import { Max, Min } from "class-validator";

import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "./page-size";

/** `first` for every list: default 20, at most 100, so no single field can ask for the whole graph. */
@ArgsType()
export class ListArgs {
  @Field(() => Int, { description: `How many items, 1–${MAX_PAGE_SIZE}` })
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first: number = DEFAULT_PAGE_SIZE;
}
