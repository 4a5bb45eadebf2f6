import { Parser } from "n3";

// jsonld.js ships no types; these are the two calls used here. `safe` makes it throw on anything it would drop.
const jsonld: {
  expand(input: object, options: { safe: boolean }): Promise<object[]>;
  toRDF(input: object[], options: { safe: boolean }): Promise<{ subject: AnyTerm; predicate: AnyTerm; object: AnyTerm }[]>;
} = require("jsonld");

/** A triple as one comparable line: subject, predicate, and the object with its kind and datatype or language. */
export type TripleKey = string;

const RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
export const ORG = "http://www.w3.org/ns/org#";
export const PROV = "http://www.w3.org/ns/prov#";
export const SCHEMA = "https://schema.org/";
export const SOSA = "http://www.w3.org/ns/sosa/";
export const TIME = "http://www.w3.org/2006/time#";
export const XSD = "http://www.w3.org/2001/XMLSchema#";

interface AnyTerm {
  termType: string;
  value: string;
  datatype?: { value: string };
  language?: string;
}

function key(s: AnyTerm, p: AnyTerm, o: AnyTerm): TripleKey {
  const object = o.termType === "Literal" ? `"${o.value}"${o.language ? `@${o.language}` : `^^<${o.datatype?.value}>`}` : `<${o.value}>`;
  return `<${s.value}> <${p.value}> ${object}`;
}

/** The triples of a JSON-LD text, as jsonld.js (the JSON-LD reference processor) reads them: expand, then toRDF. */
export async function jsonldTriples(text: string): Promise<Set<TripleKey>> {
  const expanded = await jsonld.expand(JSON.parse(text), { safe: true });
  const quads = await jsonld.toRDF(expanded, { safe: true });
  return new Set(quads.map((q) => key(q.subject, q.predicate, q.object)));
}

/** The triples of a Turtle text, as N3.js's parser reads them (it throws on any syntax error). */
export function turtleTriples(text: string): Set<TripleKey> {
  return new Set(new Parser({ format: "text/turtle" }).parse(text).map((q) => key(q.subject, q.predicate, q.object)));
}

/** Subjects typed `type` (rdf:type, no inference). */
export function subjectsOf(triples: Set<TripleKey>, type: string): string[] {
  const suffix = ` <${RDF_TYPE}> <${type}>`;
  return [...triples].filter((t) => t.endsWith(suffix)).map((t) => t.slice(1, t.indexOf("> ")));
}

/** Objects of `subject`'s `predicate`, as their keys' object part. */
export function objectsOf(triples: Set<TripleKey>, subject: string, predicate: string): string[] {
  const prefix = `<${subject}> <${predicate}> `;
  return [...triples].filter((t) => t.startsWith(prefix)).map((t) => t.slice(prefix.length)).sort();
}

/** Every triple about `subject`, sorted. */
export function triplesAbout(triples: Set<TripleKey>, subject: string): string[] {
  return [...triples].filter((t) => t.startsWith(`<${subject}> `)).sort();
}
