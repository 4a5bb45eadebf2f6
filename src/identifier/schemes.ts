import { isURL } from "class-validator";
import { luhnValid, quoted, refusedCharacter, sirenProblem } from "../common/validators";

/** The external identifier schemes an actor may carry, one stored property each (see IDENTIFIER_SCHEMES). */
export enum IdentifierScheme {
  SIREN = "SIREN",
  SIRET = "SIRET",
  RNA = "RNA",
  ROR = "ROR",
  UAI = "UAI",
  WIKIDATA = "WIKIDATA",
  INSEE_COG = "INSEE_COG",
  WEBSITE = "WEBSITE",
}

/** One scheme, declared once: its property, its rule, its normal form and its web address. */
export interface IdentifierSchemeSpec {
  scheme: IdentifierScheme;
  /** The Actor property (and ActorInput field, CSV column, JSON key) that holds it. */
  property: string;
  /** The scheme's usual name (schema:propertyID in linked data). */
  label: string;
  /** What the rule checks, for descriptions and the README. */
  form: string;
  /** The normal form's shape (the JSON Schema pattern; the rule also checks digits). */
  pattern?: RegExp;
  /** The normal form of what a person may write (spaces, dots, case, a URL), not yet checked. */
  clean: (raw: string) => string;
  /** Why `value` (a cleaned value) is not one, quoting `shown` (as written); undefined when it is. */
  problem: (value: string, shown?: string) => string | undefined;
  /** The value as a web address. */
  uri?: (value: string) => string;
  /** The IRI linked data names the same entity with (owl:sameAs), when the register publishes RDF. */
  rdf?: (value: string) => string;
}

/** Spaces of any kind (no-break, narrow no-break), dots and hyphens people put between groups of characters. */
const SEPARATORS = /[\s.\u00A0\u202F-]/g;
const GROUPED = /^[0-9A-Za-z]+(?:([ .\u00A0\u202F-])[0-9A-Za-z]+)?(?:\1[0-9A-Za-z]+)*$/;
/** Groups joined by one kind of separator ("552 032 534", "552.032.534") read without it; mixed separators are left for the rule to refuse. */
const ungrouped = (raw: string) => (GROUPED.test(raw.trim()) ? raw.trim().replace(SEPARATORS, "") : raw.trim());
/** The last path segment of a web address on `hosts` ("https://ror.org/03yrm5c26" → "03yrm5c26"), else the text. */
const lastSegmentOn = (hosts: RegExp) => (raw: string) => {
  const url = /^(?:https?:\/\/)?([^/\s]+)(\/[^?#\s]*)/i.exec(raw.trim());
  if (!url || !hosts.test(url[1])) return raw.trim();
  return url[2].split("/").filter(Boolean).pop() ?? "";
};

const sirenOf = (raw: string) => ungrouped(lastSegmentOn(/(^|\.)(annuaire-entreprises\.data\.gouv\.fr|societe\.com|pappers\.fr)$/i)(raw));

/** La Poste's establishments (SIREN 356000000) number their SIRETs so that the digits sum to a multiple of 5, except the head office. */
const LA_POSTE = "356000000";
const LA_POSTE_HEAD_OFFICE = "35600000000048";

const SIRET_FORM = /^\d{14}$/;
function siretProblem(value: string, shown = value): string | undefined {
  if (!SIRET_FORM.test(value)) return `${quoted(shown)} is not a SIRET: 14 digits (55203253400018), the SIREN then the establishment's 5`;
  if (value.startsWith(LA_POSTE) && value !== LA_POSTE_HEAD_OFFICE) {
    const sum = [...value].reduce((total, digit) => total + Number(digit), 0);
    return sum % 5 === 0 ? undefined : `${quoted(shown)}: the digits of a La Poste SIRET must add up to a multiple of 5`;
  }
  if (!luhnValid(value.slice(0, 9))) return `${quoted(shown)}: its first 9 digits are not a SIREN (Luhn)`;
  return luhnValid(value) ? undefined : `${quoted(shown)}: the check digit is wrong (Luhn)`;
}

/** Crockford's base 32, as ROR writes it (lower case; no i, l, o, u). */
const CROCKFORD = "0123456789abcdefghjkmnpqrstvwxyz";

/** ISO 7064 mod 97-10 check of the number the 6 base-32 characters of a ROR id make. */
export function rorChecksum(body: string): string {
  const n = [...body].reduce((total, c) => total * 32 + CROCKFORD.indexOf(c), 0);
  return String(98 - ((n * 100) % 97)).padStart(2, "0");
}

const ROR_FORM = /^0[0-9a-hjkmnp-tv-z]{6}\d{2}$/;
function rorProblem(value: string, shown = value): string | undefined {
  if (!ROR_FORM.test(value)) {
    return `${quoted(shown)} is not a ROR id: 0, 6 characters of Crockford base 32 and 2 check digits (03yrm5c26)`;
  }
  return rorChecksum(value.slice(1, 7)) === value.slice(7) ? undefined : `${quoted(shown)}: the check digits are wrong (ISO 7064 mod 97-10)`;
}

/** The letters a UAI's check letter is taken from (no I, O, Q): the 7 digits modulo 23 index them. */
const UAI_LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ";
export const uaiLetter = (digits: string) => UAI_LETTERS[Number(digits) % 23];

const UAI_FORM = /^\d{7}[A-Z]$/;
function uaiProblem(value: string, shown = value): string | undefined {
  if (!UAI_FORM.test(value)) return `${quoted(shown)} is not a UAI: 7 digits and a check letter (0751717J)`;
  return uaiLetter(value.slice(0, 7)) === value[7] ? undefined : `${quoted(shown)}: the check letter is wrong (${value.slice(0, 7)}${uaiLetter(value.slice(0, 7))} expected)`;
}

/**
 * Codes of the Code officiel géographique: a commune (5 characters, 2A/2B in Corsica: 94028,
 * 2A004), a département (2 or 3: 94, 2A, 974) or a région (2: 11). No code starts 00 or 20.
 */
const COG = /^(?:(?!00|20)\d{2}|2[AB])(?:\d{3})?$|^97[1-8]$/;

function cogProblem(value: string, shown = value): string | undefined {
  if (COG.test(value)) return undefined;
  // A spreadsheet drops the leading zero of 01004 (a number column).
  if (/^\d{4}$/.test(value) && COG.test(`0${value}`)) return `${quoted(shown)} has 4 digits: was a leading zero dropped (0${value})? Format the column as text`;
  return `${quoted(shown)} is not an INSEE code (COG): a commune (94028, 2A004), a département (94, 2A, 974) or a région (11)`;
}

function websiteProblem(value: string, shown = value): string | undefined {
  if (!isURL(value, { protocols: ["http", "https"], require_protocol: true })) return `${quoted(shown)} is not a web address starting with http:// or https://`;
  return refusedCharacter(value, "one");
}

/** A web address with its scheme and host in lower case (no scheme is guessed: "www.x.fr" could be http or https). */
function cleanWebsite(raw: string): string {
  return raw.trim().replace(/^(https?:\/\/)([^/?#]*)/i, (_, scheme: string, host: string) => `${scheme.toLowerCase()}${host.toLowerCase()}`);
}

const RNA_FORM = /^W\d{9}$/;
const WIKIDATA_FORM = /^Q[1-9]\d{0,11}$/;

/** Every scheme, in the order Actor.identifiers lists them. */
export const IDENTIFIER_SCHEMES: readonly IdentifierSchemeSpec[] = [
  {
    scheme: IdentifierScheme.SIREN, property: "siren", label: "SIREN", form: "SIREN: 9 digits, the last a Luhn check digit (552032534)",
    clean: sirenOf,
    pattern: /^\d{9}$/,
    problem: (value, shown) => sirenProblem(value, shown),
    uri: (value) => `https://annuaire-entreprises.data.gouv.fr/entreprise/${value}`,
  },
  {
    scheme: IdentifierScheme.SIRET, property: "siret", label: "SIRET", form: "SIRET: 14 digits, Luhn-checked (La Poste's: digits adding up to a multiple of 5)",
    clean: (raw) => ungrouped(lastSegmentOn(/(^|\.)annuaire-entreprises\.data\.gouv\.fr$/i)(raw)),
    pattern: SIRET_FORM,
    problem: siretProblem,
    uri: (value) => `https://annuaire-entreprises.data.gouv.fr/etablissement/${value}`,
  },
  {
    scheme: IdentifierScheme.RNA, property: "rna", label: "RNA", form: "RNA association number: W and 9 digits (W751234567)",
    clean: (raw) => ungrouped(raw).toUpperCase(),
    pattern: RNA_FORM,
    problem: (value, shown = value) => (RNA_FORM.test(value) ? undefined : `${quoted(shown)} is not an RNA number: W followed by 9 digits (W751234567)`),
  },
  {
    scheme: IdentifierScheme.ROR, property: "ror", label: "ROR", form: "ROR id: 0, 6 Crockford base-32 characters, 2 ISO 7064 check digits (03yrm5c26)",
    clean: (raw) => lastSegmentOn(/(^|\.)ror\.org$/i)(raw).replace(/\s/g, "").toLowerCase(),
    pattern: ROR_FORM,
    problem: rorProblem,
    uri: (value) => `https://ror.org/${value}`,
    rdf: (value) => `https://ror.org/${value}`,
  },
  {
    scheme: IdentifierScheme.UAI, property: "uai", label: "UAI", form: "UAI: 7 digits and a check letter, the number modulo 23 (0751717J)",
    clean: (raw) => ungrouped(raw).toUpperCase(),
    pattern: UAI_FORM,
    problem: uaiProblem,
  },
  {
    scheme: IdentifierScheme.WIKIDATA, property: "wikidata", label: "Wikidata", form: "Wikidata item: Q and a number (Q90)",
    clean: (raw) => lastSegmentOn(/(^|\.)wikidata\.org$/i)(raw).replace(/^wd:/i, "").replace(/\s/g, "").toUpperCase(),
    pattern: WIKIDATA_FORM,
    problem: (value, shown = value) => (WIKIDATA_FORM.test(value) ? undefined : `${quoted(shown)} is not a Wikidata item: Q and a number (Q90)`),
    uri: (value) => `https://www.wikidata.org/entity/${value}`,
    // Wikidata's concept IRIs are http://, its pages https://.
    rdf: (value) => `http://www.wikidata.org/entity/${value}`,
  },
  {
    scheme: IdentifierScheme.INSEE_COG, property: "inseeCog", label: "INSEE COG", form: "INSEE code (COG) of a commune (94028, 2A004), département (94, 2A, 974) or région (11)",
    clean: (raw) => raw.replace(/\s/g, "").toUpperCase(),
    pattern: COG,
    problem: cogProblem,
  },
  {
    scheme: IdentifierScheme.WEBSITE, property: "website", label: "website", form: "web address starting with http:// or https://",
    clean: cleanWebsite,
    problem: websiteProblem,
    uri: (value) => value,
  },
];

export const IDENTIFIER_PROPERTIES = IDENTIFIER_SCHEMES.map((spec) => spec.property);

const BY_SCHEME = new Map(IDENTIFIER_SCHEMES.map((spec) => [spec.scheme, spec]));
export const schemeSpec = (scheme: IdentifierScheme): IdentifierSchemeSpec => BY_SCHEME.get(scheme)!;

/**
 * The one normalisation of a scheme: the value in its normal form when, so written, it passes
 * the rule ("552 032 534" → "552032534"); otherwise the value as given, so that the rule refuses
 * it quoting what was written. Values that are not strings are left to the rule.
 */
export function normaliseAs(spec: IdentifierSchemeSpec, value: unknown): unknown {
  if (typeof value !== "string") return value;
  const clean = spec.clean(value);
  return spec.problem(clean) === undefined ? clean : value;
}

/** `value` read as an identifier of `scheme`: its normal form, or why it is not one (quoting it as written). */
export function readIdentifier(scheme: IdentifierScheme, value: string): { value: string } | { problem: string } {
  const spec = schemeSpec(scheme);
  const clean = spec.clean(value);
  const problem = spec.problem(clean, value);
  return problem === undefined ? { value: clean } : { problem };
}

/** Why a stored or given value is not an identifier of `spec` in normal form, or undefined. */
export function identifierProblem(spec: IdentifierSchemeSpec, value: unknown): string | undefined {
  if (typeof value !== "string") return `${quoted(value)} is not text`;
  const clean = spec.clean(value);
  const problem = spec.problem(clean, value);
  if (problem) return problem;
  return clean === value ? undefined : `${quoted(value)} is not written in normal form: ${clean}`;
}

/** The identifiers `actor` holds (its identifier properties), in scheme order, each with its web address when it has one. */
export function identifiersOf(actor: Record<string, unknown>): { scheme: IdentifierScheme; value: string; uri: string | null }[] {
  return IDENTIFIER_SCHEMES.filter((spec) => typeof actor[spec.property] === "string").map((spec) => {
    const value = actor[spec.property] as string;
    return { scheme: spec.scheme, value, uri: spec.uri ? spec.uri(value) : null };
  });
}
