import { NAMESPACES, OWN, PROPERTIES, Term } from "./vocabulary";

/** A name of the vocabulary ("schema:name", "ml:objective") as a full IRI; our own terms live under `vocabulary`. */
export function iriOf(name: string, vocabulary: string): string {
  const colon = name.indexOf(":");
  const prefix = name.slice(0, colon);
  const namespace = prefix === OWN ? vocabulary : NAMESPACES[prefix as keyof typeof NAMESPACES];
  if (namespace === undefined) throw new Error(`"${name}" is not in a known namespace; expected one of ${[...Object.keys(NAMESPACES), OWN].join(", ")}`);
  return namespace + name.slice(colon + 1);
}

/**
 * The JSON-LD @context of the export, derived from the vocabulary (vocabulary.ts): the
 * prefixes, then one term per property, coerced to an IRI (`"@type": "@id"`) or an xsd:date
 * where its values are those, so the nodes can hold plain strings. `vocabulary` is where our
 * own terms live (`<base>vocab/`).
 */
export function ldContext(vocabulary: string): Record<string, unknown> {
  const context: Record<string, unknown> = { ...NAMESPACES, [OWN]: vocabulary };
  for (const [term, [iri, kind]] of Object.entries(PROPERTIES) as [Term, (typeof PROPERTIES)[Term]][]) {
    context[term] = kind === "text" ? iri : { "@id": iri, "@type": kind === "iri" ? "@id" : "xsd:date" };
  }
  return context;
}
