import { ActorKind, MaturityLevel, SourceKind } from "../common/enums";
import { ImportDocument } from "../import/entities";
import { MaturitySubjectType } from "../maturity/maturity.type";
import { ActorSeed, generateAlliance, MemberPools } from "./alliances";
import { actorName, sirenFrom } from "./names";
import { generatedIdentifiers } from "./identifiers";
import { fromDay, Places, toDay } from "./places";
import { pickWeighted, Random } from "./random";

export interface GenerateOptions {
  actors: number;
  seed: string;
  /** First possible start date (default 2010-01-01); the last is `end` (default 2025-12-31). */
  start?: string;
  end?: string;
  /** Prefix of every generated id (default "gen-"), so a generated graph can be told apart and removed. */
  prefix?: string;
  /** Limit actors to the communes of these départements. */
  departements?: string[];
  onProgress?: (done: number, total: number) => void;
}

/** Actor kinds in plausible proportions for French partnership networks. */
const KIND_WEIGHTS: Record<ActorKind, number> = {
  ASSOCIATION: 35, COMPANY: 30, LOCAL_AUTHORITY: 15, ACADEMIC: 6, FOUNDATION: 5, PUBLIC_INSTITUTION: 4, INTERMEDIARY: 3, MEDIA: 2,
};
/** Alliances per actor: with 2–8 members each, an actor belongs to about one alliance on average. */
const ALLIANCES_PER_ACTOR = 0.3;
const PROGRESS_EVERY = 1000;

/**
 * A synthetic import document (sources, actors, alliances, memberships, outcomes,
 * maturityAssessments) with a realistic shape, entirely determined by the options: the
 * same seed gives the same document, byte for byte. Every fact cites one generated source.
 */
export function generateDocument(options: GenerateOptions): Required<ImportDocument> {
  if (!Number.isInteger(options.actors) || options.actors < 2) throw new Error(`actors must be an integer of at least 2; got ${options.actors}`);
  const rng = new Random(options.seed);
  const prefix = options.prefix ?? "gen-";
  const firstDay = toDay(options.start ?? "2010-01-01");
  const lastDay = toDay(options.end ?? "2025-12-31");
  if (!(firstDay < lastDay)) throw new Error(`start (${options.start}) must be before end (${options.end ?? "2025-12-31"})`);
  const places = new Places(options.departements);
  const sourceId = `${prefix}source`;
  const allianceCount = Math.max(1, Math.round(options.actors * ALLIANCES_PER_ACTOR));
  const total = options.actors + allianceCount;
  const progress = (done: number) => (done % PROGRESS_EVERY === 0 || done === total) && options.onProgress?.(done, total);

  const sources = [{
    id: sourceId, title: `Jeu de données synthétique Maillage (graine ${options.seed}, ${options.actors} acteurs)`,
    publisher: "maillage generate", date: fromDay(lastDay), url: null, kind: SourceKind.OTHER,
  }];

  const sirenBase = rng.int(10_000_000, 80_000_000);
  const rnaBase = rng.int(100_000_000, 800_000_000);
  const seeds: ActorSeed[] = [];
  const actors: Record<string, unknown>[] = [];
  for (let i = 0; i < options.actors; i++) {
    const commune = places.commune(rng);
    const kind = pickWeighted(rng, KIND_WEIGHTS);
    const id = `${prefix}actor-${String(i + 1).padStart(6, "0")}`;
    seeds.push({ id, kind, commune });
    const actor = {
      id, name: actorName(rng, kind, commune.name), kind, basedIn: commune.id,
      siren: kind === ActorKind.COMPANY ? sirenFrom(String(sirenBase + i)) : null,
      rna: kind === ActorKind.ASSOCIATION && rng.chance(0.8) ? `W${rnaBase + i}` : null,
    };
    actors.push({ ...actor, ...generatedIdentifiers(actor, commune, i), sourceIds: [sourceId] });
    progress(i + 1);
  }

  const pools = new MemberPools(seeds);
  const alliances: Record<string, unknown>[] = [];
  const memberships: Record<string, unknown>[] = [];
  const outcomes: Record<string, unknown>[] = [];
  const alliancesByDepartement = new Map<string, number>();
  for (let j = 0; j < allianceCount; j++) {
    const context = { index: j, prefix, sourceId, actors: seeds, pools, places, firstDay, lastDay };
    const generated = generateAlliance(rng, context, pools.any(rng));
    alliances.push(generated.alliance);
    memberships.push(...generated.memberships);
    outcomes.push(...generated.outcomes);
    if (generated.departementId) alliancesByDepartement.set(generated.departementId, (alliancesByDepartement.get(generated.departementId) ?? 0) + 1);
    progress(options.actors + j + 1);
  }

  const maturityAssessments = assessDepartements(alliancesByDepartement, prefix, sourceId, fromDay(lastDay));
  return { sources, actors, alliances, memberships, outcomes, maturityAssessments };
}

/**
 * One maturity assessment per département with local alliances: the busiest tenth are
 * pioneering, the next fifth structuring, the next 30% experimenting, the rest discovering.
 */
function assessDepartements(counts: Map<string, number>, prefix: string, sourceId: string, assessedOn: string): Record<string, unknown>[] {
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return ranked.map(([departementId], rank) => {
    const share = rank / ranked.length;
    const level = share < 0.1 ? MaturityLevel.PIONEERING : share < 0.3 ? MaturityLevel.STRUCTURING : share < 0.6 ? MaturityLevel.EXPERIMENTING : MaturityLevel.DISCOVERING;
    return {
      id: `${prefix}maturity-${departementId.replace(":", "-").toLowerCase()}`, subjectType: MaturitySubjectType.TERRITORY,
      subjectId: departementId, level, assessedOn, sourceIds: [sourceId],
    };
  });
}
