import { nameKey } from "../common/text";

/** How much more a hit containing every word weighs than one containing some (see `toLuceneQuery`). */
const ALL_WORDS_BOOST = 4;

/** A word as a Lucene phrase: inside quotes only `"` and `\` are special, so nothing else can be syntax. */
const phrase = (word: string) => `"${word.replace(/[\\"]/g, "\\$&")}"`;

/**
 * The word as a prefix term (`collectiv*`), or null. Lucene does not analyse prefix terms, so
 * we fold case and accents ourselves, and only plain [a-z0-9] words of 2+ letters qualify.
 */
function prefixTerm(word: string): string | null {
  const key = nameKey(word).replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, "");
  return /^[a-z0-9]{2,}$/.test(key) ? `${key}*` : null;
}

/**
 * Turns what a user typed into a Lucene query that holds no syntax of theirs, or null when
 * the text has no word to look for ("&& ||"). Words are whitespace-separated chunks with a
 * letter or digit; each becomes a quoted phrase, which the index's analyser splits, folds and
 * matches exactly as it indexed names ("ÎLE-DE-FRANCE" → the phrase île de france). The last
 * word also matches as a prefix, so a half-typed "collectiv" finds "collectivité".
 *
 * Several words: any of them matches (OR), and a clause requiring all of them, boosted, puts
 * documents holding every word first:
 *   `ville creteil` → `(+"ville" +("creteil" creteil*))^4 ("ville" ("creteil" creteil*))`
 */
export function toLuceneQuery(text: string): string | null {
  const words = text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word));
  if (words.length === 0) return null;
  const clauses = words.map((word, index) => {
    const prefix = index === words.length - 1 ? prefixTerm(word) : null;
    return prefix ? `(${phrase(word)} ${prefix})` : phrase(word);
  });
  if (clauses.length === 1) return clauses[0];
  return `(${clauses.map((clause) => `+${clause}`).join(" ")})^${ALL_WORDS_BOOST} (${clauses.join(" ")})`;
}
