import { AllianceFilter } from "../alliance/alliance-filter.input";
import { allianceFilterParams, AllianceFilterParams } from "../alliance/alliance-filter";
import { toNeo4jDate } from "../neo4j/props";
import { territoryIdOf, TerritoryRefs } from "./territory-ref";

/** What an alliance list covers, as its Cypher receives it: the filter (territory resolved) and the date. */
export interface AllianceScope {
  filter: AllianceFilterParams;
  at: unknown;
}

/**
 * Resolves a filter's territory reference (once per request, see territory-ref.ts) and the
 * date, so every resolver hands repositories the same shape.
 */
export async function allianceScope(
  ctx: TerritoryRefs,
  filter: AllianceFilter | null | undefined,
  at: string | null | undefined,
): Promise<AllianceScope> {
  return { filter: allianceFilterParams(filter, await territoryIdOf(ctx, filter?.territory)), at: toNeo4jDate(at) };
}
