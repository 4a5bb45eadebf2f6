import { ConnectionOf } from "../common/connection";
import { Field, ID, ObjectType } from "type-graphql";
import { LocalDateResolver } from "graphql-scalars";
import { SourceKind } from "../common/enums";

/** Where a fact comes from: study, action-research report, article, event, register. */
@ObjectType({ description: "Where a fact comes from: a study, article, action-research report, event or register" })
export class Source {
  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  @Field(() => String, { nullable: true })
  publisher?: string | null;

  @Field(() => LocalDateResolver, { nullable: true })
  date?: string | null;

  @Field(() => String, { nullable: true })
  url?: string | null;

  @Field(() => SourceKind)
  kind!: SourceKind;
}

@ObjectType({ description: "A page of sources" })
export class SourceConnection extends ConnectionOf(Source) {}
