import type { RecordedPoint } from "../history/view/recorded-point";
import { Executor, Row } from "../neo4j/executor";
import { ExportScope, scopeParams } from "./export.scope";
import { Shape, shapeOf } from "../scope/shape";
import * as Q from "./export.cypher";
import { Label } from "../neo4j/graph-model";

/** Rows read per query: what an export holds of the data at once, besides the scope's ids. */
export const PAGE_SIZE = 1_000;

/** A membership in scope, with the dates the projected graph needs. */
export interface ScopeMember {
  id: string;
  actorId: string;
  allianceId: string;
  startDate: string | null;
  endDate: string | null;
}

/** What an export covers (see SCOPE_ALLIANCES): ids sorted, and the memberships between them. */
export interface ScopeIds {
  allianceIds: string[];
  membershipIds: string[];
  actorIds: string[];
  /** By membership id. */
  members: ScopeMember[];
}

/** Progress of a long export: a stage and how many items it has. */
export type ExportProgress = (stage: string, count: number) => void;

/** How an export runs: who hears of its progress, and rows per page (PAGE_SIZE; tests make it small). */
export interface ExportRun {
  progress?: ExportProgress;
  pageSize?: number;
  /** Linked-data formats: the base of every IRI (MAILLAGE_LD_BASE; DEFAULT_LD_BASE when absent). */
  ldBase?: string;
  /** The recorded state the executor reads (src/history/view), named in the file name; none: the current graph. */
  recordedAs?: RecordedPoint | null;
}

/** Actor and alliance nodes and membership edges for the graph formats, as GRAPH_* return them. */
export interface ActorRow { id: string; name: string; kind: string; territoryId: string | null; territoryName: string | null; sourceIds: string[] }
export interface AllianceRow {
  id: string; name: string; kind: string; status: string; startDate: string | null; endDate: string | null;
  territoryIds: string[]; territoryNames: string[]; sourceIds: string[];
}
export interface MembershipRow {
  id: string; actorId: string; allianceId: string; role: string; startDate: string | null; endDate: string | null; sourceIds: string[];
}

/** Sources cited by alliances and by memberships, by their ids (GRAPH_SHARED_SOURCES). */
export interface SharedSources {
  alliances: Map<string, string[]>;
  memberships: Map<string, string[]>;
}

/**
 * The only code that runs the export's Cypher. Besides the scope (one query, ids only),
 * everything is read a page of PAGE_SIZE rows at a time, in read transactions, so an export
 * holds one page however big the scope; a consumer that stops iterating stops the reads.
 */
export class ExportRepository {
  private readonly progress: ExportProgress;
  readonly pageSize: number;

  constructor(
    private readonly executor: Executor,
    run: ExportRun = {},
  ) {
    this.progress = run.progress ?? (() => {});
    this.pageSize = run.pageSize ?? PAGE_SIZE;
  }

  /**
   * Which alliances, memberships and actors the scope covers, read a page of alliances (and of
   * actors, when the scope takes every actor) at a time: only ids and membership dates are kept.
   */
  async scopeIds(scope: ExportScope): Promise<ScopeIds> {
    const allianceIds: string[] = [];
    const members: ScopeMember[] = [];
    const memberActors = new Set<string>();
    for await (const rows of this.keyset(Q.SCOPE_ALLIANCES, scope, {}, (rows) => rows.filter((row) => row.kept))) {
      for (const row of rows) {
        allianceIds.push(row.id);
        for (const member of row.members as ScopeMember[]) {
          members.push(member);
          memberActors.add(member.actorId);
        }
      }
    }
    let actorIds = [...memberActors];
    if (scopeParams(scope).allActors) {
      actorIds = [];
      for await (const ids of this.keyset(Q.SCOPE_ACTORS, scope, {}, (rows) => rows.map((row) => row.id as string))) actorIds.push(...ids);
    }
    members.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
    const scopeIds = { allianceIds: allianceIds.sort(), membershipIds: members.map((m) => m.id), actorIds: actorIds.sort(), members };
    this.progress("alliances in scope", scopeIds.allianceIds.length);
    this.progress("actors in scope", scopeIds.actorIds.length);
    return scopeIds;
  }

  /** Document rows (INPUT_ROW) of a section read by slices of its sorted ids: actors, alliances, memberships, outcomes. */
  async *sectionPages(section: keyof typeof SLICED_SECTIONS, ids: string[]): AsyncGenerator<Row[]> {
    yield* this.slices(SLICED_SECTIONS[section], ids, (rows) => rows.map((row) => row.row));
  }

  /** Ids of the sources the actors, alliances or memberships with these ids cite, a page of nodes at a time. */
  citedPages(section: "actors" | "alliances" | "memberships", ids: string[]): AsyncGenerator<string[]> {
    return this.slices(Q.CITED_SOURCES(CITING[section]), ids, (rows) => rows.map((row) => row.id as string));
  }

  /** Adds to `cited` the ids of the sources these actors, alliances and memberships cite (ids only, a page at a time). */
  async addCited(cited: Set<string>, ids: Record<keyof typeof CITING, string[]>): Promise<Set<string>> {
    for (const section of ["actors", "alliances", "memberships"] as const) {
      for await (const sourceIds of this.citedPages(section, ids[section])) sourceIds.forEach((id) => cited.add(id));
    }
    return cited;
  }

  /** Outcomes (document rows) of these alliances, a page of alliances at a time, in no order. */
  outcomesOf(allianceIds: string[]): AsyncGenerator<Row[]> {
    return this.slices(Q.OUTCOMES_OF_ALLIANCES, allianceIds, (rows) => rows.map((row) => row.row));
  }

  /** Maturity assessments of the actors, and of the scope's territories unless it selects by kind. */
  assessmentPages(actorIds: string[], scope: ExportScope): AsyncGenerator<Row[]> {
    const territories = !scope.actorKinds && !scope.allianceKinds;
    return this.keyset(Q.DOCUMENT_ASSESSMENTS, scope, { ids: actorIds, territories }, rowsOf);
  }

  /** Sources with these ids, plus every source when the scope is the whole graph (or a prefix of it). */
  sourcePages(citedIds: string[], scope: ExportScope, allSources: boolean): AsyncGenerator<Row[]> {
    return this.keyset(Q.DOCUMENT_SOURCES, scope, { ids: citedIds, allSources }, rowsOf);
  }

  /** Graph-format rows by slices of sorted ids (GRAPH_ACTORS, GRAPH_ALLIANCES, GRAPH_MEMBERSHIPS). */
  actorPages = (ids: string[]) => this.slices(Q.GRAPH_ACTORS, ids, (rows) => rows as ActorRow[]);
  alliancePages = (ids: string[]) => this.slices(Q.GRAPH_ALLIANCES, ids, (rows) => rows as AllianceRow[]);
  membershipPages = (ids: string[]) => this.slices(Q.GRAPH_MEMBERSHIPS, ids, (rows) => rows as MembershipRow[]);

  /** The sources of these alliances and memberships, in one query (a page of CO_CONSTRUCTS edges). */
  async sharedSources(allianceIds: string[], membershipIds: string[]): Promise<SharedSources> {
    const shared: SharedSources = { alliances: new Map(), memberships: new Map() };
    for (const row of await this.executor.read(Q.GRAPH_SHARED_SOURCES, { allianceIds, membershipIds })) {
      (row.membership ? shared.memberships : shared.alliances).set(row.id, row.sourceIds);
    }
    return shared;
  }

  /** One query per PAGE_SIZE ids of a sorted list; the query orders each page, so pages follow on. */
  private async *slices<T>(cypher: string, ids: string[], map: (rows: Row[]) => T[]): AsyncGenerator<T[]> {
    for (let start = 0; start < ids.length; start += this.pageSize) {
      yield map(await this.executor.read(cypher, { ids: ids.slice(start, start + this.pageSize) }));
    }
  }

  /** Keyset pages: rows with an id after the last one read, a page at a time, until a short page. */
  private async *keyset<T>(cypher: (shape: Shape) => string, scope: ExportScope, extra: Record<string, unknown>, map: (rows: Row[]) => T[]): AsyncGenerator<T[]> {
    const params = { ...scopeParams(scope), ...extra, limit: this.pageSize };
    const query = cypher(shapeOf(params));
    let after = "";
    for (;;) {
      const rows = await this.executor.read(query, { ...params, after });
      const mapped = map(rows);
      if (mapped.length > 0) yield mapped;
      if (rows.length < this.pageSize) return;
      after = rows[rows.length - 1].id;
    }
  }
}

const rowsOf = (rows: Row[]) => rows.map((row) => row.row);

const CITING = { actors: Label.Actor, alliances: Label.Alliance, memberships: Label.Membership } as const;

const SLICED_SECTIONS = {
  actors: Q.DOCUMENT_ACTORS,
  alliances: Q.DOCUMENT_ALLIANCES,
  memberships: Q.DOCUMENT_MEMBERSHIPS,
  outcomes: Q.DOCUMENT_OUTCOMES,
};
