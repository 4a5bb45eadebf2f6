/**
 * The sort and prefix key of a name: lower case, accents and ligatures folded
 * ("Île-de-France" → "ile-de-france", "Œuvre" → "oeuvre"). Cypher has no French collation,
 * so lists order by this key (Île-de-France before Lyon) and name prefixes match it
 * ("creteil" finds Créteil).
 */
export function nameKey(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .replace(/œ/g, "oe")
    .replace(/Œ/g, "OE")
    .replace(/æ/g, "ae")
    .replace(/Æ/g, "AE")
    .toLowerCase();
}
