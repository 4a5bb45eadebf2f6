import { Rel } from "../../neo4j/graph-model";
import { VERSIONED_LABELS } from "../change-log.cypher";

/**
 * A recorded view lives in the same database under slot-prefixed labels and relationship types
 * (`H1_Actor`, `H1_HAS_MEMBERSHIP`); it shares the reference data (Territory, SDG, SDGTarget and
 * the relationships among them). Everything here derives from the enums, never from a client.
 */

/** Relationships among reference nodes only: shared by every view, never prefixed. */
const SHARED_RELS: readonly Rel[] = [Rel.PART_OF, Rel.IN_EPCI, Rel.TARGET_OF];

/**
 * Every other relationship touches a versioned entity, so a view has its own. ALIAS_OF (ActorAlias →
 * Actor) is prefixed too but never copied: actor aliases are not versioned, so a view resolves no alias.
 */
export const VERSIONED_RELS: readonly Rel[] = Object.values(Rel).filter((rel) => !SHARED_RELS.includes(rel));

/** The prefix of slot `slot`'s labels and types: `H1_`. */
export const slotPrefix = (slot: number): string => `H${slot}_`;

const NAMES = [...VERSIONED_LABELS, ...VERSIONED_RELS].join("|");

/**
 * A string literal (left as it is), or a label / relationship type name right after `:`, `|`, `&`
 * or `!` (a pattern, a label predicate `x:Actor`, an alternative `[:CITES|ADVANCES]`, an index hint
 * `USING INDEX a:Actor(kind)`), as a whole word: `ActorAlias`, a variable `actor` or a property
 * `n.kind` never match. Backquoted names are not used by our queries and stay as they are.
 */
const TOKEN = new RegExp(`('(?:[^'\\\\]|\\\\.)*'|"(?:[^"\\\\]|\\\\.)*"|\`[^\`]*\`)|([:|&!]\\s*)(${NAMES})(?![A-Za-z0-9_])`, "g");

/** Procedures that read outside the labels (full-text indexes name live nodes): a view refuses them rather than leak live nodes. */
const LIVE_ONLY = /db\.index\.fulltext\./;

/** Cypher text `cypher` reading (or writing) slot `slot` instead of the live graph. */
export function rewriteForSlot(cypher: string, slot: number): string {
  if (LIVE_ONLY.test(cypher)) throw new Error("full-text search reads the current graph only; a recorded view cannot run it");
  const prefix = slotPrefix(slot);
  return cypher.replace(TOKEN, (match, literal: string | undefined, before: string, name: string) => (literal !== undefined ? match : `${before}${prefix}${name}`));
}

/** Rewritten texts kept per slot: queries are a few hundred distinct texts, built from code. */
const CACHE_ENTRIES = 2_000;

/** rewriteForSlot with a bounded cache (least recently used out), since the same texts run on every request. */
export class SlotRewriter {
  private readonly texts = new Map<string, string>();

  constructor(readonly slot: number) {}

  rewrite(cypher: string): string {
    const hit = this.texts.get(cypher);
    if (hit !== undefined) {
      this.texts.delete(cypher);
      this.texts.set(cypher, hit);
      return hit;
    }
    const text = rewriteForSlot(cypher, this.slot);
    this.texts.set(cypher, text);
    if (this.texts.size > CACHE_ENTRIES) this.texts.delete(this.texts.keys().next().value!);
    return text;
  }
}
