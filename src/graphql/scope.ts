import { AllianceFilter } from "../alliance/alliance-filter.input";
import { allianceFilterParams } from "../alliance/alliance-filter";
import { toNeo4jDate } from "../neo4j/props";
import { AllianceScope } from "../alliance/alliance-scope";
import { Context } from "./context";

/**
 * Resolves a filter's territory reference (one batched lookup per request) and the date,
 * so every resolver hands repositories the same shape.
 */
export async function allianceScope(
  { loaders }: Context,
  filter: AllianceFilter | null | undefined,
  at: string | null | undefined,
): Promise<AllianceScope> {
  const territory = filter?.territory ? await loaders.territoryByRef.load(filter.territory) : null;
  return { filter: allianceFilterParams(filter, territory?.id ?? null), at: toNeo4jDate(at) };
}

/** A territory reference argument ("94028", "REGION:11") → its id, or null when not given. */
export async function territoryIdOf({ loaders }: Context, ref: string | null | undefined): Promise<string | null> {
  return ref ? (await loaders.territoryByRef.load(ref)).id : null;
}
