import { registerDecorator, ValidationArguments, ValidationOptions } from "class-validator";
import { TerritoryLevel } from "./enums";

/** Luhn checksum over a string of digits (SIREN's check digit scheme). */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

export const isSiren = (value: unknown): boolean =>
  typeof value === "string" && /^\d{9}$/.test(value) && luhnValid(value);

/** A value as a message quotes it: strings in double quotes (cut at 60 characters), other values as JSON. */
export function quoted(value: unknown): string {
  if (typeof value !== "string") return JSON.stringify(value) ?? String(value);
  return `"${value.length > 60 ? `${value.slice(0, 59)}…` : value}"`;
}

/** Why `digits` is not a SIREN ("552032535": the check digit is wrong (Luhn)), quoting `shown` (the value as written), or undefined. */
export function sirenProblem(digits: unknown, shown: unknown = digits): string | undefined {
  if (isSiren(digits)) return undefined;
  if (typeof digits === "string" && /^\d{9}$/.test(digits)) return `${quoted(shown)}: the check digit is wrong (Luhn)`;
  // What spreadsheets do to a SIREN typed in a number column: a leading zero dropped, or 5,52033E+08.
  if (typeof digits === "string" && /^\d{8}$/.test(digits) && isSiren(`0${digits}`)) {
    return `${quoted(shown)} has 8 digits: was a leading zero dropped (0${digits})? Format the column as text`;
  }
  if (typeof shown === "string" && /^\d[.,]\d+E\+\d+$/i.test(shown)) {
    return `${quoted(shown)} is a number in scientific notation: format the column as text so that its 9 digits are kept`;
  }
  return `${quoted(shown)} is not a SIREN: 9 digits (552032534), the last a Luhn check digit`;
}

export const isRna = (value: unknown): boolean => typeof value === "string" && /^W\d{9}$/.test(value);

/** External ids: what a spreadsheet key or slug looks like, nothing that needs escaping. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._~:-]{0,99}$/;

const TERRITORY_REF = new RegExp(`^((${Object.values(TerritoryLevel).join("|")}):)?[0-9A-Z]{2,9}$`);
/** "94028" (an INSEE code) or "COMMUNE:94028" (level-qualified, for codes shared by two levels). */
export const isTerritoryRef = (value: unknown): boolean => typeof value === "string" && TERRITORY_REF.test(value);

/** The value a rule refused: a list's first failing item (rules given `each` see the whole list), else the value. */
export const firstFailing = (value: unknown, test: (item: unknown) => boolean): unknown =>
  Array.isArray(value) ? (value.find((item) => !test(item)) ?? value) : value;

/** A rule whose message quotes the value found: "…" then `message` (or what `message` says of the value). */
export function valueRule(name: string, test: (value: unknown) => boolean, message: string | ((value: unknown) => string)) {
  const describe = (value: unknown) => (typeof message === "string" ? `${quoted(value)} ${message}` : message(value));
  return (options?: ValidationOptions) => (target: object, propertyName: string) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName,
      options: { message: (args: ValidationArguments) => (args.value == null ? "is required" : describe(firstFailing(args.value, test))), ...options },
      validator: { validate: (value: unknown) => test(value) },
    });
}

export const IsTerritoryRef = valueRule(
  "isTerritoryRef",
  isTerritoryRef,
  "is not an INSEE code (\"94028\") nor a level-qualified territory id (\"REGION:11\")",
);
export const IsExternalId = valueRule(
  "isExternalId",
  (value) => typeof value === "string" && ID_PATTERN.test(value),
  "is not an id: 1–100 characters, letters, digits and . _ ~ : - (starting with a letter or digit)",
);

/**
 * Characters XML 1.0 cannot hold, so no stored text may (GEXF and GraphML exports are XML):
 * C0 controls other than TAB, LF and CR, lone surrogates and the noncharacters U+FFFE and
 * U+FFFF. Single-line text (names, titles, units, URLs) refuses TAB, LF and CR too: exports
 * write it in one cell or attribute.
 */
const CONTROLS = { one: "\\u0000-\\u001F", many: "\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F" };
const NONCHARACTERS = "\\uFFFE\\uFFFF";
// With the u flag a surrogate pair is one code point, so only a lone half matches.
const REFUSED = {
  one: new RegExp(`[${CONTROLS.one}\\uD800-\\uDFFF${NONCHARACTERS}]`, "u"),
  many: new RegExp(`[${CONTROLS.many}\\uD800-\\uDFFF${NONCHARACTERS}]`, "u"),
};

/** The JSON Schema pattern of storable text (lone surrogates left to the importer: a pattern without the u flag would refuse emoji). */
export const storableTextPattern = (lines: Lines) => `^[^${CONTROLS[lines]}${NONCHARACTERS}]*$`;

/** Text on one line, or text that may run over several (descriptions, notes). */
export type Lines = "one" | "many";

/**
 * Why `value` cannot be stored, naming the first refused character and where it is
 * ("contains U+0000 (a control character) at character 5; remove it"), or undefined.
 * Positions count characters (code points) from 1.
 */
export function refusedCharacter(value: string, lines: Lines): string | undefined {
  const found = REFUSED[lines].exec(value);
  if (!found) return undefined;
  const code = found[0].charCodeAt(0);
  const at = [...value.slice(0, found.index)].length + 1;
  const name = `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
  if (code === 0x09 || code === 0x0a || code === 0x0d) {
    const what = code === 0x09 ? "a tab" : "a line break";
    return `contains ${name} (${what}) at character ${at}; this field is one line: replace it with a space`;
  }
  const what = code < 0x20 ? "a control character" : code >= 0xfffe ? "a noncharacter" : "half of a surrogate pair, alone";
  return `contains ${name} (${what}) at character ${at}; remove it`;
}

/** Refuses text XML cannot carry (and, on one line, TAB, LF and CR): every stored string's kind attaches it. */
export function IsStorableText(lines: Lines, options?: ValidationOptions) {
  const problem = (value: unknown) => {
    const values = Array.isArray(value) ? value : [value];
    return values.map((item) => (typeof item === "string" ? refusedCharacter(item, lines) : undefined)).find(Boolean);
  };
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: "isStorableText",
      target: target.constructor,
      propertyName,
      options: { message: (args: ValidationArguments) => problem(args.value) ?? "", ...options },
      validator: { validate: (value: unknown) => problem(value) === undefined },
    });
}

/** The decorated date must not be before the sibling `startField` (ISO dates compare as strings). */
export function NotBefore(startField: string, options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: "notBefore",
      target: target.constructor,
      propertyName,
      constraints: [startField],
      options: {
        message: (args: ValidationArguments) =>
          `${quoted(args.value)} is before ${startField} ${quoted((args.object as Record<string, unknown>)[startField])}`,
        ...options,
      },
      validator: {
        validate(value: unknown, args: ValidationArguments) {
          const start = (args.object as Record<string, unknown>)[startField];
          return value == null || start == null || String(value) >= String(start);
        },
      },
    });
}

/** The decorated ISO date ("YYYY-MM-DD") is not after today (UTC); `why` ends the message. */
export function NotInFuture(why: string, options?: ValidationOptions) {
  const today = () => new Date().toISOString().slice(0, 10);
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: "notInFuture",
      target: target.constructor,
      propertyName,
      options: { message: (args: ValidationArguments) => `${quoted(args.value)} is after today (${today()}): ${why}`, ...options },
      validator: { validate: (value: unknown) => value == null || String(value) <= today() },
    });
}
