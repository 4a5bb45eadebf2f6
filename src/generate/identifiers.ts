import { ActorKind } from "../common/enums";
import { luhnValid } from "../common/validators";
import { rorChecksum, uaiLetter } from "../identifier/schemes";
import { Commune } from "./places";

const CROCKFORD = "0123456789abcdefghjkmnpqrstvwxyz";
/** ROR ids start at this number (6 base-32 characters: from 32^5), one per actor index. */
const ROR_BASE = 2_000_000;
/** Beyond Wikidata's items today, so no generated actor names a real one. */
const WIKIDATA_BASE = 900_000_000;

/** The SIRET of a SIREN's first establishment: NIC 0001 and the Luhn digit that makes all 14 digits check. */
export function siretOf(siren: string): string {
  for (let check = 0; check <= 9; check++) if (luhnValid(`${siren}0001${check}`)) return `${siren}0001${check}`;
  throw new Error(`no SIRET check digit for ${siren}`); // cannot happen: one digit always fits
}

/** A UAI in the département of `commune` ("094" + 4 digits from `index` + check letter); Corsica's are numbered 620 and 720. */
function uaiOf(commune: Commune, index: number): string {
  const code = commune.departementId.split(":")[1];
  const prefix = code === "2A" ? "620" : code === "2B" ? "720" : code.padStart(3, "0");
  const digits = `${prefix}${String(index % 10_000).padStart(4, "0")}`;
  return `${digits}${uaiLetter(digits)}`;
}

function rorOf(index: number): string {
  let n = ROR_BASE + index;
  let body = "";
  for (let i = 0; i < 6; i++, n = Math.floor(n / 32)) body = CROCKFORD[n % 32] + body;
  return `0${body}${rorChecksum(body)}`;
}

/**
 * The identifiers a generated actor carries beyond its SIREN and RNA, derived from what it
 * already is (no random draw, so a seed gives the same graph as before they existed): a
 * company's first SIRET, a commune's INSEE code, a school's UAI and ROR, an institution's
 * Wikidata item.
 */
export function generatedIdentifiers(
  actor: { kind: ActorKind; name: string; siren: string | null },
  commune: Commune,
  index: number,
): Record<string, string> {
  const ids: Record<string, string> = {};
  if (actor.siren) ids.siret = siretOf(actor.siren);
  if (actor.kind === ActorKind.LOCAL_AUTHORITY && /^(Ville|Commune) de /.test(actor.name)) ids.inseeCog = commune.id.split(":")[1];
  if (actor.kind === ActorKind.ACADEMIC) {
    ids.ror = rorOf(index);
    if (actor.name.startsWith("École")) ids.uai = uaiOf(commune, index);
  }
  if (actor.kind === ActorKind.PUBLIC_INSTITUTION) ids.wikidata = `Q${WIKIDATA_BASE + index}`;
  return ids;
}
