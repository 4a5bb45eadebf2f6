/**
 * How each actor identifier (the CONTRACT's property per scheme on the Actor node) is
 * written: a schema:PropertyValue named by `propertyID`, and for the schemes whose value is
 * an entity elsewhere on the web, schema:sameAs (its web address) and owl:sameAs (its RDF IRI).
 * When src/identifier/schemes.ts (IDENTIFIER_SCHEMES) lands, `web` should be its `uri`.
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

export const LD_IDENTIFIERS: readonly LdIdentifier[] = [
  { property: "siren", propertyID: "SIREN", web: (v) => `https://annuaire-entreprises.data.gouv.fr/entreprise/${v}` },
  { property: "siret", propertyID: "SIRET", web: (v) => `https://annuaire-entreprises.data.gouv.fr/etablissement/${v}` },
  { property: "rna", propertyID: "RNA" },
  { property: "ror", propertyID: "ROR", web: (v) => `https://ror.org/${v}`, rdf: (v) => `https://ror.org/${v}` },
  { property: "uai", propertyID: "UAI" },
  // Wikidata's concept IRIs are http://, its pages https://.
  { property: "wikidata", propertyID: "Wikidata", web: (v) => `https://www.wikidata.org/entity/${v}`, rdf: (v) => `http://www.wikidata.org/entity/${v}` },
  { property: "inseeCog", propertyID: "INSEE COG" },
];
