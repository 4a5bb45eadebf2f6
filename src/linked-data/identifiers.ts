import { IDENTIFIER_SCHEMES } from "../identifier/schemes";

/**
 * How each actor identifier (the CONTRACT's property per scheme on the Actor node) is
 * written: a schema:PropertyValue named by `propertyID`, and for the schemes whose value is
 * an entity elsewhere on the web, schema:sameAs (its web address, the scheme's `uri` in
 * src/identifier/schemes.ts) and owl:sameAs (its RDF IRI).
 */
export interface LdIdentifier {
  /** The actor property (and document field) holding it. */
  property: string;
  /** schema:propertyID: the scheme's usual name. */
  propertyID: string;
  /** Its web address, when there is one. */
  web?: (value: string) => string;
  /** The IRI linked data names the same entity with (owl:sameAs), when there is one. */
  rdf?: (value: string) => string;
}

/** The web address of a value of the identifier `property`, as the identifiers' own declaration gives it. */
const web = (property: string) => IDENTIFIER_SCHEMES.find((spec) => spec.property === property)?.uri;

export const LD_IDENTIFIERS: readonly LdIdentifier[] = [
  { property: "siren", propertyID: "SIREN", web: web("siren") },
  { property: "siret", propertyID: "SIRET", web: web("siret") },
  { property: "rna", propertyID: "RNA" },
  { property: "ror", propertyID: "ROR", web: web("ror"), rdf: (v) => `https://ror.org/${v}` },
  { property: "uai", propertyID: "UAI" },
  // Wikidata's concept IRIs are http://, its pages https://.
  { property: "wikidata", propertyID: "Wikidata", web: web("wikidata"), rdf: (v) => `http://www.wikidata.org/entity/${v}` },
  { property: "inseeCog", propertyID: "INSEE COG" },
];
