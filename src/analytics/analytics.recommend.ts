import { ActorKind } from "../common/enums";
import { ScopeAnalysis } from "./analytics.graph";

/** Why an actor is recommended; the score is the sum of its reasons' weights. */
export enum ReasonKind {
  SHARED_PARTNERS = "SHARED_PARTNERS",
  ADAMIC_ADAR = "ADAMIC_ADAR",
  SAME_TERRITORY = "SAME_TERRITORY",
  COMPLEMENTARY_KIND = "COMPLEMENTARY_KIND",
  SHARED_SDGS = "SHARED_SDGS",
}

/**
 * Weights of the link-prediction score (documented in the README):
 *   score = 1 × shared partners + Adamic–Adar (Σ 1/ln(degree) over shared partners)
 *         + 0.5 if based in the same département
 *         + 0.5 if no partner of the actor has the candidate's kind yet, + 0.25 if the two are of different sectors
 *         + 0.25 per SDG both pursue through their alliances in scope
 */
export const REASON_WEIGHTS = {
  sharedPartner: 1,
  sameTerritory: 0.5,
  newKind: 0.5,
  crossSector: 0.25,
  sharedSdg: 0.25,
} as const;

/** The sectors Le RAMEAU crosses: public, private, civil society, knowledge, and the go-betweens. */
const SECTOR: Record<ActorKind, string> = {
  [ActorKind.LOCAL_AUTHORITY]: "public",
  [ActorKind.PUBLIC_INSTITUTION]: "public",
  [ActorKind.COMPANY]: "private",
  [ActorKind.ASSOCIATION]: "civil society",
  [ActorKind.FOUNDATION]: "civil society",
  [ActorKind.ACADEMIC]: "knowledge",
  [ActorKind.MEDIA]: "intermediary",
  [ActorKind.INTERMEDIARY]: "intermediary",
};

export interface Reason {
  kind: ReasonKind;
  weight: number;
  detail: string;
}

export interface Recommendation {
  /** The candidate's node in the scope's graph. */
  node: number;
  score: number;
  reasons: Reason[];
  /** Nodes of the shared partners, by name. */
  sharedPartners: number[];
}

const round = (value: number) => Math.round(value * 1e9) / 1e9;
const NAMES_SHOWN = 5;

/**
 * Actors `id` does not co-construct with yet, best first (score, then name and id), the
 * first `first` of those with a positive score. An actor outside the scope gets none.
 *
 * Usage: `recommend(analysis, "le-rameau", 10)`
 */
export function recommend(analysis: ScopeAnalysis, id: string, first: number): Recommendation[] {
  const graph = analysis.graph;
  const selfNode = graph.index.get(id);
  if (selfNode === undefined) return [];
  const self = graph.actors[selfNode];
  const partners = new Set(graph.neighbors(selfNode));
  const partnerKinds = new Set([...partners].map((p) => graph.actors[p].kind));
  const nameOf = (node: number) => graph.actors[node].name;

  const recommendations: Recommendation[] = [];
  graph.actors.forEach((record, candidate) => {
    if (candidate === selfNode || partners.has(candidate)) return;
    const reasons: Reason[] = [];
    const shared = Array.from(graph.neighbors(candidate)).filter((n) => partners.has(n)).sort(analysis.byName);
    if (shared.length > 0) {
      const names = shared.slice(0, NAMES_SHOWN).map(nameOf).join(", ") + (shared.length > NAMES_SHOWN ? `, and ${shared.length - NAMES_SHOWN} more` : "");
      reasons.push({
        kind: ReasonKind.SHARED_PARTNERS,
        weight: REASON_WEIGHTS.sharedPartner * shared.length,
        detail: `${shared.length} shared partner${shared.length > 1 ? "s" : ""}: ${names}`,
      });
      // A shared partner has at least two ties (to both), so ln(degree) > 0.
      const adamicAdar = shared.reduce((sum, z) => sum + 1 / Math.log(graph.degree(z)), 0);
      reasons.push({
        kind: ReasonKind.ADAMIC_ADAR,
        weight: adamicAdar,
        detail: `Adamic–Adar ${adamicAdar.toFixed(3)}: shared partners with few ties count more`,
      });
    }
    if (self.departementId && self.departementId === record.departementId) {
      reasons.push({ kind: ReasonKind.SAME_TERRITORY, weight: REASON_WEIGHTS.sameTerritory, detail: `both based in ${self.departementId}` });
    }
    const kind = record.kind;
    const newKind = !partnerKinds.has(kind);
    const crossSector = SECTOR[kind] !== SECTOR[self.kind];
    if (newKind) {
      const weight = REASON_WEIGHTS.newKind + (crossSector ? REASON_WEIGHTS.crossSector : 0);
      const sectors = crossSector ? `; ${self.kind} × ${kind} crosses sectors (${SECTOR[self.kind]}, ${SECTOR[kind]})` : "";
      reasons.push({ kind: ReasonKind.COMPLEMENTARY_KIND, weight, detail: `no ${kind} among its partners yet${sectors}` });
    }
    const sdgs = record.sdgs.filter((n) => self.sdgs.includes(n)).sort((a, b) => a - b);
    if (sdgs.length > 0) {
      reasons.push({
        kind: ReasonKind.SHARED_SDGS,
        weight: REASON_WEIGHTS.sharedSdg * sdgs.length,
        detail: `both contribute to SDG${sdgs.length > 1 ? "s" : ""} ${sdgs.join(", ")}`,
      });
    }
    const score = round(reasons.reduce((sum, r) => sum + r.weight, 0));
    if (score > 0) recommendations.push({ node: candidate, score, reasons: reasons.map((r) => ({ ...r, weight: round(r.weight) })), sharedPartners: shared });
  });
  recommendations.sort((a, b) => b.score - a.score || analysis.byName(a.node, b.node));
  return recommendations.slice(0, first);
}
