import { Float, Int } from "type-graphql";
import { LocalDateResolver } from "graphql-scalars";
import {
  ArrayMaxSize, ArrayMinSize, ArrayUnique, IsEnum, IsInt, IsNumber, IsString, IsUrl, Length, Max, Min, ValidateNested,
} from "class-validator";
import type { ValidationArguments, ValidationOptions } from "class-validator";
import { firstFailing, IsExternalId, IsStorableText, IsTerritoryRef, Lines, quoted, storableTextPattern, valueRule } from "../common/validators";
import { identifierProblem, IdentifierScheme, IdentifierSchemeSpec, normaliseAs, schemeSpec } from "../identifier/schemes";

/** A property decorator (class-validator's own have this shape). */
export type Decorator = (target: object, property: string) => void;

/** A class-validator rule factory; `each` applies it to every item of a list. */
type Rule = (each: boolean) => Decorator;

/**
 * What a value of a field is, once: its GraphQL type, its class-validator rules, its JSON
 * Schema, and how files write it (dates as YYYY-MM-DD, list cells `;`-separated, numbers).
 */
export interface Kind {
  type: () => any;
  rules: Rule[];
  json: object;
  date?: boolean;
  list?: boolean;
  number?: boolean;
  /** Free text, whose values may hold commas (a CSV list cell of it is split at ";" only: authors "Family, Given"). */
  freeText?: boolean;
  /** A nested input class (outcome indicator): its own fields, stored flat with the field name as prefix. */
  nested?: new () => object;
  /** Puts a value in its normal form before the rules see it and before it is written (API, import, lookups alike): an identifier without spaces, a DOI without its https://doi.org/ prefix. */
  normalise?: (value: unknown) => unknown;
  /** The identifier scheme the value belongs to (src/identifier/schemes.ts). */
  identifier?: IdentifierSchemeSpec;
}

const rule = (decorate: (options: { each: boolean }) => Decorator): Rule => (each) => decorate({ each });

/** A message quoting the value found (a list's first item failing `test`) with what was expected; "is required" when there is none. */
const says = (expected: (found: unknown) => string, test?: (item: unknown) => boolean) => (args: ValidationArguments) =>
  args.value == null ? "is required" : expected(test ? firstFailing(args.value, test) : args.value);

/**
 * Free text of `min`–`max` characters: one line (names, titles) unless `lines` is "many"
 * (descriptions, notes). Characters XML cannot hold are refused (see IsStorableText); ids,
 * codes, dates and enums have patterns that already exclude them.
 */
export const text = (min: number, max: number, lines: Lines = "one"): Kind => ({
  type: () => String,
  rules: [
    rule((o) => IsString({ ...o, message: says((v) => `${quoted(v)} is not text`) })),
    rule((o) => Length(min, max, { ...o, message: says((v) => `${quoted(v)} is ${String(v).length} characters long; ${min}–${max} expected`) })),
    rule((o) => IsStorableText(lines, o)),
  ],
  json: { type: "string", minLength: min, maxLength: max, pattern: storableTextPattern(lines) },
  freeText: true,
});

export const enumOf = (values: object): Kind => ({
  type: () => values,
  rules: [
    rule((o) => IsEnum(values, {
      ...o,
      message: says((v) => `${quoted(v)} is not one of ${Object.values(values).join(", ")}`, (v) => Object.values(values).includes(v)),
    })),
  ],
  json: { enum: Object.values(values) },
});

/** An external id (a spreadsheet key or slug); `graphqlType` ID where the input declares one. */
export const externalId = (graphqlType: () => any = () => String): Kind => ({
  type: graphqlType,
  rules: [rule((o) => IsExternalId(o))],
  json: { $ref: "#/$defs/id" },
});

export const territoryRef: Kind = { type: () => String, rules: [rule((o) => IsTerritoryRef(o))], json: { $ref: "#/$defs/territoryRef" } };

export const url: Kind = {
  type: () => String,
  // IsUrl lets control characters through in the path.
  rules: [
    rule((o) => IsUrl({ protocols: ["http", "https"], require_protocol: true }, { ...o, message: says((v) => `${quoted(v)} is not a web address starting with http:// or https://`) })),
    rule((o) => IsStorableText("one", o)),
  ],
  json: { type: "string", format: "uri" },
};

/** An external identifier of `scheme`: normalised ("552 032 534" → "552032534"), then checked by the scheme's rule (check digits). */
export function identifier(scheme: IdentifierScheme): Kind {
  const spec = schemeSpec(scheme);
  const normalise = (value: unknown) => normaliseAs(spec, value);
  if (scheme === IdentifierScheme.WEBSITE) return { ...url, normalise, identifier: spec };
  const check = (value: unknown) => identifierProblem(spec, value) === undefined;
  return {
    type: () => String,
    rules: [rule((o) => valueRule(`is${scheme}`, check, (value) => identifierProblem(spec, value) ?? "")(o))],
    json: { type: "string", pattern: spec.pattern!.source }, // the normal form (files may also give the forms normalisation reads)
    normalise,
    identifier: spec,
  };
}

export const siren = identifier(IdentifierScheme.SIREN);
export const rna = identifier(IdentifierScheme.RNA);

/** A "YYYY-MM-DD" date (GraphQL's LocalDate checks it; files are checked by the importer, which also reads CSV cells written 15/03/2021). */
export const date: Kind = { type: () => LocalDateResolver, rules: [], json: { $ref: "#/$defs/date" }, date: true };

const isSdgNumber = (v: unknown) => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 17;

export const sdgNumber: Kind = {
  type: () => Int,
  // One message for the three rules: what an SDG number is.
  rules: [IsInt, (o: ValidationOptions) => Min(1, o), (o: ValidationOptions) => Max(17, o)].map((check) =>
    rule((o) => check({ ...o, message: says((v) => `${quoted(v)} is not an SDG number: a whole number from 1 to 17`, isSdgNumber) })),
  ),
  json: { type: "integer", minimum: 1, maximum: 17 },
  number: true,
};

export const number: Kind = {
  type: () => Float,
  rules: [rule((o) => IsNumber({ allowNaN: false, allowInfinity: false }, { ...o, message: says((v) => `${quoted(v)} is not a number (12.5)`) }))],
  json: { type: "number" },
  number: true,
};

const count = (list: unknown) => (Array.isArray(list) ? `${list.length} value${list.length === 1 ? "" : "s"} given` : `${quoted(list)} is not a list`);
const twice = (list: unknown) => (Array.isArray(list) ? list.find((item, i) => list.indexOf(item) !== i) : list);

/** A list of `item`s (a CSV cell of `;`-separated values). */
export function listOf(item: Kind, limits: { min?: number; max?: number; unique?: boolean } = {}): Kind {
  const { min, max, unique } = limits;
  return {
    type: () => [item.type()],
    rules: [
      ...(min !== undefined ? [() => ArrayMinSize(min, { message: (a) => `${count(a.value)}; at least ${min} expected` })] : []),
      ...(max !== undefined ? [() => ArrayMaxSize(max, { message: (a) => `${count(a.value)}; at most ${max} expected` })] : []),
      ...(unique ? [() => ArrayUnique(undefined, { message: (a) => `${quoted(twice(a.value))} is given twice` })] : []),
      ...item.rules.map((r) => () => r(true)),
    ],
    json: {
      type: "array", items: item.json,
      ...(min !== undefined && { minItems: min }), ...(max !== undefined && { maxItems: max }), ...(unique && { uniqueItems: true }),
    },
    list: true,
    number: item.number,
    freeText: item.freeText,
  };
}

/** Sources cited by a fact: at most 50 ids (at least `min`). */
export const sourceIds = (min = 0): Kind => listOf(externalId(), { ...(min > 0 && { min }), max: 50 });

/** A nested input object (its class's own fields declare its rules and schema); stored flat. */
export const nested = (Class: new () => object): Kind => ({
  type: () => Class,
  rules: [() => ValidateNested()], // type-graphql builds nested instances itself, so nested rules run
  json: {},
  nested: Class,
});
