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

export const isRna = (value: unknown): boolean => typeof value === "string" && /^W\d{9}$/.test(value);

/** External ids: what a spreadsheet key or slug looks like, nothing that needs escaping. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._~:-]{0,99}$/;

const TERRITORY_REF = new RegExp(`^((${Object.values(TerritoryLevel).join("|")}):)?[0-9A-Z]{2,9}$`);
/** "94028" (an INSEE code) or "COMMUNE:94028" (level-qualified, for codes shared by two levels). */
export const isTerritoryRef = (value: unknown): boolean => typeof value === "string" && TERRITORY_REF.test(value);

function simple(name: string, test: (value: unknown) => boolean, message: string) {
  return (options?: ValidationOptions) => (target: object, propertyName: string) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName,
      options: { message, ...options },
      validator: { validate: (value: unknown) => test(value) },
    });
}

export const IsSiren = simple("isSiren", isSiren, "must be a SIREN: 9 digits with a valid Luhn check digit");
export const IsRna = simple("isRna", isRna, "must be an RNA number: W followed by 9 digits");
export const IsTerritoryRef = simple(
  "isTerritoryRef",
  isTerritoryRef,
  "must be an INSEE code (\"94028\") or a level-qualified territory id (\"REGION:11\")",
);
export const IsExternalId = simple(
  "isExternalId",
  (value) => typeof value === "string" && ID_PATTERN.test(value),
  "must be 1–100 characters: letters, digits and . _ ~ : - (starting with a letter or digit)",
);

/** The decorated date must not be before the sibling `startField` (ISO dates compare as strings). */
export function NotBefore(startField: string, options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: "notBefore",
      target: target.constructor,
      propertyName,
      constraints: [startField],
      options: { message: `must not be before ${startField}`, ...options },
      validator: {
        validate(value: unknown, args: ValidationArguments) {
          const start = (args.object as Record<string, unknown>)[startField];
          return value == null || start == null || String(value) >= String(start);
        },
      },
    });
}
