import { ActorKind, AllianceKind } from "../common/enums";
import { BadUserInputError } from "../common/errors";
import { allianceFilterParams } from "../alliance/alliance-filter";
import { Executor } from "../neo4j/executor";
import { toNeo4jDate } from "../neo4j/props";
import { RecordedPoint, resolvePoint } from "../history/view/recorded-point";
import { MAX_TERRITORY_REF, pickTerritory, territoriesNamed } from "../neo4j/references";

/** What an export covers. Every criterion is optional; criteria combine with AND. */
export interface ExportScope {
  /** Alliances acting in this territory (a resolved id) or anywhere inside it. */
  territoryId: string | null;
  /** Alliances and memberships active on this date ("YYYY-MM-DD"). */
  at: string | null;
  /** Alliances and memberships overlapping [from, to]; either end may be open. */
  from: string | null;
  to: string | null;
  allianceKinds: AllianceKind[] | null;
  /** Only actors of these kinds, and the alliances they are members of. */
  actorKinds: ActorKind[] | null;
  /** Only facts whose ids start with this (tests, or one data set among several). */
  idPrefix: string | null;
}

export type GraphMode = "bipartite" | "projected";
export const GRAPH_MODES: readonly GraphMode[] = ["bipartite", "projected"];

/** The whole graph. */
export const WHOLE_GRAPH: ExportScope = {
  territoryId: null, at: null, from: null, to: null, allianceKinds: null, actorKinds: null, idPrefix: null,
};

/** Export options as a client writes them (HTTP query string or CLI flags); every value a string. */
export interface RawExportOptions {
  territory?: unknown;
  at?: unknown;
  from?: unknown;
  to?: unknown;
  allianceKinds?: unknown;
  actorKinds?: unknown;
  mode?: unknown;
  /** The graph as recorded at this instant, or by this release (src/history/view). */
  asRecordedOn?: unknown;
  release?: unknown;
}

export const RAW_OPTION_NAMES: readonly (keyof RawExportOptions)[] = ["territory", "at", "from", "to", "allianceKinds", "actorKinds", "mode", "asRecordedOn", "release"];

/**
 * Checks and resolves raw options into a scope and a mode, or throws a BadUserInputError
 * naming the option (`territory`, `at`, …). The territory is looked up (one query).
 *
 * Usage: `const { scope, mode } = await parseExportOptions(executor, req.query)`
 */
export async function parseExportOptions(executor: Executor, raw: RawExportOptions): Promise<{ scope: ExportScope; mode: GraphMode; point: RecordedPoint | null }> {
  const at = parseDate(raw.at, "at");
  const from = parseDate(raw.from, "from");
  const to = parseDate(raw.to, "to");
  if (from && to && from > to) throw new BadUserInputError("to", `must not be before from (${from}), got "${to}"`);
  const allianceKinds = parseEnumList(raw.allianceKinds, "allianceKinds", AllianceKind);
  const actorKinds = parseEnumList(raw.actorKinds, "actorKinds", ActorKind);
  const mode = (parseString(raw.mode, "mode")?.toLowerCase() ?? "bipartite") as GraphMode;
  if (!GRAPH_MODES.includes(mode)) throw new BadUserInputError("mode", `must be one of ${GRAPH_MODES.join(", ")}, got "${raw.mode}"`);
  const territoryRef = parseString(raw.territory, "territory");
  const territoryId = territoryRef === null ? null : await resolveTerritory(executor, territoryRef);
  const point = await resolvePoint(executor, { asRecordedOn: parseString(raw.asRecordedOn, "asRecordedOn"), release: parseString(raw.release, "release") });
  return { scope: { territoryId, at, from, to, allianceKinds, actorKinds, idPrefix: null }, mode, point };
}

/** The territory reference resolved as everywhere else (scope/territory-ref.ts), in one query. */
async function resolveTerritory(executor: Executor, ref: string): Promise<string> {
  if (ref.length > MAX_TERRITORY_REF) throw new BadUserInputError("territory", "must be an INSEE code or a territory id like COMMUNE:94028");
  const [matches] = await territoriesNamed(executor.read.bind(executor), [ref]);
  return pickTerritory(ref, matches, "territory").id;
}

/** A single non-empty string, or null when absent; a repeated option (an array) is refused. */
function parseString(value: unknown, field: string): string | null {
  if (value === undefined || value === null || value === "") return null;
  if (typeof value !== "string") throw new BadUserInputError(field, "must be given once, as a single value");
  return value.trim() || null;
}

/** "YYYY-MM-DD" naming a real day. */
function parseDate(value: unknown, field: string): string | null {
  const text = parseString(value, field);
  if (text === null) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const date = match ? new Date(Date.UTC(+match[1], +match[2] - 1, +match[3])) : null;
  if (!date || date.toISOString().slice(0, 10) !== text) throw new BadUserInputError(field, `must be a date YYYY-MM-DD, got "${text}"`);
  return text;
}

/** "association,company" → [ASSOCIATION, COMPANY] (case-insensitive), every item a value of `values`. */
function parseEnumList<T extends string>(value: unknown, field: string, values: Record<string, T>): T[] | null {
  const text = parseString(value, field);
  if (text === null) return null;
  const allowed = Object.values(values);
  return text.split(",").map((item) => {
    const name = item.trim().toUpperCase() as T;
    if (!allowed.includes(name)) throw new BadUserInputError(field, `"${item.trim()}" is not one of ${allowed.join(", ")}`);
    return name;
  });
}

/** True when the scope selects by alliance (territory, period, kinds): then only members are exported. */
export function selectsAlliances(scope: ExportScope): boolean {
  return Boolean(scope.territoryId || scope.at || scope.from || scope.to || scope.allianceKinds);
}

/** True when nothing but an id prefix narrows the scope: then uncited sources are exported too. */
export function isWhole(scope: ExportScope): boolean {
  return !selectsAlliances(scope) && !scope.actorKinds;
}

/** The scope as the queries of export.cypher.ts take it. */
export function scopeParams(scope: ExportScope) {
  return {
    prefix: scope.idPrefix,
    filter: allianceFilterParams({ kinds: scope.allianceKinds }, scope.territoryId),
    at: toNeo4jDate(scope.at),
    from: toNeo4jDate(scope.from),
    to: toNeo4jDate(scope.to),
    actorKinds: scope.actorKinds,
    allActors: !selectsAlliances(scope),
  };
}

/** A file name part naming the scope: "all", or e.g. "DEPARTEMENT-94_at-2021-06-01_company". */
export function scopeSlug(scope: ExportScope, mode?: GraphMode): string {
  const parts = [
    scope.idPrefix && `prefix-${scope.idPrefix}`,
    scope.territoryId,
    scope.at && `at-${scope.at}`,
    scope.from && `from-${scope.from}`,
    scope.to && `to-${scope.to}`,
    scope.allianceKinds?.join("+"),
    scope.actorKinds?.join("+"),
    mode === "projected" && "projected",
  ].filter(Boolean) as string[];
  const slug = parts.join("_").replace(/[^A-Za-z0-9_+.-]+/g, "-").toLowerCase();
  return slug || "all";
}
