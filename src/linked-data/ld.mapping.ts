import { DocumentPage } from "../export/export.document";
import { membershipId } from "../membership/membership.input";
import { IDENTIFIER_SCHEMES, IdentifierScheme } from "../identifier/schemes";
import { Iris, safeIri, segment } from "./iri";
import { ACTOR_CLASSES, CLASSES, Curie, OWN, sdgIri, Term } from "./vocabulary";

/** A class: one of the vocabulary's curies, or one of our own (`ml:Outcome`). */
export type LdClass = Curie | `${typeof OWN}:${string}`;

/** One resource: its IRI, classes, and property values (IRIs or literal text, as PROPERTIES says). */
export interface LdNode {
  id: string;
  types: LdClass[];
  values: [Term, string][];
}

type Row = Record<string, any>;

/**
 * The identifiers written as schema:PropertyValue (named by the scheme's label), with
 * schema:sameAs for its web address and owl:sameAs for its RDF IRI, as the schemes declare
 * them. The website is not one of them: it is the actor's schema:url.
 */
const LD_IDENTIFIERS = IDENTIFIER_SCHEMES.filter((spec) => spec.scheme !== IdentifierScheme.WEBSITE);

/**
 * The graph document's rows (export.document.ts documentPages) as linked-data resources, a
 * page at a time: actors and alliances as org:Organization (an alliance an
 * org:OrganizationalCollaboration), memberships as org:Membership with their period as a
 * time:Interval, maturity assessments as sosa:Observation, sources as prov:Entity +
 * schema:CreativeWork that each fact prov:wasDerivedFrom.
 * Parts of a resource (an identifier, a site, a period and its ends) get the resource's IRI
 * with a fragment rather than a blank node, so the same data always gives the same triples.
 * Territories and roles are written once, where first named.
 *
 * Usage: `const mapper = new LinkedDataMapper(new Iris(base)); for await (const page of documentPages(…)) write(mapper.page(page))`
 */
export class LinkedDataMapper {
  private readonly written = new Set<string>();

  constructor(private readonly iris: Iris) {}

  page({ section, rows }: DocumentPage): LdNode[] {
    const out: LdNode[] = [];
    const map = {
      sources: this.source,
      actors: this.actor,
      alliances: this.alliance,
      memberships: this.membership,
      outcomes: this.outcome,
      maturityAssessments: this.assessment,
    }[section];
    for (const row of rows as Row[]) map.call(this, row, out);
    return out;
  }

  private source(row: Row, out: LdNode[]): void {
    const id = this.iris.of("source", row.id);
    const source = resource(out, id, [CLASSES.entity, CLASSES.creativeWork])
      .add("name", row.title)
      .add("publisher", row.publisher)
      .add("datePublished", row.date)
      .add("url", row.url && safeIri(row.url))
      .add("additionalType", this.iris.term("SourceKind", row.kind))
      .addAll("author", row.authors)
      .add("pagination", row.pages);
    // A licence is an address (https://creativecommons.org/licenses/by/4.0/) or a name ("CC-BY-4.0").
    const licenceIsAddress = /^https?:\/\//.test(row.licence ?? "");
    source.add(licenceIsAddress ? "license" : "licenseText", licenceIsAddress ? safeIri(row.licence) : row.licence);
    if (row.doi) {
      const doi = `https://doi.org/${row.doi.split("/").map(segment).join("/")}`;
      source.add("identifier", `${id}#doi`).add("sameAs", doi);
      resource(out, `${id}#doi`, [CLASSES.propertyValue]).add("propertyID", "DOI").add("value", row.doi).add("url", doi);
    }
  }

  private actor(row: Row, out: LdNode[]): void {
    const id = this.iris.of("actor", row.id);
    const actor = resource(out, id, [CLASSES.organization, ACTOR_CLASSES[row.kind] ?? CLASSES.schemaOrganization])
      .add("name", row.name)
      .add("description", row.description)
      .add("url", row.website && safeIri(row.website))
      .add("additionalType", this.iris.term("ActorKind", row.kind));
    for (const scheme of LD_IDENTIFIERS) {
      const value = row[scheme.property];
      if (typeof value !== "string" || value === "") continue;
      const web = scheme.uri && safeIri(scheme.uri(value));
      actor.add("identifier", `${id}#${scheme.property}`).add("sameAs", web).add("owlSameAs", scheme.rdf && safeIri(scheme.rdf(value)));
      resource(out, `${id}#${scheme.property}`, [CLASSES.propertyValue]).add("propertyID", scheme.label).add("value", value).add("url", web);
    }
    if (row.basedIn) {
      actor.add("hasSite", `${id}#site`);
      resource(out, `${id}#site`, [CLASSES.site]).add("containedInPlace", this.territory(row.basedIn, out));
    }
    this.cite(actor, row);
  }

  private alliance(row: Row, out: LdNode[]): void {
    const id = this.iris.of("alliance", row.id);
    const alliance = resource(out, id, [CLASSES.organization, CLASSES.collaboration, CLASSES.schemaOrganization])
      .add("name", row.name)
      .add("description", row.description)
      .add("additionalType", this.iris.term("AllianceKind", row.kind))
      .add("status", this.iris.term("AllianceStatus", row.status))
      .addAll("objective", (row.objectives ?? []).map((o: string) => this.iris.term("AllianceObjective", o)))
      .add("foundingDate", row.startDate)
      .add("dissolutionDate", row.endDate)
      .addAll("areaServed", (row.territories ?? []).map((t: string) => this.territory(t, out)))
      .addAll("about", (row.sdgs ?? []).map(sdgIri));
    this.cite(alliance, row);
  }

  private membership(row: Row, out: LdNode[]): void {
    const id = this.iris.of("membership", membershipId(row.allianceId, row.actorId));
    const membership = resource(out, id, [CLASSES.membership])
      .add("member", this.iris.of("actor", row.actorId))
      .add("organization", this.iris.of("alliance", row.allianceId))
      .add("role", this.role(row.role, out));
    if (row.startDate || row.endDate) {
      membership.add("memberDuring", `${id}#period`);
      const period = resource(out, `${id}#period`, [CLASSES.interval]);
      if (row.startDate) {
        period.add("hasBeginning", `${id}#start`);
        resource(out, `${id}#start`, [CLASSES.instant]).add("inXSDDate", row.startDate);
      }
      if (row.endDate) {
        period.add("hasEnd", `${id}#end`);
        resource(out, `${id}#end`, [CLASSES.instant]).add("inXSDDate", row.endDate);
      }
    }
    this.cite(membership, row);
  }

  private outcome(row: Row, out: LdNode[]): void {
    const outcome = resource(out, this.iris.of("outcome", row.id), [`${OWN}:Outcome`])
      .add("name", row.title)
      .add("description", row.description)
      .add("additionalType", this.iris.term("OutcomeKind", row.kind))
      .add("wasAttributedTo", this.iris.of("alliance", row.allianceId))
      .addAll("about", (row.sdgs ?? []).map(sdgIri))
      .addAll("beneficiary", (row.beneficiaryActorIds ?? []).map((a: string) => this.iris.of("actor", a)))
      .addAll("areaServed", (row.beneficiaryTerritories ?? []).map((t: string) => this.territory(t, out)));
    this.cite(outcome, row);
  }

  /**
   * A maturity assessment is an observation (W3C SOSA): of its actor or territory, the property
   * ml:maturity, whose result is the level, observed on its date (a time:Instant, as memberships' ends).
   */
  private assessment(row: Row, out: LdNode[]): void {
    const id = this.iris.of("assessment", row.id);
    const subject = row.subjectType === "TERRITORY" ? this.territory(row.subjectId, out) : this.iris.of("actor", row.subjectId);
    const assessment = resource(out, id, [CLASSES.observation, `${OWN}:MaturityAssessment`])
      .add("hasFeatureOfInterest", subject)
      .add("observedProperty", `${this.iris.vocabulary}maturity`)
      .add("hasResult", this.iris.term("MaturityLevel", row.level))
      .add("phenomenonTime", `${id}#date`)
      .add("description", row.note);
    resource(out, `${id}#date`, [CLASSES.instant]).add("inXSDDate", row.assessedOn);
    this.cite(assessment, row);
  }

  private cite(node: Builder, row: Row): void {
    node.addAll("wasDerivedFrom", (row.sourceIds ?? []).map((s: string) => this.iris.of("source", s)));
  }

  /** A territory's IRI; the territory itself is written the first time it is named. */
  private territory(territoryId: string, out: LdNode[]): string {
    const id = this.iris.territory(territoryId);
    if (this.once(id)) resource(out, id, [CLASSES.place]).add("code", territoryId);
    return id;
  }

  /** A membership role's IRI; the org:Role is written the first time it is used. */
  private role(role: string, out: LdNode[]): string {
    const id = this.iris.term("MembershipRole", role);
    if (this.once(id)) resource(out, id, [CLASSES.role]).add("label", role);
    return id;
  }

  private once(id: string): boolean {
    if (this.written.has(id)) return false;
    this.written.add(id);
    return true;
  }
}

/** A resource added to `out`, filled through its builder; null, undefined and "" values are left out. */
function resource(out: LdNode[], id: string, types: LdClass[]): Builder {
  const node: LdNode = { id, types, values: [] };
  out.push(node);
  return new Builder(node);
}

class Builder {
  constructor(private readonly node: LdNode) {}

  add(term: Term, value: string | null | undefined): this {
    if (value !== null && value !== undefined && value !== "") this.node.values.push([term, value]);
    return this;
  }

  addAll(term: Term, values: string[] | null | undefined): this {
    for (const value of values ?? []) this.add(term, value);
    return this;
  }
}
