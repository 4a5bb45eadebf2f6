import { registerDecorator, ValidationArguments } from "class-validator";
import { IsStorableText, quoted } from "../common/validators";
import { Decorator, Kind } from "../entity/kinds";

/** A DOI as stored: "10." then a registrant code of 4–9 digits, "/" and a suffix without spaces. */
export const DOI_PATTERN = /^10\.\d{4,9}\/\S+$/;

// What people paste in front of a DOI: its resolver's address (any scheme, dx. or not) or "doi:".
const DOI_PREFIX = /^(?:(?:https?:\/\/)?(?:dx\.)?doi\.org\/|doi:\s*)/i;

/**
 * A DOI without what is pasted in front of it ("https://doi.org/10.1000/XYZ", "doi:10.1000/xyz"
 * → "10.1000/XYZ"): the suffix is kept as given, since DOIs compare case-insensitively anyway.
 */
export const normaliseDoi = (value: unknown): unknown => (typeof value === "string" ? value.trim().replace(DOI_PREFIX, "") : value);

const isDoi = (value: unknown) => typeof value === "string" && DOI_PATTERN.test(normaliseDoi(value) as string);

/** Pages as citations write them: "12", "12-18", "xii", "e1002" or a list "12-18, 25" (hyphen or en dash). */
const PAGES_PATTERN = /^[A-Za-z]?\d{1,6}(?:\s*[-–]\s*[A-Za-z]?\d{1,6})?(?:\s*,\s*[A-Za-z]?\d{1,6}(?:\s*[-–]\s*[A-Za-z]?\d{1,6})?){0,9}$|^[ivxlcdmIVXLCDM]{1,12}(?:\s*[-–]\s*[ivxlcdmIVXLCDM]{1,12})?$/;

function rule(name: string, test: (value: unknown) => boolean, expected: string): (each: boolean) => Decorator {
  return (each) => (target, propertyName) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName,
      options: { each, message: (args: ValidationArguments) => (args.value == null ? "is required" : `${quoted(args.value)} ${expected}`) },
      validator: { validate: test },
    });
}

/** A DOI ("10.1000/xyz"); a https://doi.org/ or "doi:" prefix is accepted and stripped before storing (see normaliseDoi). */
export const doi: Kind = {
  type: () => String,
  rules: [
    rule("isDoi", isDoi, 'is not a DOI: "10." then 4 to 9 digits, "/" and a suffix without spaces (10.1000/xyz123), optionally after https://doi.org/ or doi:'),
    (each) => IsStorableText("one", { each }),
  ],
  json: { type: "string", pattern: "^(https?://(dx\\.)?doi\\.org/|[Dd][Oo][Ii]:\\s*)?10\\.\\d{4,9}/\\S+$" },
  normalise: normaliseDoi,
};

/** Pages cited: "12", "12-18", "xii", "12-18, 25". */
export const pages: Kind = {
  type: () => String,
  rules: [rule("isPages", (v) => typeof v === "string" && PAGES_PATTERN.test(v), 'are not pages: "12", "12-18", "xii" or "12-18, 25"')],
  json: { type: "string", pattern: PAGES_PATTERN.source },
};
