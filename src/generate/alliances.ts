import {
  ActorKind, AllianceKind, AllianceObjective, AllianceStatus, MembershipRole, OutcomeKind,
} from "../common/enums";
import { FRANCE_ID } from "../seed/geography";
import { allianceName, outcomeTitle } from "./names";
import { Commune, fromDay, Places } from "./places";
import { pickWeighted, Random } from "./random";

/** What the alliance generator needs to know of an actor. */
export interface ActorSeed {
  id: string;
  kind: ActorKind;
  commune: Commune;
}

/** Where alliances act: mostly local (commune, EPCI, département), some regional and national. */
const SCOPE_WEIGHTS = { COMMUNE: 30, EPCI: 20, DEPARTEMENT: 25, REGION: 15, COUNTRY: 10 };
const SIZE_WEIGHTS = { 2: 30, 3: 25, 4: 17, 5: 12, 6: 8, 7: 5, 8: 3 };
const OTHER_KINDS = { RESPONSIBLE_PRACTICES: 2, ECONOMIC_COOPERATION: 3, SOCIETAL_INNOVATION: 3, TERRITORIAL_CO_CONSTRUCTION: 3, PHILANTHROPY: 2 };
const OUTCOME_KINDS = { PRACTICE: 25, RESULT: 25, IMPACT: 10, MODEL: 10, PUBLICATION: 15, EVENT: 15 };

/**
 * Members are drawn by preferential attachment: pools hold each actor once, plus once per
 * membership it already has, so a uniform draw favours well-connected actors and degrees
 * end up long-tailed, as in real partnership networks. Pools exist per département, per
 * région and for France, so local alliances recruit locally.
 */
export class MemberPools {
  private readonly pools = new Map<string, number[]>();

  constructor(private readonly actors: ActorSeed[]) {
    actors.forEach((_, index) => this.add(index));
  }

  add(index: number): void {
    const { departementId, regionId } = this.actors[index].commune;
    for (const key of [departementId, regionId, FRANCE_ID]) {
      const pool = this.pools.get(key) ?? [];
      pool.push(index);
      this.pools.set(key, pool);
    }
  }

  /** Up to `size` distinct actor indices from the pool of `territoryId`, starting with `first`. */
  draw(rng: Random, territoryId: string, first: number, size: number): number[] {
    const pool = this.pools.get(territoryId) ?? this.pools.get(FRANCE_ID)!;
    const members = [first];
    for (let attempt = 0; members.length < size && attempt < size * 20; attempt++) {
      const candidate = pool[rng.int(0, pool.length - 1)];
      if (!members.includes(candidate)) members.push(candidate);
    }
    return members;
  }

  any(rng: Random): number {
    const pool = this.pools.get(FRANCE_ID)!;
    return pool[rng.int(0, pool.length - 1)];
  }
}

export interface GeneratedAlliance {
  alliance: Record<string, unknown>;
  memberships: Record<string, unknown>[];
  outcomes: Record<string, unknown>[];
  /** The département it acts in, for maturity (null for regional and national alliances). */
  departementId: string | null;
}

/** One alliance led by actor `lead`, with its 2–8 members and, for about half, 1–3 outcomes. */
export function generateAlliance(
  rng: Random,
  context: { index: number; prefix: string; sourceId: string; actors: ActorSeed[]; pools: MemberPools; places: Places; firstDay: number; lastDay: number },
  lead: number,
): GeneratedAlliance {
  const { actors, pools, places, prefix, sourceId, firstDay, lastDay } = context;
  const home = actors[lead].commune;
  let scope = pickWeighted(rng, SCOPE_WEIGHTS);
  if (scope === "EPCI" && !home.epciId) scope = "DEPARTEMENT";
  const territoryId = { COMMUNE: home.id, EPCI: home.epciId!, DEPARTEMENT: home.departementId, REGION: home.regionId, COUNTRY: FRANCE_ID }[scope];
  const poolId = scope === "REGION" ? home.regionId : scope === "COUNTRY" ? FRANCE_ID : home.departementId;
  let members = pools.draw(rng, poolId, lead, Number(pickWeighted(rng, SIZE_WEIGHTS)));
  if (members.length < 2) members = pools.draw(rng, FRANCE_ID, lead, 2);
  const kinds = members.map((m) => actors[m].kind);
  const kind = allianceKind(rng, kinds);
  const id = `${prefix}alliance-${String(context.index + 1).padStart(6, "0")}`;

  const start = rng.int(firstDay, lastDay);
  const ended = rng.chance(0.2) && start + 365 < lastDay;
  const end = ended ? Math.min(lastDay, start + rng.int(365, 6 * 365)) : null;
  const status = ended ? AllianceStatus.ENDED : start > lastDay - 180 && rng.chance(0.3) ? AllianceStatus.PROPOSED : AllianceStatus.ACTIVE;
  const sdgs = sdgsFor(rng);
  const local = scope !== "REGION" && scope !== "COUNTRY";
  const objectives = [local && rng.chance(0.7) ? AllianceObjective.LOCAL_CO_CONSTRUCTION : rng.pick(Object.values(AllianceObjective))];
  if (rng.chance(0.4)) objectives.push(rng.pick(Object.values(AllianceObjective).filter((o) => o !== objectives[0])));

  const alliance = {
    id, name: allianceName(rng, kind, places.name(territoryId)), kind, objectives, status,
    startDate: fromDay(start), endDate: end === null ? null : fromDay(end), territories: [territoryId], sdgs, sourceIds: [sourceId],
  };
  const memberships = members.map((member, k) => {
    const joined = k === 0 ? start : Math.min(end ?? lastDay, start + rng.int(0, 365));
    return {
      actorId: actors[member].id, allianceId: id, role: k === 0 ? MembershipRole.LEADER : role(rng, actors[member].kind),
      startDate: fromDay(joined), endDate: end === null ? null : fromDay(end), sourceIds: [sourceId],
    };
  });
  members.forEach((member) => pools.add(member));

  const outcomes: Record<string, unknown>[] = [];
  const outcomeCount = rng.chance(0.5) ? rng.int(1, 3) : 0;
  for (let o = 0; o < outcomeCount; o++) {
    const outcomeKind = pickWeighted(rng, OUTCOME_KINDS) as OutcomeKind;
    const { title, unit } = outcomeTitle(rng, outcomeKind);
    const measured = Math.min(end ?? lastDay, start + rng.int(180, 3 * 365));
    outcomes.push({
      id: `${id.replace("alliance-", "outcome-")}-${o + 1}`, allianceId: id, kind: outcomeKind, title,
      indicator: unit ? { value: unit.startsWith("%") ? rng.int(40, 95) : rng.int(5, 800), unit, measuredOn: fromDay(measured) } : null,
      sdgs: rng.sample(sdgs, rng.int(1, sdgs.length)).sort((a, b) => a - b),
      beneficiaryTerritories: rng.chance(0.5) ? [territoryId] : [],
      beneficiaryActorIds: [], sourceIds: [sourceId],
    });
  }
  return { alliance, memberships, outcomes, departementId: local ? home.departementId : null };
}

function allianceKind(rng: Random, kinds: ActorKind[]): AllianceKind {
  if (kinds.includes(ActorKind.ACADEMIC) && rng.chance(0.5)) return AllianceKind.RESEARCH_PARTNERSHIP;
  if (kinds[0] === ActorKind.LOCAL_AUTHORITY && rng.chance(0.6)) return AllianceKind.TERRITORIAL_CO_CONSTRUCTION;
  if ((kinds.includes(ActorKind.FOUNDATION) || kinds.includes(ActorKind.COMPANY)) && rng.chance(0.3)) return AllianceKind.PHILANTHROPY;
  return pickWeighted(rng, OTHER_KINDS) as AllianceKind;
}

function role(rng: Random, kind: ActorKind): MembershipRole {
  if (kind === ActorKind.ACADEMIC && rng.chance(0.6)) return MembershipRole.ACADEMIC_PARTNER;
  if (kind === ActorKind.FOUNDATION && rng.chance(0.6)) return MembershipRole.FUNDER;
  if (kind === ActorKind.INTERMEDIARY && rng.chance(0.5)) return MembershipRole.CATALYST;
  return pickWeighted(rng, { PARTNER: 70, FUNDER: 12, CATALYST: 10, EVALUATOR: 8 }) as MembershipRole;
}

/** 1–3 goals, SDG 17 (partnerships) in most alliances; ascending. */
function sdgsFor(rng: Random): number[] {
  const goals = rng.sample(Array.from({ length: 16 }, (_, i) => i + 1), rng.int(1, 2));
  if (rng.chance(0.6)) goals.push(17);
  return goals.sort((a, b) => a - b);
}
