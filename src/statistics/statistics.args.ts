import { ArgsType, Field, Int } from "type-graphql";
import { Max, Min } from "class-validator";
import { MAX_PAGE_SIZE } from "../common/page-size";

/** `first` of `mostConnectedActors`: default 10, at most 100. */
@ArgsType()
export class MostConnectedArgs {
  @Field(() => Int, { description: `How many actors, 1–${MAX_PAGE_SIZE}` })
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first: number = 10;
}
