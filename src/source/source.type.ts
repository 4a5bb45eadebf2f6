import { ConnectionOf } from "../common/connection";
import { Stored, storedFieldsOf } from "../entity/output";
import { SourceInput } from "./source.input";
import { Field, ID, ObjectType } from "type-graphql";

/** Where a fact comes from: study, action-research report, article, event, register. */
@ObjectType({ simpleResolvers: true, description: "Where a fact comes from: a study, article, action-research report, event or register" })
@storedFieldsOf(SourceInput)
export class Source {
  @Field(() => ID)
  id!: string;

}
/** Its stored properties, as source.input.ts declares them. */
export interface Source extends Stored<SourceInput, "id"> {}

@ObjectType({ simpleResolvers: true, description: "A page of sources" })
export class SourceConnection extends ConnectionOf(Source) {}
