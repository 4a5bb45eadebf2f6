import { Field, ID, ObjectType } from "type-graphql";
import { Stored, storedFieldsOf } from "../entity/output";
import { AllianceInput } from "./alliance.input";
import { ConnectionOf } from "../common/connection";

/** A partnership between two or more actors. Relationship fields live in alliance.resolver.ts. */
@ObjectType({ simpleResolvers: true, description: "A partnership (alliance d'intérêt général) between actors, acting in territories over a period" })
@storedFieldsOf(AllianceInput)
export class Alliance {
  @Field(() => ID)
  id!: string;

}
/** Its stored properties, as alliance.input.ts declares them. */
export interface Alliance extends Stored<AllianceInput, "id" | "territories" | "sdgs" | "sourceIds"> {}

@ObjectType({ simpleResolvers: true, description: "A page of alliances" })
export class AllianceConnection extends ConnectionOf(Alliance) {}
