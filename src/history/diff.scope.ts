import { BadUserInputError } from "../common/errors";
import { Executor, Row } from "../neo4j/executor";
import { toInputRow } from "../entity/input-row";
import { Entity, keyOf, SPECS } from "../import/entities";
import { documentPages } from "../export/export.document";
import { ExportRepository } from "../export/export.repository";
import { ExportScope, WHOLE_GRAPH } from "../export/export.scope";
import { NetworkRepository } from "../network/network.repository";
import { MAX_NODES } from "../network/network.args";
import { NetworkMode } from "../network/network.type";

/** What a diff compares: a part of the graph as exports scope it, or an actor's neighbourhood. */
export type DiffScope =
  | { kind: "export"; scope: ExportScope }
  /** The actors within `depth` co-construction hops of `actorId`, the alliances linking them and their memberships; `field` names the actor in errors. */
  | { kind: "neighbourhood"; actorId: string; depth: number; field: string };

/** A scope's rows at one point: each entity's JSON export row, by "<entity>|<id>", in document order. */
export interface ScopeRows {
  rows: Map<string, Record<string, unknown>>;
  /** The neighbourhood had more than MAX_NODES actors and alliances: the nearest were kept. */
  capped: boolean;
  /** False when the neighbourhood's actor did not exist at this point. */
  found: boolean;
}

const rowKey = (entity: Entity, id: string) => `${entity}|${id}`;

/**
 * The scope's rows as `executor` reads them (a point's view), one reading for every scope:
 * the JSON export's document pages (export.document.ts), or, for a neighbourhood, the network's
 * bipartite exploration (network.repository.ts) for ids, then the same sections' rows.
 */
export async function scopeRows(executor: Executor, scope: DiffScope): Promise<ScopeRows> {
  const rows = new Map<string, Record<string, unknown>>();
  const add = (entity: Entity, page: object[]) => page.forEach((row) => rows.set(rowKey(entity, keyOf(entity, row)), row as Record<string, unknown>));
  if (scope.kind === "export") {
    for await (const { section, rows: page } of documentPages(executor, scope.scope)) add(section as Entity, page);
    return { rows, capped: false, found: true };
  }
  const ids = await neighbourhoodIds(executor, scope.actorId, scope.depth);
  const repository = new ExportRepository(executor);
  for (const section of ["actors", "alliances", "memberships"] as const) {
    for await (const page of repository.sectionPages(section, ids[section])) add(section, page.map((row: Row) => toInputRow(SPECS[section].input, row)));
  }
  return { rows, capped: ids.capped, found: ids.found };
}

/** Ids of the neighbourhood (sorted), none when the actor is absent at this point. */
async function neighbourhoodIds(executor: Executor, actorId: string, depth: number) {
  const none = { actors: [] as string[], alliances: [] as string[], memberships: [] as string[], capped: false, found: false };
  let network;
  try {
    network = await new NetworkRepository(executor).around({ seeds: [actorId], depth, mode: NetworkMode.BIPARTITE, territoryId: null, maxNodes: MAX_NODES });
  } catch (error) {
    // The actor did not exist (yet, or any more) at this point: its neighbourhood is empty there.
    if (error instanceof BadUserInputError && error.extensions.field === "seeds[0]") return none;
    throw error;
  }
  const entities = (type: string) => network.nodes.filter((n) => n.type === type).map((n) => n.entityId).sort();
  const memberships = network.edges.map((e) => e.id.replace(/^membership:/, "")).sort();
  return { actors: entities("Actor"), alliances: entities("Alliance"), memberships, capped: network.truncated, found: true };
}

/** A scope as a client gives it (territory already resolved to its id). */
export interface DiffScopeParts {
  territoryId?: string | null;
  idPrefix?: string | null;
  actor?: string | null;
  depth?: number | null;
}

/** The scope the parts name, or BAD_USER_INPUT naming `<field>.<part>` (the part alone when field is ""; the CLI's options): a neighbourhood takes no territory, a depth needs an actor. */
export function diffScopeOf(parts: DiffScopeParts, field = "scope"): DiffScope {
  const name = (part: string) => (field ? `${field}.${part}` : part);
  if (parts.actor) {
    if (parts.territoryId || parts.idPrefix) throw new BadUserInputError(name("actor"), "an actor's neighbourhood is a scope of its own: give actor (and depth), or territory and idPrefix, not both");
    const depth = parts.depth ?? 1;
    if (!Number.isInteger(depth) || depth < 1 || depth > 3) throw new BadUserInputError(name("depth"), `must be 1, 2 or 3 co-construction hops, got ${depth}`);
    return { kind: "neighbourhood", actorId: parts.actor, depth, field: name("actor") };
  }
  if (parts.depth != null) throw new BadUserInputError(name("depth"), `counts hops from an actor: give actor too, got depth ${parts.depth} alone`);
  return { kind: "export", scope: { ...WHOLE_GRAPH, territoryId: parts.territoryId ?? null, idPrefix: parts.idPrefix || null } };
}

/** The scope in words, for answers and the CLI: "the whole graph", "DEPARTEMENT:94, ids starting hr-", "2 hops around actor X". */
export function describeDiffScope(scope: DiffScope): string {
  if (scope.kind === "neighbourhood") return `${scope.depth} hop${scope.depth > 1 ? "s" : ""} of co-construction around actor ${scope.actorId}`;
  const parts = [scope.scope.territoryId && `territory ${scope.scope.territoryId}`, scope.scope.idPrefix && `ids starting "${scope.scope.idPrefix}"`].filter(Boolean);
  return parts.length > 0 ? parts.join(", ") : "the whole graph";
}
