import { stringify } from "csv-stringify/sync";
import { fieldsOf } from "../entity/field";
import { Executor } from "../neo4j/executor";
import { SourceInput } from "../source/source.input";
import { documentPages } from "./export.document";
import { graphHeader, graphPages } from "./export.graph";
import { ExportRun } from "./export.repository";
import { ExportScope, GraphMode } from "./export.scope";
import { Attributes, GraphHeader } from "./graph-writer";
import { FilePiece } from "./zip.writer";

/** The tables of a CSV export, in the order they are written. */
export type CsvFile = "nodes.csv" | "edges.csv" | "sources.csv";

/** Some text of one table; a table's pieces follow one another, the first holding its header. */
export interface TablePiece extends FilePiece {
  file: CsvFile;
}

/**
 * The scope as three tables, a page of rows at a time: nodes.csv and edges.csv in Gephi's
 * spreadsheet conventions (so its Data Laboratory, R's read.csv and Excel load them as they
 * are), from the graph model of export.graph.ts; sources.csv, the document export's sources
 * section, one column per SourceInput field.
 *
 *   nodes.csv    Id, Label, then every node attribute of graphHeader
 *   edges.csv    Source, Target, Type (Directed or Undirected), Id, Label (the edge's type:
 *                MEMBER_OF, CO_CONSTRUCTS), Weight, then every other edge attribute
 *   sources.csv  every field of SourceInput, in declaration order
 *
 * A list is one cell holding a JSON array (`["src-1","src-2"]`): one row per element would
 * multiply the edges Gephi draws. Cells are RFC 4180 (CRLF, quoted when they need it), UTF-8
 * without a BOM; text starting with = + - @ or a tab is written after a `'` so spreadsheets
 * do not run it as a formula (CSV_DIALECT).
 *
 * Usage: `for await (const { file, text } of csvTables(executor, scope, "bipartite")) write(file, text)`
 */
export async function* csvTables(executor: Executor, scope: ExportScope, mode: GraphMode, run: ExportRun = {}): AsyncGenerator<TablePiece> {
  const header = graphHeader(scope, mode);
  const nodeColumns = nodeColumnsOf(header);
  const edgeColumns = edgeColumnsOf(header);
  const nodes = new Table("nodes.csv", nodeColumns.map((c) => c.header));
  const edges = new Table("edges.csv", edgeColumns.map((c) => c.header));
  for await (const page of graphPages(executor, scope, mode, run)) {
    if (page.nodes.length > 0) yield nodes.rows(page.nodes.map((node) => nodeColumns.map((c) => c.value(node.id, node.attributes))));
    if (page.edges.length > 0) yield edges.rows(page.edges.map((edge) => edgeColumns.map((c) => c.value(edge, edge.attributes))));
  }
  // Nodes come before any edge, so a table still unwritten here has no rows.
  if (!nodes.begun) yield nodes.rows([]);
  if (!edges.begun) yield edges.rows([]);
  const names = fieldsOf(SourceInput).map((decl) => decl.name);
  const sources = new Table("sources.csv", names);
  // The JSON document's sources section (its first), the rest never read; the scope's progress was told above.
  for await (const { section, rows } of documentPages(executor, scope, { pageSize: run.pageSize })) {
    if (section !== "sources") break;
    if (rows.length > 0) yield sources.rows(rows.map((row) => names.map((name) => cell((row as Attributes)[name]))));
  }
  if (!sources.begun) yield sources.rows([]);
}

/**
 * One table's text, its header line written with its first rows: so no text comes before the
 * first page is read, and a scope that fails (Neo4j down) fails before anything is sent.
 */
class Table {
  begun = false;

  constructor(
    private readonly file: CsvFile,
    private readonly header: string[],
  ) {}

  rows(rows: Cell[][]): TablePiece {
    const text = csvRows(this.begun ? rows : [this.header, ...rows]);
    this.begun = true;
    return { file: this.file, text };
  }
}

/** A column: its header and how a row's cell is read. */
interface Column<T> {
  header: string;
  value: (element: T, attributes: Attributes) => Cell;
}

type Cell = string | number | null;

/** Id, Label, then the node attributes of the header (its `label` is Label). */
function nodeColumnsOf(header: GraphHeader): Column<string>[] {
  return [
    { header: "Id", value: (id) => id },
    { header: "Label", value: (_id, a) => cell(a.label) },
    ...attributeColumns(header.nodeAttributes, ["label"]),
  ];
}

/** Source, Target, Type, Id, Label, Weight (Gephi's names; `type` and `weight` are Label and Weight), then the other edge attributes. */
function edgeColumnsOf(header: GraphHeader): Column<{ id: string; source: string; target: string }>[] {
  const type = header.directed ? "Directed" : "Undirected";
  return [
    { header: "Source", value: (e) => e.source },
    { header: "Target", value: (e) => e.target },
    { header: "Type", value: () => type },
    { header: "Id", value: (e) => e.id },
    { header: "Label", value: (_e, a) => cell(a.type) },
    { header: "Weight", value: (_e, a) => cell(a.weight) },
    ...attributeColumns(header.edgeAttributes, ["type", "weight"]),
  ];
}

/** One column per declared attribute, under its own name, but those placed in Gephi's columns. */
function attributeColumns<T>(declared: GraphHeader["nodeAttributes"], placed: string[]): Column<T>[] {
  return declared.filter(({ name }) => !placed.includes(name)).map(({ name }) => ({ header: name, value: (_e: T, a: Attributes) => cell(a[name]) }));
}

/** A value as a cell: absent empty, numbers as they are, lists (and any object) as JSON, the rest as text. */
function cell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string") return value;
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

/**
 * How the tables are written (csv-stringify): comma-separated, CRLF line ends (RFC 4180),
 * no BOM (R and Python would read it into the first column's name), and `escape_formulas`:
 * a text cell starting with = + - @ tab or CR (or their full-width forms) gets a `'` in
 * front, so Excel shows it instead of running it. Numbers are never prefixed.
 */
const CSV_DIALECT = { delimiter: ",", record_delimiter: "\r\n", bom: false, escape_formulas: true } as const;

const csvRows = (rows: Cell[][]) => stringify(rows, CSV_DIALECT);
