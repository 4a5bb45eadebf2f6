import { DataFactory, Writer } from "n3";
import { LdNode } from "./ld.mapping";
import { iriOf, NAMESPACES, OWN, PROPERTIES } from "./vocabulary";

const { namedNode, literal, quad } = DataFactory;
const RDF_TYPE = namedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type");
const XSD_DATE = namedNode(`${NAMESPACES.xsd}date`);

/**
 * Turtle, written a page of nodes at a time by N3.js's Writer (which escapes literals and
 * groups a subject's triples): the prefixes first, then each node's triples. The Writer
 * writes into a buffer that each call empties, so a page's text leaves as soon as it is made.
 */
export class TurtleWriter {
  private buffer = "";
  private readonly writer: Writer;

  constructor(private readonly vocabulary: string) {
    const sink = {
      write: (chunk: string, _encoding?: string, done?: () => void) => {
        this.buffer += chunk;
        done?.();
      },
      end: (done?: () => void) => done?.(),
    };
    this.writer = new Writer(sink, { prefixes: { ...NAMESPACES, [OWN]: vocabulary }, end: false });
  }

  start(): string {
    return this.take();
  }

  write(nodes: LdNode[]): string {
    for (const { id, types, values } of nodes) {
      const subject = namedNode(id);
      for (const type of types) this.writer.addQuad(quad(subject, RDF_TYPE, namedNode(iriOf(type, this.vocabulary))));
      for (const [term, value] of values) {
        const [name, kind] = PROPERTIES[term];
        const object = kind === "iri" ? namedNode(value) : kind === "date" ? literal(value, XSD_DATE) : literal(value);
        this.writer.addQuad(quad(subject, namedNode(iriOf(name, this.vocabulary)), object));
      }
    }
    return this.take();
  }

  end(): string {
    this.writer.end();
    return this.take();
  }

  private take(): string {
    const text = this.buffer;
    this.buffer = "";
    return text;
  }
}
