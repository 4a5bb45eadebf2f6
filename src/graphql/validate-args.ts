import { validateOrReject, ValidatorOptions } from "class-validator";
import { ArgumentValidationError } from "type-graphql";
import { normaliseInput } from "../entity/field";

const OPTIONS: ValidatorOptions = { forbidUnknownValues: false, stopAtFirstError: false, skipMissingProperties: true };

/** Argument values already found valid, by class and JSON; cleared when full (values repeat a lot, a few are enough). */
const valid = new Set<string>();
const MAX_REMEMBERED = 5_000;

/**
 * type-graphql's `validateFn`: the same class-validator check it runs with `validate: true`
 * (objects only, every item of a list), remembering argument values that passed. A nested
 * list asks the same arguments once per item (`outcomes(first: 20)` on each of 100 shared
 * alliances): without the memo, class-validator ran 100 times per request, with a dynamic
 * `require` each time (bench: about a tenth of the server's CPU on W1-hub). Our rules are
 * pure functions of the value, so a value that passed once passes again; failures are
 * never remembered, so every invalid request gets its full error.
 */
export async function validateArgs(value: unknown): Promise<void> {
  if (value === null || typeof value !== "object") return;
  const items = Array.isArray(value) ? value.filter((item) => item !== null && typeof item === "object") : [value];
  for (const item of items) {
    normaliseInput(item); // identifiers in their normal form before the rules and the resolver see them
    const key = `${item.constructor?.name}:${JSON.stringify(item)}`;
    if (valid.has(key)) continue;
    try {
      await validateOrReject(item, OPTIONS);
    } catch (errors) {
      throw new ArgumentValidationError(errors as never);
    }
    if (valid.size >= MAX_REMEMBERED) valid.clear();
    valid.add(key);
  }
}
