import { NAMESPACES, OWN, PROPERTIES, Term } from "./vocabulary";

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
