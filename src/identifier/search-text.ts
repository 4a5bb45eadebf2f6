import { IDENTIFIER_SCHEMES, IdentifierScheme } from "./schemes";

/** A website is looked for only in text written as a web address (a word such as "creteil" is not one). */
const WEB_ADDRESS = /^(https?:\/\/|www\.)/i;

/**
 * The identifiers a searched text can be, by property, in their normal form: "552 032 534" →
 * {siren: "552032534"}, "https://www.wikidata.org/wiki/Q90" → {wikidata: "Q90"}. Each scheme
 * reads it with its one normalisation and keeps it only when its rule accepts it.
 */
export function identifiersIn(text: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const spec of IDENTIFIER_SCHEMES) {
    if (spec.scheme === IdentifierScheme.WEBSITE && !WEB_ADDRESS.test(text.trim())) continue;
    const value = spec.clean(text);
    if (spec.problem(value) === undefined) found[spec.property] = value;
  }
  return found;
}
