import { GraphDocument } from "../seed/document";
import { Executor, Row } from "../neo4j/executor";
import { toInputRow } from "../entity/input-row";
import { Entity, SPECS } from "../import/entities";
import { SourceInput } from "../source/source.input";
import { ExportRepository, ExportRun, ScopeMember } from "./export.repository";
import { ExportScope, isWhole, WHOLE_GRAPH } from "./export.scope";

/** The import format (src/seed/document.ts), with its maturity assessments section always present. */
export type ExportedDocument = GraphDocument & { maturityAssessments: object[] };

export type Section = keyof ExportedDocument;

/** The sections in the order the document writes them. */
export const SECTIONS: readonly Section[] = ["sources", "actors", "alliances", "memberships", "outcomes", "maturityAssessments"];

/** Rows of one section; a section's pages follow one another, and every section has at least one. */
export interface DocumentPage {
  section: Section;
  rows: object[];
}

/**
 * The scope as a lossless, re-importable graph document, a page at a time: the sections of
 * src/seed/demo-graph.json with the fields of the GraphQL input classes only (toInputRow:
 * no createdAt, updatedAt, nameKey; optional fields omitted when empty), every section
 * and every list sorted, so exporting twice gives identical text.
 *
 * It is self-contained: actors that outcomes benefit and every cited source come along,
 * so importing it into a database holding only the territories and SDGs succeeds (see documentPlan).
 *
 * Usage: `for await (const { section, rows } of documentPages(executor, scope)) write(section, rows)`
 */
export async function* documentPages(executor: Executor, scope: ExportScope = WHOLE_GRAPH, run: ExportRun = {}): AsyncGenerator<DocumentPage> {
  const repository = new ExportRepository(executor, run);
  const plan = await documentPlan(repository, scope, run);
  const sections = {
    actors: () => repository.sectionPages("actors", plan.actorIds),
    alliances: () => repository.sectionPages("alliances", plan.allianceIds),
    memberships: () => repository.sectionPages("memberships", plan.membershipIds),
    outcomes: () => repository.sectionPages("outcomes", plan.outcomeIds),
    maturityAssessments: () => repository.assessmentPages(plan.assessedActorIds, scope),
    sources: () => scopeSourcePages(repository, plan.sourceIds, scope),
  };
  for (const section of SECTIONS) {
    const input = SPECS[section as Entity].input;
    let count = 0;
    for await (const rows of sections[section]()) {
      count += rows.length;
      yield { section, rows: rows.map((row) => toInputRow(input, row)) };
    }
    if (count === 0) yield { section, rows: [] };
    run.progress?.(section, count);
  }
}

/**
 * The sources behind the scope, a page of rows (the input's fields) at a time, by id: those its
 * actors, alliances, memberships, outcomes and assessments cite (every source for the whole
 * graph), i.e. the document's sources section. The citation formats write these.
 */
export async function* citedSourcePages(executor: Executor, scope: ExportScope = WHOLE_GRAPH, run: ExportRun = {}): AsyncGenerator<Row[]> {
  const repository = new ExportRepository(executor, run);
  // The whole graph lists every source: which ones its facts cite need not be read.
  const cited = isWhole(scope) && !scope.idPrefix ? [] : (await documentPlan(repository, scope, run)).sourceIds;
  for await (const rows of scopeSourcePages(repository, cited, scope)) yield rows.map((row) => toInputRow(SourceInput, row));
}

/** What a document of the scope holds, ids only, each list sorted: every section's rows, and the sources they cite. */
interface DocumentPlan {
  actorIds: string[];
  allianceIds: string[];
  membershipIds: string[];
  outcomeIds: string[];
  /** Actors whose maturity assessments come along (beneficiaries of outcomes bring none). */
  assessedActorIds: string[];
  sourceIds: string[];
}

/**
 * Reads the plan of the scope's document. Actors that outcomes benefit come along; sources
 * are known only once everything else is read, so each section's cited ids are read first
 * (ids only, kept), then the sections page by page.
 */
async function documentPlan(repository: ExportRepository, scope: ExportScope, run: ExportRun): Promise<DocumentPlan> {
  const ids = await repository.scopeIds(scope);
  const cited = new Set<string>();
  const beneficiaries = new Set<string>();
  const cite = (rows: Row[]) => rows.forEach((row) => ((row.sourceIds as string[] | null) ?? []).forEach((id) => cited.add(id)));
  const outcomeIds: string[] = [];
  for await (const rows of repository.outcomesOf(ids.allianceIds)) {
    cite(rows);
    rows.forEach((row) => (row.beneficiaryActorIds as string[]).forEach((id) => beneficiaries.add(id)));
    outcomeIds.push(...rows.map((row) => row.id as string));
  }
  outcomeIds.sort();
  const actorIds = [...new Set([...ids.actorIds, ...beneficiaries])].sort();
  const membershipIds = [...ids.members].sort(byAllianceThenActor).map((m) => m.id);
  await repository.addCited(cited, { actors: actorIds, alliances: ids.allianceIds, memberships: membershipIds });
  for await (const rows of repository.assessmentPages(ids.actorIds, scope)) cite(rows);
  run.progress?.("sources cited", cited.size);
  return { actorIds, allianceIds: ids.allianceIds, membershipIds, outcomeIds, assessedActorIds: ids.actorIds, sourceIds: [...cited].sort() };
}

/**
 * The sources an export of the scope lists, a page of stored rows at a time (toInputRow shapes
 * them): those its facts cite (`cited`), or every one when the scope is the whole graph (or a
 * prefix of it). The document's sources section and the graph formats' sources table.
 */
export const scopeSourcePages = (repository: ExportRepository, cited: Iterable<string>, scope: ExportScope) =>
  repository.sourcePages([...cited].sort(), scope, isWhole(scope));

/** The whole document in memory (tests, and callers that need it as an object). */
export async function exportDocument(executor: Executor, scope: ExportScope = WHOLE_GRAPH, run: ExportRun = {}): Promise<ExportedDocument> {
  const document: ExportedDocument = { sources: [], actors: [], alliances: [], memberships: [], outcomes: [], maturityAssessments: [] };
  for await (const { section, rows } of documentPages(executor, scope, run)) document[section].push(...rows);
  return document;
}

/** Memberships as the document lists them: by alliance, then actor. */
function byAllianceThenActor(x: ScopeMember, y: ScopeMember): number {
  if (x.allianceId !== y.allianceId) return x.allianceId < y.allianceId ? -1 : 1;
  return x.actorId < y.actorId ? -1 : x.actorId > y.actorId ? 1 : 0;
}

/**
 * The document as `${JSON.stringify(document, null, 2)}\n` writes it, a page at a time
 * (each row indented as it would be inside the whole), so the streamed text is the same.
 */
export class DocumentWriter {
  private section: Section | null = null;
  private rowsInSection = 0;

  start(): string {
    return "{\n";
  }

  page({ section, rows }: DocumentPage): string {
    let out = "";
    if (section !== this.section) {
      out += this.closeSection() + `${this.section === null ? "" : ",\n"}  ${JSON.stringify(section)}: [`;
      this.section = section;
      this.rowsInSection = 0;
    }
    for (const row of rows) {
      out += `${this.rowsInSection++ > 0 ? "," : ""}\n    ${JSON.stringify(row, null, 2).replace(/\n/g, "\n    ")}`;
    }
    return out;
  }

  end(): string {
    return `${this.closeSection()}\n}\n`;
  }

  private closeSection(): string {
    if (this.section === null) return "";
    return this.rowsInSection > 0 ? "\n  ]" : "]";
  }
}
