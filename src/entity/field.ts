import { Field, InputType } from "type-graphql";
import { IsOptional, ValidateIf } from "class-validator";
import { Label, Rel } from "../neo4j/graph-model";
import { Decorator, Kind } from "./kinds";

/** A relationship the keys of a field are stored as: (n)-[rel]->(target {keyProperty: key}), or incoming. */
export interface Link {
  rel: Rel;
  target: Label;
  /** The target's key property ("number" for SDGs). */
  keyProperty?: string;
  incoming?: boolean;
  /** Only rows where this holds use the link (a maturity subject is an actor or a territory). */
  when?: (row: Record<string, any>) => boolean;
}

export interface FieldOptions {
  /** May be omitted or null (the GraphQL field is nullable). */
  optional?: boolean;
  description?: string;
  /** Rules beyond those of the kind (dates in order, not in the future). */
  rules?: Decorator[];
  /** Stored as links to the nodes its keys name, not as a property. */
  links?: Link[];
  /** Not stored: follows from another field's links; exported as this Cypher expression over node `n`. */
  derived?: (n: string) => string;
  /** The key rows upsert by: files must give it, the API generates it when omitted. */
  key?: boolean;
  /** A list whose order means something (authors): exported as given, not sorted. */
  ordered?: boolean;
}

/** One field of an entity, declared once: every other view of it (patch, Cypher, CSV, JSON Schema, export) derives from this. */
export interface FieldDecl extends FieldOptions {
  name: string;
  kind: Kind;
}

const FIELDS = new Map<Function, FieldDecl[]>();

/** The declared fields of an input class, in declaration order. */
export const fieldsOf = (Class: Function): FieldDecl[] => FIELDS.get(Class) ?? [];

/**
 * Declares a field of an input class: its GraphQL field, its validation (the kind's rules,
 * optional or required) and how it is stored, imported and exported.
 */
export function field(kind: Kind, options: FieldOptions = {}): Decorator {
  return (target, property) => {
    const decl: FieldDecl = { name: property, kind, ...options };
    FIELDS.set(target.constructor, [...fieldsOf(target.constructor), decl]);
    decorate(target, decl, options.optional ? "optional" : "required");
  };
}

/**
 * Declares an optional criterion of a filter or of arguments: its GraphQL field and its kind's
 * rules, as an entity's field has them, but stored nowhere (filters are read, never written).
 */
export function criterion(kind: Kind, description?: string): Decorator {
  return (target, property) => decorate(target, { name: property, kind, description }, "optional");
}

/** Per input class (inputs, patches, filters), the fields whose kind normalises values. */
const NORMALISED = new Map<Function, { name: string; normalise: (value: unknown) => unknown }[]>();

/**
 * Puts every normalised field of `input` (an input class instance, and the instances nested in
 * it: a filter inside arguments) in its normal form, in place: what the API and the importer do
 * before class-validator sees the values, so both store "552 032 534" as 552032534.
 */
export function normaliseInput(input: unknown): void {
  if (input === null || typeof input !== "object") return;
  if (Array.isArray(input)) return input.forEach(normaliseInput);
  const record = input as Record<string, unknown>;
  for (let Class = input.constructor; Class && Class !== Object; Class = Object.getPrototypeOf(Class)) {
    for (const { name, normalise } of NORMALISED.get(Class) ?? []) {
      const value = record[name];
      if (value != null) record[name] = Array.isArray(value) ? value.map(normalise) : normalise(value);
    }
  }
  for (const value of Object.values(record)) if (value !== null && typeof value === "object" && value.constructor !== Object) normaliseInput(value);
}

function decorate(target: object, decl: FieldDecl, presence: "optional" | "required" | "patch"): void {
  if (decl.kind.normalise) NORMALISED.set(target.constructor, [...(NORMALISED.get(target.constructor) ?? []), { name: decl.name, normalise: decl.kind.normalise }]);
  Field(decl.kind.type, { nullable: presence !== "required", description: decl.description })(target, decl.name);
  if (presence === "optional") IsOptional()(target, decl.name);
  // In a patch, omitted keeps the value; null is validated (and refused): a required field cannot be cleared.
  if (presence === "patch") ValidateIf((patch) => patch[decl.name] !== undefined)(target, decl.name);
  for (const rule of decl.kind.rules) rule(false)(target, decl.name);
  for (const rule of decl.rules ?? []) rule(target, decl.name);
}

/**
 * The patch input of `Input`: the same fields and rules (less `omit`), every one optional;
 * omitted keeps the stored value, null clears an optional field.
 */
export function patchOf<T extends object, K extends keyof T>(
  Input: new () => T,
  name: string,
  description: string,
  omit: readonly K[],
): new () => Partial<Omit<T, K>> {
  const Patch = class {};
  Object.defineProperty(Patch, "name", { value: name }); // format-error prefixes `input.` to fields of …Patch classes
  const fields = fieldsOf(Input).filter((decl) => !(omit as readonly string[]).includes(decl.name));
  for (const decl of fields) decorate(Patch.prototype, decl, decl.optional ? "optional" : "patch");
  InputType(name, { description })(Patch);
  return Patch as new () => Partial<Omit<T, K>>;
}
