import { BadUserInputError } from "../common/errors";
import { IdentifierScheme, readIdentifier, schemeSpec } from "./schemes";

/**
 * An identifier a client looks up or filters by, read by its scheme's one normalisation: the
 * property to look in and the normal form ("552 032 534" → siren 552032534; no value: any).
 * A value that is not one of the scheme is BAD_USER_INPUT naming `field`.value.
 */
export function identifierCriterion(
  given: { scheme: IdentifierScheme; value?: string | null } | null | undefined,
  field: string,
): { property: string; value: string | null } | null {
  if (!given) return null;
  const { property } = schemeSpec(given.scheme);
  if (given.value == null) return { property, value: null };
  const read = readIdentifier(given.scheme, given.value);
  if ("problem" in read) throw new BadUserInputError(`${field}.value`, read.problem);
  return { property, value: read.value };
}
