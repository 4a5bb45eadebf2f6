import { IDENTIFIER_PROPERTIES } from "../identifier/schemes";

/**
 * What each reason weighs (0–1); a pair's score is 1 − Π(1 − weight) over its reasons, to two decimals.
 * A registry identifier names one organisation; a website may be a network's, shared by its members;
 * the same name in the same commune is likely but not certain (a school and its parents' association).
 */
export const REASON_WEIGHTS: Record<string, number> = {
  ...Object.fromEntries(IDENTIFIER_PROPERTIES.map((property) => [property, 1])),
  website: 0.8,
  name: 0.7,
};

/** A value more actors share than this names no one organisation (a federation's website): it gives no pairs. */
export const MAX_BLOCK = 50;

/** Characters that separate the words of a folded name (the folded name keeps letters, digits and these). */
export const NAME_SEPARATORS = [" ", "-", "'", "’", ".", ",", "(", ")", "/", "&", '"', ":", ";", "_", "!", "?", "«", "»", "+", "*", "#", "@"];

/**
 * Words left out of the name key: legal forms (SAS, association…), the words before a
 * collectivité's name (ville, commune, mairie) and articles, so "Association Les Amis de Créteil"
 * and "Amis de Creteil" give the same key. A name made only of them gives no key.
 */
export const NAME_STOP_WORDS = [
  "association", "asso", "sas", "sasu", "sarl", "sa", "eurl", "sci", "scop", "scic", "sem", "spl", "gip", "gie",
  "ville", "commune", "mairie",
  "de", "du", "des", "d", "la", "le", "les", "l", "et",
];

/** Parameters the match keys read (constants, sent as parameters like every value). */
export const MATCH_KEY_PARAMS = {
  identifiers: [...IDENTIFIER_PROPERTIES],
  nameSeparators: NAME_SEPARATORS,
  nameStopWords: NAME_STOP_WORDS,
  weights: REASON_WEIGHTS,
  maxBlock: MAX_BLOCK,
};

/** Cypher: the name key of a folded name (`nameKey`, already lower case without accents): its words less the stop words, one space apart. */
export const NAME_MATCH_KEY = (nameKey: string) =>
  `reduce(k = '', w IN [w IN split(${nameKey}, $nameSeparators) WHERE w <> '' AND NOT w IN $nameStopWords] | k + CASE k WHEN '' THEN '' ELSE ' ' END + w)`;

/** Cypher: a website as compared: lower case, without scheme, "www." or a final "/" ("https://www.x.org/" → "x.org"). */
export const WEBSITE_KEY = (url: string) =>
  `[s IN [reduce(s = toLower(trim(${url})), prefix IN ['https://', 'http://', 'www.'] | CASE WHEN s STARTS WITH prefix THEN substring(s, size(prefix)) ELSE s END)]
    | CASE WHEN s ENDS WITH '/' THEN left(s, size(s) - 1) ELSE s END][0]`;

/**
 * Cypher list: the match keys of actor `a` based in `baseId`, as reasons: one per identifier it
 * has (a SIRET also gives its SIREN, its first nine digits), and its name key in its base territory.
 */
export const MATCH_KEYS = (a: string, baseId: string) => `[p IN $identifiers WHERE ${a}[p] IS NOT NULL |
    {field: p, value: CASE p WHEN 'website' THEN ${WEBSITE_KEY(`${a}[p]`)} ELSE toString(${a}[p]) END, territoryId: null}]
  + [s IN [left(${a}.siret, 9)] WHERE s IS NOT NULL | {field: 'siren', value: s, territoryId: null}]
  + [k IN [${NAME_MATCH_KEY(`${a}.nameKey`)}] WHERE ${baseId} IS NOT NULL AND k <> '' | {field: 'name', value: k, territoryId: ${baseId}}]`;

