/**
 * IRIs of the linked-data export: every entity under one base (MAILLAGE_LD_BASE), its id
 * percent-encoded so that any id gives a valid IRI, and outside addresses made safe to write
 * between Turtle's < > and to read by JSON-LD processors.
 */

/** The base when MAILLAGE_LD_BASE is unset. */
export const DEFAULT_LD_BASE = "https://maillage.example/id/";

// Lone surrogates cannot be encoded as UTF-8; they become U+FFFD.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// What an IRI may not hold as is (RFC 3987 and Turtle's IRIREF): controls, space, < > " { } | ^ ` \.
const NOT_IN_IRI = /[\u0000-\u0020<>"{}|^`\\\u007F]/g;

const wellFormed = (text: string) => text.replace(LONE_SURROGATE, "\uFFFD");

/** One path segment holding `text` whatever it is: percent-encoded, ":" and "@" kept (both allowed in a segment). */
export function segment(text: string): string {
  return encodeURIComponent(wellFormed(text)).replace(/%3A/gi, ":").replace(/%40/gi, "@");
}

/** An outside address (a website, a licence URL) with the characters an IRI may not hold percent-encoded. */
export function safeIri(address: string): string {
  return wellFormed(address).replace(NOT_IN_IRI, (c) => encodeURIComponent(c));
}

/** What the export names: each kind of entity has its own path under the base. */
export type Collection = "actor" | "alliance" | "membership" | "source" | "outcome" | "assessment" | "territory" | "vocab";

/**
 * The IRIs of one export, all under `base` (which ends with "/").
 *
 * Usage: `const iris = new Iris("https://maillage.example/id/"); iris.of("actor", "le-rameau")`
 *   → https://maillage.example/id/actor/le-rameau
 */
export class Iris {
  constructor(readonly base: string) {}

  of(collection: Collection, id: string): string {
    return `${this.base}${collection}/${segment(id)}`;
  }

  /** A territory "COMMUNE:94028" as …/territory/commune/94028 (INSEE's own layout); any other id as is, encoded. */
  territory(id: string): string {
    const match = /^([A-Z_]+):(.+)$/.exec(id);
    return match ? `${this.base}territory/${match[1].toLowerCase()}/${segment(match[2])}` : this.of("territory", id);
  }

  /** A term of our own vocabulary: …/vocab/MembershipRole/LEADER. */
  term(set: string, value: string): string {
    return `${this.vocabulary}${set}/${segment(value)}`;
  }

  /** Where our own terms (the `ml:` prefix) live. */
  get vocabulary(): string {
    return `${this.base}vocab/`;
  }
}
