import { Executor, Row } from "../neo4j/executor";
import { ExportScope, scopeParams } from "./export.scope";
import { Shape, shapeOf } from "../scope/shape";
import * as Q from "./export.cypher";

/** The ids an export covers (see SCOPE_IDS), each list sorted. */
export interface ScopeIds {
  allianceIds: string[];
  membershipIds: string[];
  actorIds: string[];
}

/** Progress of a long export: a stage and how many items it has. */
export type ExportProgress = (stage: string, count: number) => void;

/** Nodes and edges for the graph formats, as GRAPH_ACTORS / GRAPH_ALLIANCES / GRAPH_MEMBERSHIPS return them. */
export interface GraphRows {
  actors: { id: string; name: string; kind: string; territoryId: string | null; territoryName: string | null }[];
  alliances: {
    id: string; name: string; kind: string; status: string; startDate: string | null; endDate: string | null;
    territoryIds: string[]; territoryNames: string[];
  }[];
  memberships: { id: string; actorId: string; allianceId: string; role: string; startDate: string | null; endDate: string | null }[];
}

/** The only code that runs the export's Cypher; a fixed number of round trips whatever the size. */
export class ExportRepository {
  constructor(
    private readonly executor: Executor,
    private readonly progress: ExportProgress = () => {},
  ) {}

  /** Which alliances, memberships and actors the scope covers (one query). */
  async scopeIds(scope: ExportScope): Promise<ScopeIds> {
    const params = scopeParams(scope);
    const rows = await this.executor.read(Q.SCOPE_IDS(shapeOf(params)), params);
    const ids = (key: string) => [...new Set(rows.map((row) => row[key] as string | null).filter((id): id is string => id !== null))].sort();
    const scopeIds = { allianceIds: ids("allianceId"), membershipIds: ids("membershipId"), actorIds: ids("actorId") };
    this.progress("alliances in scope", scopeIds.allianceIds.length);
    this.progress("actors in scope", scopeIds.actorIds.length);
    return scopeIds;
  }

  /** The rows of one document section, by the ids they start from. */
  async section(query: keyof typeof SECTION_QUERIES, ids: string[], scope: ExportScope, extra: Record<string, unknown> = {}): Promise<Row[]> {
    const params = { ...scopeParams(scope), ids, ...extra };
    const cypher: string | ((shape: Shape) => string) = SECTION_QUERIES[query];
    const rows = await this.executor.read(typeof cypher === "string" ? cypher : cypher(shapeOf(params)), params);
    this.progress(query, rows.length);
    return rows.map((row) => row.row);
  }

  /** Maturity assessments of the actors, and of the scope's territories unless it selects by kind. */
  async assessments(actorIds: string[], scope: ExportScope): Promise<Row[]> {
    const territories = !scope.actorKinds && !scope.allianceKinds;
    return this.section("maturityAssessments", actorIds, scope, { territories });
  }

  /** Sources with these ids, plus every source when the scope is the whole graph (or a prefix of it). */
  async sources(citedIds: string[], scope: ExportScope, allSources: boolean): Promise<Row[]> {
    return this.section("sources", citedIds, scope, { allSources });
  }

  /** Actors, alliances and memberships for the graph formats (three queries). */
  async graphRows(ids: ScopeIds): Promise<GraphRows> {
    const [actors, alliances, memberships] = await Promise.all([
      this.executor.read(Q.GRAPH_ACTORS, { ids: ids.actorIds }),
      this.executor.read(Q.GRAPH_ALLIANCES, { ids: ids.allianceIds }),
      this.executor.read(Q.GRAPH_MEMBERSHIPS, { ids: ids.membershipIds }),
    ]);
    this.progress("memberships", memberships.length);
    return { actors, alliances, memberships } as GraphRows;
  }
}

const SECTION_QUERIES = {
  actors: Q.DOCUMENT_ACTORS,
  alliances: Q.DOCUMENT_ALLIANCES,
  memberships: Q.DOCUMENT_MEMBERSHIPS,
  outcomes: Q.DOCUMENT_OUTCOMES,
  maturityAssessments: Q.DOCUMENT_ASSESSMENTS,
  sources: Q.DOCUMENT_SOURCES,
};
