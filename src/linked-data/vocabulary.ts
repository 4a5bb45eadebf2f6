/**
 * The linked-data vocabulary, declared once: the namespaces, and every property the export
 * writes with its JSON-LD term and value kind. The JSON-LD @context (context.ts) and the
 * Turtle writer's datatypes both derive from it, so the two serialisations cannot drift.
 */
export const NAMESPACES = {
  schema: "https://schema.org/",
  org: "http://www.w3.org/ns/org#",
  prov: "http://www.w3.org/ns/prov#",
  time: "http://www.w3.org/2006/time#",
  sosa: "http://www.w3.org/ns/sosa/",
  owl: "http://www.w3.org/2002/07/owl#",
  rdfs: "http://www.w3.org/2000/01/rdf-schema#",
  dcterms: "http://purl.org/dc/terms/",
  xsd: "http://www.w3.org/2001/XMLSchema#",
} as const;

export type Prefix = keyof typeof NAMESPACES;
/** "schema:name" and the like: a name in one of NAMESPACES. */
export type Curie = `${Prefix}:${string}`;

/** Our own terms (kinds, objectives, statuses): under the export's base, `<base>vocab/`. */
export const OWN = "ml";

/** A name of the vocabulary ("schema:name", "ml:objective") as a full IRI; our own terms live under `vocabulary`. */
export function iriOf(name: string, vocabulary: string): string {
  const colon = name.indexOf(":");
  const prefix = name.slice(0, colon);
  const namespace = prefix === OWN ? vocabulary : NAMESPACES[prefix as keyof typeof NAMESPACES];
  if (namespace === undefined) throw new Error(`"${name}" is not in a known namespace; expected one of ${[...Object.keys(NAMESPACES), OWN].join(", ")}`);
  return namespace + name.slice(colon + 1);
}

/** How a property's values are written: a text literal, a date (xsd:date), or a resource (an IRI). */
export type ValueKind = "text" | "date" | "iri";

/** Every property the export writes: JSON-LD term → [IRI (a curie, or `ml:` for our own), kind]. */
export const PROPERTIES = {
  name: ["schema:name", "text"],
  description: ["schema:description", "text"],
  url: ["schema:url", "iri"],
  identifier: ["schema:identifier", "iri"],
  propertyID: ["schema:propertyID", "text"],
  value: ["schema:value", "text"],
  sameAs: ["schema:sameAs", "iri"],
  owlSameAs: ["owl:sameAs", "iri"],
  additionalType: ["schema:additionalType", "iri"],
  foundingDate: ["schema:foundingDate", "date"],
  dissolutionDate: ["schema:dissolutionDate", "date"],
  areaServed: ["schema:areaServed", "iri"],
  about: ["schema:about", "iri"],
  containedInPlace: ["schema:containedInPlace", "iri"],
  hasSite: ["org:hasSite", "iri"],
  member: ["org:member", "iri"],
  organization: ["org:organization", "iri"],
  role: ["org:role", "iri"],
  memberDuring: ["org:memberDuring", "iri"],
  hasBeginning: ["time:hasBeginning", "iri"],
  hasEnd: ["time:hasEnd", "iri"],
  inXSDDate: ["time:inXSDDate", "date"],
  wasDerivedFrom: ["prov:wasDerivedFrom", "iri"],
  wasAttributedTo: ["prov:wasAttributedTo", "iri"],
  author: ["schema:author", "text"],
  publisher: ["schema:publisher", "text"],
  datePublished: ["schema:datePublished", "date"],
  pagination: ["schema:pagination", "text"],
  license: ["schema:license", "iri"],
  licenseText: ["schema:license", "text"],
  label: ["rdfs:label", "text"],
  code: ["dcterms:identifier", "text"],
  objective: ["ml:objective", "iri"],
  status: ["ml:status", "iri"],
  beneficiary: ["ml:beneficiary", "iri"],
  hasFeatureOfInterest: ["sosa:hasFeatureOfInterest", "iri"],
  observedProperty: ["sosa:observedProperty", "iri"],
  hasResult: ["sosa:hasResult", "iri"],
  phenomenonTime: ["sosa:phenomenonTime", "iri"],
} as const satisfies Record<string, readonly [Curie | `${typeof OWN}:${string}`, ValueKind]>;

export type Term = keyof typeof PROPERTIES;

/** The classes the export types its resources with. */
export const CLASSES = {
  organization: "org:Organization",
  collaboration: "org:OrganizationalCollaboration",
  membership: "org:Membership",
  role: "org:Role",
  site: "org:Site",
  interval: "time:Interval",
  instant: "time:Instant",
  entity: "prov:Entity",
  creativeWork: "schema:CreativeWork",
  propertyValue: "schema:PropertyValue",
  place: "schema:AdministrativeArea",
  schemaOrganization: "schema:Organization",
  observation: "sosa:Observation",
} as const satisfies Record<string, Curie>;

/** schema.org's closest class for each actor kind (ActorKind); every actor is an org:Organization too. */
export const ACTOR_CLASSES: Record<string, Curie> = {
  LOCAL_AUTHORITY: "schema:GovernmentOrganization",
  PUBLIC_INSTITUTION: "schema:GovernmentOrganization",
  COMPANY: "schema:Corporation",
  ASSOCIATION: "schema:NGO",
  FOUNDATION: "schema:NGO",
  ACADEMIC: "schema:EducationalOrganization",
  MEDIA: "schema:NewsMediaOrganization",
  INTERMEDIARY: "schema:Organization",
};

/** The UN's SDG goal IRIs (the SDG knowledge organisation system): http://metadata.un.org/sdg/17. */
export const sdgIri = (goal: number) => `http://metadata.un.org/sdg/${goal}`;
