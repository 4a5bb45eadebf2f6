import { DocumentPage, documentPages } from "../export/export.document";
import { ExportRun } from "../export/export.repository";
import { ExportScope } from "../export/export.scope";
import { Executor } from "../neo4j/executor";
import { ldContext } from "./context";
import { DEFAULT_LD_BASE, Iris } from "./iri";
import { JsonLdWriter } from "./jsonld.writer";
import { LdNode, LinkedDataMapper } from "./ld.mapping";
import { TurtleWriter } from "./turtle.writer";

/** The linked-data formats, as ExportFormat names them. */
export type LinkedDataFormat = "jsonld" | "turtle";

interface NodeWriter {
  start(): string;
  write(nodes: LdNode[]): string;
  end(): string;
}

/**
 * The scope as linked data (JSON-LD or Turtle), a page at a time: the graph document's pages
 * (documentPages, the one reading of the scope) mapped to resources, each page written as it comes.
 *
 * Usage: `for await (const text of linkedDataText(executor, "turtle", scope)) out.write(text)`
 */
export async function* linkedDataText(
  executor: Executor,
  format: LinkedDataFormat,
  scope: ExportScope,
  run: ExportRun = {},
): AsyncGenerator<string> {
  const iris = new Iris(run.ldBase ?? DEFAULT_LD_BASE);
  const writer = linkedDataWriter(format, iris);
  const mapper = new LinkedDataMapper(iris);
  let text = writer.start();
  for await (const page of documentPages(executor, scope, run)) {
    text += writer.write(mapper.page(page));
    yield text;
    text = "";
  }
  yield text + writer.end();
}

/** Linked data of document pages held in memory (tests, hostile data that the database would refuse). */
export function linkedDataOf(format: LinkedDataFormat, pages: DocumentPage[], base = DEFAULT_LD_BASE): string {
  const iris = new Iris(base);
  const writer = linkedDataWriter(format, iris);
  const mapper = new LinkedDataMapper(iris);
  return writer.start() + pages.map((page) => writer.write(mapper.page(page))).join("") + writer.end();
}

function linkedDataWriter(format: LinkedDataFormat, iris: Iris): NodeWriter {
  return format === "jsonld" ? new JsonLdWriter(ldContext(iris.vocabulary)) : new TurtleWriter(iris.vocabulary);
}
