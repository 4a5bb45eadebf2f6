import { Field } from "type-graphql";
import { fieldsOf } from "./field";

/**
 * Exposes on an entity's GraphQL object type the stored properties its input declares
 * (neither the key, nor links, nor nested or derived fields), with the declared type,
 * nullability and description: a stored field is declared once, in the input.
 *
 *   @ObjectType() @storedFieldsOf(ActorInput) export class Actor { @Field(() => ID) id!: string; }
 *   export interface Actor extends Stored<ActorInput, "id" | "basedIn" | "sourceIds"> {}
 */
export function storedFieldsOf(Input: Function): ClassDecorator {
  return (Output) => {
    for (const decl of fieldsOf(Input)) {
      if (decl.key || decl.links || decl.derived || decl.kind.nested) continue;
      Field(decl.kind.type, { nullable: !!decl.optional, description: decl.description })(Output.prototype, decl.name);
    }
  };
}

/** The TypeScript shape of those properties, for the output class to merge with (`interface X extends Stored<…>`). */
export type Stored<Input, NotStored extends keyof Input> = Omit<Input, NotStored>;
